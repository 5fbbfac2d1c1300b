using System.Collections.Concurrent;
using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Reflection;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using k8s;
using k8s.Models;
using SovereignOps.Sandbox.Api;

namespace SovereignOps.Sandbox.Admission;

/// <summary>
/// Unknown fields in built-in kinds, found by walking the object against KubernetesClient's model types
/// (generated from the Kubernetes API): they are dropped, as the API server's typed decoding drops them,
/// refused under fieldValidation=Strict and reported as warnings under Warn.
/// </summary>
internal sealed class BuiltInFieldValidation : IAdmissionPlugin
{
    private static readonly FrozenDictionary<(string ApiVersion, string Kind), Type> Models = typeof(V1Pod).Assembly.GetTypes()
        .Select(t => (Type: t, Entity: t.GetCustomAttribute<KubernetesEntityAttribute>()))
        .Where(x => x.Entity is not null && x.Type.Namespace == "k8s.Models")
        .GroupBy(x => (ApiVersion: string.IsNullOrEmpty(x.Entity!.Group) ? x.Entity.ApiVersion : $"{x.Entity.Group}/{x.Entity.ApiVersion}", x.Entity.Kind))
        .ToFrozenDictionary(g => g.Key, g => g.First().Type);

    private static readonly ConcurrentDictionary<Type, FrozenDictionary<string, Type>> Properties = new();

    public ApiResult<JsonObject> Admit(AdmissionRequest request)
    {
        if (request.Type.IsCustom || !Models.TryGetValue((request.Type.ApiVersion, request.Type.Kind), out var model))
        {
            return request.Object;
        }

        var unknown = new List<string>();
        Walk(request.Object, model, "", unknown);
        if (unknown.Count == 0)
        {
            return request.Object;
        }

        var messages = unknown.Select(p => $"unknown field \"{p}\"").ToList();
        return request.FieldValidation switch
        {
            FieldValidation.Strict => ApiError.BadRequest("strict decoding error: " + string.Join(", ", messages)),
            FieldValidation.Warn => ApiResult.Ok(request.Object, [.. messages]),
            _ => request.Object,
        };
    }

    /// <summary>Removes properties the model does not declare, recording their paths.</summary>
    private static void Walk(JsonNode? node, Type type, string path, List<string> unknown)
    {
        var target = Nullable.GetUnderlyingType(type) ?? type;
        switch (node)
        {
            case JsonObject obj when DictionaryValueType(target) is { } valueType:
                foreach (var (key, value) in obj)
                {
                    Walk(value, valueType, $"{path}.{key}", unknown);
                }

                break;
            case JsonObject obj when IsModel(target):
                var declared = Properties.GetOrAdd(target, Declared);
                foreach (var key in obj.Select(p => p.Key).ToList())
                {
                    var childPath = path.Length == 0 ? key : $"{path}.{key}";
                    if (declared.TryGetValue(key, out var childType))
                    {
                        Walk(obj[key], childType, childPath, unknown);
                    }
                    else
                    {
                        unknown.Add(childPath);
                        obj.Remove(key);
                    }
                }

                break;
            case JsonArray array when ListItemType(target) is { } itemType:
                for (var i = 0; i < array.Count; i++)
                {
                    Walk(array[i], itemType, $"{path}[{i}]", unknown);
                }

                break;
            default:
                break;
        }
    }

    private static bool IsModel(Type type) => type.Namespace == "k8s.Models" && type.IsClass
        && type != typeof(IntOrString) && type != typeof(ResourceQuantity);

    private static Type? DictionaryValueType(Type type) =>
        type.IsGenericType && type.GetGenericTypeDefinition() is var definition
        && (definition == typeof(IDictionary<,>) || definition == typeof(Dictionary<,>) || definition == typeof(IReadOnlyDictionary<,>))
            ? type.GetGenericArguments()[1]
            : null;

    private static Type? ListItemType(Type type) =>
        type.IsArray ? type.GetElementType()
        : type.IsGenericType && type.GetGenericTypeDefinition() is var definition
          && (definition == typeof(IList<>) || definition == typeof(List<>) || definition == typeof(ICollection<>) || definition == typeof(IEnumerable<>) || definition == typeof(ImmutableArray<>))
            ? type.GetGenericArguments()[0]
            : null;

    private static FrozenDictionary<string, Type> Declared(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Select(p => (Name: p.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name, p.PropertyType))
            .Where(p => p.Name is not null)
            .GroupBy(p => p.Name!)
            .ToFrozenDictionary(g => g.Key, g => g.First().PropertyType);
}

using System.Collections;
using System.ComponentModel;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using k8s.Models;

namespace SovereignOps.Api.Crds;

/// <summary>
/// Builds a structural OpenAPI v3 schema from a C# type and its attributes. Every property must carry a
/// <see cref="DescriptionAttribute"/>: descriptions feed <c>kubectl explain</c>, so a missing one fails generation.
/// </summary>
public static class SchemaGenerator
{
    private const string QuantityPattern =
        "^(\\+|-)?(([0-9]+(\\.[0-9]*)?)|(\\.[0-9]+))(([KMGTPE]i)|[numkMGTPE]|([eE](\\+|-)?(([0-9]+(\\.[0-9]*)?)|(\\.[0-9]+))))?$";

    private const string PercentPattern = "^(100|[1-9]?[0-9])%$";

    public static V1JSONSchemaProps ForObject(Type type, string description)
    {
        var schema = new V1JSONSchemaProps
        {
            Type = "object",
            Description = description,
            Properties = new Dictionary<string, V1JSONSchemaProps>(StringComparer.Ordinal),
        };
        var required = new List<string>();
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetCustomAttribute<JsonIgnoreAttribute>() is { Condition: JsonIgnoreCondition.Always })
            {
                continue;
            }

            var name = JsonName(property);
            schema.Properties[name] = ForProperty(property);
            if (property.GetCustomAttribute<RequiredAttribute>() is not null)
            {
                required.Add(name);
            }
        }

        if (required.Count > 0)
        {
            schema.Required = required;
        }

        var rules = type.GetCustomAttributes<CelRuleAttribute>().Select(ToRule).ToList();
        if (rules.Count > 0)
        {
            schema.XKubernetesValidations = rules;
        }

        return schema;
    }

    public static string JsonName(PropertyInfo property) =>
        property.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name ?? JsonNamingPolicy.CamelCase.ConvertName(property.Name);

    private static V1JSONSchemaProps ForProperty(PropertyInfo property)
    {
        var description = property.GetCustomAttribute<DescriptionAttribute>()?.Description;
        if (string.IsNullOrWhiteSpace(description))
        {
            throw new InvalidOperationException($"{property.DeclaringType?.Name}.{property.Name} has no [Description]; every CRD field needs one for kubectl explain.");
        }

        var schema = ForType(property.PropertyType, description, property);
        ApplyConstraints(schema, property);
        return schema;
    }

    private static V1JSONSchemaProps ForType(Type type, string description, PropertyInfo? property)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type == typeof(string))
        {
            return new V1JSONSchemaProps { Type = "string", Description = description };
        }

        if (type == typeof(bool))
        {
            return new V1JSONSchemaProps { Type = "boolean", Description = description };
        }

        if (type == typeof(int))
        {
            return new V1JSONSchemaProps { Type = "integer", Format = "int32", Description = description };
        }

        if (type == typeof(long))
        {
            return new V1JSONSchemaProps { Type = "integer", Format = "int64", Description = description };
        }

        if (type == typeof(double))
        {
            return new V1JSONSchemaProps { Type = "number", Description = description };
        }

        if (type == typeof(DateTime) || type == typeof(DateTimeOffset))
        {
            return new V1JSONSchemaProps { Type = "string", Format = "date-time", Description = description };
        }

        if (type == typeof(ResourceQuantity) || type == typeof(IntOrString))
        {
            var isQuantity = type == typeof(ResourceQuantity) || property?.GetCustomAttribute<QuantityAttribute>() is not null;
            return new V1JSONSchemaProps
            {
                Description = description,
                AnyOf = [new V1JSONSchemaProps { Type = "integer" }, new V1JSONSchemaProps { Type = "string" }],
                XKubernetesIntOrString = true,
                Pattern = isQuantity ? QuantityPattern : PercentPattern,
            };
        }

        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(Dictionary<,>))
        {
            var valueType = type.GetGenericArguments()[1];
            return new V1JSONSchemaProps
            {
                Type = "object",
                Description = description,
                AdditionalProperties = ForType(valueType, description, property: null).WithoutDescription(),
            };
        }

        if (type != typeof(string) && typeof(IEnumerable).IsAssignableFrom(type) && type.IsGenericType)
        {
            var itemType = type.GetGenericArguments()[0];
            return new V1JSONSchemaProps
            {
                Type = "array",
                Description = description,
                Items = ForType(itemType, description, property: null).WithoutDescription(),
            };
        }

        if (type.IsClass)
        {
            return ForObject(type, description);
        }

        throw new InvalidOperationException($"No schema mapping for {type.Name}.");
    }

    private static V1JSONSchemaProps WithoutDescription(this V1JSONSchemaProps schema)
    {
        // Item schemas of scalar lists repeat nothing useful; object item schemas keep their field descriptions.
        if (schema.Type != "object" || schema.Properties is null)
        {
            schema.Description = null;
        }

        return schema;
    }

    private static void ApplyConstraints(V1JSONSchemaProps schema, PropertyInfo property)
    {
        var item = schema.Items as V1JSONSchemaProps;
        foreach (var attribute in property.GetCustomAttributes())
        {
            switch (attribute)
            {
                case OneOfAttribute oneOf:
                    schema.EnumProperty = oneOf.Values.Cast<object>().ToList();
                    break;
                case ItemsOneOfAttribute itemsOneOf when item is not null:
                    item.EnumProperty = itemsOneOf.Values.Cast<object>().ToList();
                    break;
                case ItemsPatternAttribute itemsPattern when item is not null:
                    item.Pattern = itemsPattern.Pattern;
                    break;
                case MinimumAttribute minimum:
                    schema.Minimum = minimum.Value;
                    schema.ExclusiveMinimum = minimum.Exclusive ? true : null;
                    break;
                case MaximumAttribute maximum:
                    schema.Maximum = maximum.Value;
                    schema.ExclusiveMaximum = maximum.Exclusive ? true : null;
                    break;
                case PatternAttribute pattern:
                    schema.Pattern = pattern.Pattern;
                    break;
                case LengthAttribute length:
                    schema.MinLength = length.Min > 0 ? length.Min : null;
                    schema.MaxLength = length.Max;
                    break;
                case ItemCountAttribute count:
                    schema.MinItems = count.Min > 0 ? count.Min : null;
                    schema.MaxItems = count.Max;
                    break;
                case DefaultAttribute @default:
                    schema.DefaultProperty = @default.Value;
                    break;
                case ListMapAttribute listMap:
                    schema.XKubernetesListType = "map";
                    schema.XKubernetesListMapKeys = listMap.Keys.ToList();
                    break;
                case ListSetAttribute:
                    schema.XKubernetesListType = "set";
                    break;
                case CelRuleAttribute rule:
                    (schema.XKubernetesValidations ??= []).Add(ToRule(rule));
                    break;
            }
        }
    }

    private static V1ValidationRule ToRule(CelRuleAttribute rule) => new()
    {
        Rule = rule.Rule,
        Message = rule.Message,
        FieldPath = rule.FieldPath,
        Reason = rule.Reason,
    };
}

using System.Collections.Immutable;
using System.Text.Json.Nodes;
using SovereignOps.Sandbox.Apply;
using SovereignOps.Sandbox.Registry;
using SovereignOps.Sandbox.Storage;

namespace SovereignOps.Sandbox.Api;

/// <summary>
/// The Kubernetes object semantics on top of <see cref="ObjectStore"/>: validation of names and
/// namespaces, system metadata, generation, status subresource rules, finalizers, managed fields,
/// admission plugins, patches and server-side apply. The HTTP layer and in-process controllers call
/// the same methods, so both see identical behaviour.
/// </summary>
public sealed partial class ResourceApi
{
    private const int MaxRetries = 32;

    private readonly TimeProvider _clock;
    private ImmutableArray<IAdmissionPlugin> _plugins = [];

    public ResourceApi(ObjectStore store, ResourceRegistry registry, TimeProvider clock)
    {
        Store = store;
        Registry = registry;
        _clock = clock;
        Fields = new FieldManager(clock);
    }

    public ObjectStore Store { get; }

    public TimeProvider Clock => _clock;

    public ResourceRegistry Registry { get; }

    internal FieldManager Fields { get; }

    public void AddAdmission(IAdmissionPlugin plugin) => ImmutableInterlocked.Update(ref _plugins, p => p.Add(plugin));

    /// <summary>Finds a served resource by group, version and plural; null when not served.</summary>
    public ResourceType? Resolve(string group, string version, string plural) => Registry.Current.Find(group, version, plural);

    /// <summary>Finds a served resource by apiVersion and kind; null when not served.</summary>
    public ResourceType? ResolveKind(string apiVersion, string kind) => Registry.Current.FindByKind(apiVersion, kind);

    public ApiResult<StoredObject> Get(ResourceType type, string ns, string name) =>
        Store.Get(type.GroupResource, Scope(type, ns), name) is { } found
            ? found
            : ApiError.NotFound(type.GroupResource, name);

    /// <summary>Lists one namespace, or every namespace when <paramref name="ns"/> is null or the resource is cluster-scoped.</summary>
    public ApiResult<ListResult> List(ResourceType type, string? ns, ListOptions options)
    {
        var (items, version) = Store.List(type.GroupResource, type.Namespaced && !string.IsNullOrEmpty(ns) ? ns : null);
        var after = ContinueToken.Decode(options.Continue);
        if (options.Continue is { Length: > 0 } && after is null)
        {
            return ApiError.BadRequest("continue key is not valid: incorrect encoded start resourceVersion (version meta.k8s.io/v1)");
        }

        var selected = new List<StoredObject>();
        var remaining = 0L;
        string? next = null;
        foreach (var item in items)
        {
            if (after is not null && string.CompareOrdinal(item.Key, after) <= 0)
            {
                continue;
            }

            if (!options.LabelSelector.Matches(item.Labels) || !options.FieldSelector.Matches(item))
            {
                continue;
            }

            if (options.Limit > 0 && selected.Count >= options.Limit)
            {
                next ??= ContinueToken.Encode(selected[^1].Key, version);
                remaining++;
                continue;
            }

            selected.Add(item);
        }

        return new ListResult(selected, version, next, next is null ? null : remaining);
    }

    private static string Scope(ResourceType type, string? ns) => type.Namespaced ? ns ?? "" : "";

    private DateTimeOffset Now => _clock.GetUtcNow();

    private ApiResult<JsonObject> RunAdmission(AdmissionRequest request)
    {
        var warnings = ImmutableArray<string>.Empty;
        var current = request.Object;
        foreach (var plugin in _plugins)
        {
            var result = plugin.Admit(request with { Object = current });
            if (!result.Succeeded)
            {
                return result;
            }

            warnings = warnings.AddRange(result.Warnings);
            current = result.Value;
        }

        return ApiResult.Ok(current, warnings);
    }
}

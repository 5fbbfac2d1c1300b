using System.Collections.Immutable;

namespace SovereignOps.Sandbox.Registry;

/// <summary>
/// The served resources. Readers take the current <see cref="Snapshot"/> without locking; CRD changes
/// publish a new snapshot atomically, so discovery never sees half of a CRD.
/// </summary>
public sealed class ResourceRegistry
{
    private readonly object _gate = new();
    private readonly ImmutableArray<ResourceType> _builtIn;
    private ImmutableDictionary<string, ImmutableArray<ResourceType>> _custom = ImmutableDictionary<string, ImmutableArray<ResourceType>>.Empty;
    private Snapshot _current;

    public ResourceRegistry()
    {
        _builtIn = BuiltInResources.Create();
        _current = new Snapshot(_builtIn, 1);
    }

    public Snapshot Current => Volatile.Read(ref _current);

    /// <summary>Raised after a CRD's resources were added, changed or removed.</summary>
    public event Action? Changed;

    /// <summary>Replaces the resources served for one CRD (an empty list removes them).</summary>
    public void SetCustomResources(string crdName, ImmutableArray<ResourceType> types)
    {
        lock (_gate)
        {
            _custom = types.IsEmpty ? _custom.Remove(crdName) : _custom.SetItem(crdName, types);
            var all = _builtIn.AddRange(_custom.Values.SelectMany(t => t));
            Volatile.Write(ref _current, new Snapshot(all, _current.Generation + 1));
        }

        Changed?.Invoke();
    }

    /// <summary>An immutable view of the served resources with the indexes routing and discovery need.</summary>
    public sealed class Snapshot
    {
        private readonly Dictionary<(string Group, string Version, string Plural), ResourceType> _byPath = [];
        private readonly Dictionary<(string ApiVersion, string Kind), ResourceType> _byKind = [];
        private readonly Dictionary<GroupResource, ResourceType> _storage = [];

        internal Snapshot(ImmutableArray<ResourceType> all, long generation)
        {
            All = all;
            Generation = generation;
            foreach (var type in all)
            {
                _byPath[(type.Group, type.Version, type.Plural)] = type;
                _byKind[(type.ApiVersion, type.Kind)] = type;
                if (type.IsStorageVersion || !_storage.ContainsKey(type.GroupResource))
                {
                    _storage[type.GroupResource] = type;
                }
            }

            Groups = all
                .GroupBy(t => t.Group)
                .Select(g => new ApiGroup(
                    g.Key,
                    [.. g.Select(t => t.Version).Distinct().Order(KubeVersionComparer.Instance)],
                    [.. g]))
                .OrderBy(g => g.Name.Length == 0 ? 0 : 1)
                .ThenBy(g => g.Name, StringComparer.Ordinal)
                .ToImmutableArray();
        }

        public ImmutableArray<ResourceType> All { get; }

        /// <summary>Increases with every change; discovery and OpenAPI hashes derive from it.</summary>
        public long Generation { get; }

        /// <summary>API groups, the legacy core group ("") first, each with its versions in preference order.</summary>
        public ImmutableArray<ApiGroup> Groups { get; }

        public ResourceType? Find(string group, string version, string plural) =>
            _byPath.GetValueOrDefault((group, version, plural));

        public ResourceType? FindByKind(string apiVersion, string kind) =>
            _byKind.GetValueOrDefault((apiVersion, kind));

        /// <summary>The version whose shape objects of this group-resource are stored in.</summary>
        public ResourceType? StorageType(GroupResource groupResource) =>
            _storage.GetValueOrDefault(groupResource);

        public IEnumerable<GroupResource> StoredResources => _storage.Keys;
    }
}

/// <summary>One API group: its versions (most preferred first) and every resource in any of them.</summary>
public sealed record ApiGroup(string Name, ImmutableArray<string> Versions, ImmutableArray<ResourceType> Resources)
{
    public string PreferredVersion => Versions[0];
}

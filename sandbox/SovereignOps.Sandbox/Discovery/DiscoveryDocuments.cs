using System.Text.Json.Nodes;
using SovereignOps.Sandbox.Registry;

namespace SovereignOps.Sandbox.Discovery;

/// <summary>
/// The discovery documents clients read to learn what the server serves: the legacy documents
/// (/api, /apis, /apis/{group}, /api/v1, /apis/{group}/{version}) and the aggregated v2 form that
/// kubectl and client-go ask for first.
/// </summary>
public static class DiscoveryDocuments
{
    private static readonly string[] StatusVerbs = ["get", "patch", "update"];

    public static JsonObject CoreVersions(string serverAddress) => new()
    {
        ["kind"] = "APIVersions",
        ["versions"] = new JsonArray("v1"),
        ["serverAddressByClientCIDRs"] = new JsonArray(new JsonObject { ["clientCIDR"] = "0.0.0.0/0", ["serverAddress"] = serverAddress }),
    };

    public static JsonObject GroupList(ResourceRegistry.Snapshot registry) => new()
    {
        ["kind"] = "APIGroupList",
        ["apiVersion"] = "v1",
        ["groups"] = new JsonArray([.. registry.Groups.Where(g => g.Name.Length > 0).Select(g => (JsonNode)Group(g))]),
    };

    public static JsonObject Group(ApiGroup group) => new()
    {
        ["kind"] = "APIGroup",
        ["apiVersion"] = "v1",
        ["name"] = group.Name,
        ["versions"] = new JsonArray([.. group.Versions.Select(v => (JsonNode)GroupVersion(group.Name, v))]),
        ["preferredVersion"] = GroupVersion(group.Name, group.PreferredVersion),
    };

    public static JsonObject ResourceList(ApiGroup group, string version)
    {
        var resources = new JsonArray();
        foreach (var type in group.Resources.Where(r => r.Version == version))
        {
            resources.Add(new JsonObject
            {
                ["name"] = type.Plural,
                ["singularName"] = type.SingularOrLowerKind,
                ["namespaced"] = type.Namespaced,
                ["kind"] = type.Kind,
                ["verbs"] = Strings(type.Verbs),
                ["shortNames"] = Strings(type.ShortNames),
                ["categories"] = Strings(type.Categories),
            });
            if (type.HasStatus)
            {
                resources.Add(new JsonObject
                {
                    ["name"] = type.Plural + "/status",
                    ["singularName"] = "",
                    ["namespaced"] = type.Namespaced,
                    ["kind"] = type.Kind,
                    ["verbs"] = Strings(StatusVerbs),
                });
            }

            if (type.HasScale)
            {
                resources.Add(new JsonObject
                {
                    ["name"] = type.Plural + "/scale",
                    ["singularName"] = "",
                    ["namespaced"] = type.Namespaced,
                    ["group"] = "autoscaling",
                    ["version"] = "v1",
                    ["kind"] = "Scale",
                    ["verbs"] = Strings(StatusVerbs),
                });
            }
        }

        return new JsonObject
        {
            ["kind"] = "APIResourceList",
            ["apiVersion"] = "v1",
            ["groupVersion"] = group.Name.Length == 0 ? version : $"{group.Name}/{version}",
            ["resources"] = resources,
        };
    }

    /// <summary>The aggregated document for the core group (<paramref name="legacy"/>) or for every named group.</summary>
    public static JsonObject Aggregated(ResourceRegistry.Snapshot registry, bool legacy, string apiVersion)
    {
        var items = new JsonArray();
        foreach (var group in registry.Groups.Where(g => (g.Name.Length == 0) == legacy))
        {
            items.Add(new JsonObject
            {
                ["metadata"] = new JsonObject { ["name"] = group.Name },
                ["versions"] = new JsonArray([.. group.Versions.Select(v => (JsonNode)AggregatedVersion(group, v))]),
            });
        }

        return new JsonObject
        {
            ["kind"] = "APIGroupDiscoveryList",
            ["apiVersion"] = apiVersion,
            ["metadata"] = new JsonObject(),
            ["items"] = items,
        };
    }

    private static JsonObject AggregatedVersion(ApiGroup group, string version)
    {
        var resources = new JsonArray();
        foreach (var type in group.Resources.Where(r => r.Version == version).OrderBy(r => r.Plural, StringComparer.Ordinal))
        {
            var kind = new JsonObject { ["group"] = type.Group, ["version"] = type.Version, ["kind"] = type.Kind };
            var resource = new JsonObject
            {
                ["resource"] = type.Plural,
                ["responseKind"] = kind,
                ["scope"] = type.Namespaced ? "Namespaced" : "Cluster",
                ["singularResource"] = type.SingularOrLowerKind,
                ["verbs"] = Strings(type.Verbs),
            };
            if (!type.ShortNames.IsEmpty)
            {
                resource["shortNames"] = Strings(type.ShortNames);
            }

            if (!type.Categories.IsEmpty)
            {
                resource["categories"] = Strings(type.Categories);
            }

            var subresources = new JsonArray();
            if (type.HasStatus)
            {
                subresources.Add(new JsonObject
                {
                    ["subresource"] = "status",
                    ["responseKind"] = kind.DeepClone(),
                    ["verbs"] = Strings(StatusVerbs),
                });
            }

            if (type.HasScale)
            {
                subresources.Add(new JsonObject
                {
                    ["subresource"] = "scale",
                    ["responseKind"] = new JsonObject { ["group"] = "autoscaling", ["version"] = "v1", ["kind"] = "Scale" },
                    ["verbs"] = Strings(StatusVerbs),
                });
            }

            if (subresources.Count > 0)
            {
                resource["subresources"] = subresources;
            }

            resources.Add(resource);
        }

        return new JsonObject { ["version"] = version, ["resources"] = resources, ["freshness"] = "Current" };
    }

    private static JsonObject GroupVersion(string group, string version) => new()
    {
        ["groupVersion"] = $"{group}/{version}",
        ["version"] = version,
    };

    private static JsonArray Strings(IEnumerable<string> values) => new([.. values.Select(v => (JsonNode)JsonValue.Create(v))]);
}

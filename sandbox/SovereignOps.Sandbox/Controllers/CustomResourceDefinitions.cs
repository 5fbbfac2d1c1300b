using System.Collections.Immutable;
using System.Text.Json.Nodes;
using SovereignOps.Sandbox.Api;
using SovereignOps.Sandbox.Registry;

namespace SovereignOps.Sandbox.Controllers;

/// <summary>Reads the served resources a CustomResourceDefinition declares.</summary>
internal static class CustomResourceDefinitions
{
    public static readonly GroupResource Resource = new("apiextensions.k8s.io", "customresourcedefinitions");

    public static ImmutableArray<ResourceType> ServedTypes(JsonObject crd)
    {
        var name = crd.Metadata().GetString("name") ?? "";
        var spec = crd["spec"] as JsonObject ?? new JsonObject();
        var names = spec["names"] as JsonObject ?? new JsonObject();
        var group = spec.GetString("group") ?? "";
        var versions = (spec["versions"] as JsonArray)?.OfType<JsonObject>().ToList() ?? [];
        var types = ImmutableArray.CreateBuilder<ResourceType>();
        foreach (var version in versions.Where(v => v["served"] is JsonValue served && served.GetValue<bool>()))
        {
            var subresources = version["subresources"] as JsonObject;
            types.Add(new ResourceType
            {
                Group = group,
                Version = version.GetString("name") ?? "",
                Plural = names.GetString("plural") ?? "",
                Kind = names.GetString("kind") ?? "",
                Singular = names.GetString("singular") ?? (names.GetString("kind") ?? "").ToLowerInvariant(),
                Namespaced = spec.GetString("scope") != "Cluster",
                ShortNames = [.. names.StringList("shortNames")],
                Categories = [.. names.StringList("categories")],
                HasStatus = subresources?["status"] is not null,
                Scale = subresources?["scale"] is JsonObject scale
                    ? new ScalePaths(
                        (scale.GetString("specReplicasPath") ?? ".spec.replicas").TrimStart('.'),
                        (scale.GetString("statusReplicasPath") ?? ".status.replicas").TrimStart('.'),
                        scale.GetString("labelSelectorPath")?.TrimStart('.'),
                        SelectorIsLabelSelector: false)
                    : null,
                TracksGeneration = true,
                ResetsStatusOnCreate = subresources?["status"] is not null,
                RequiresResourceVersionOnUpdate = true,
                IsStorageVersion = version["storage"] is JsonValue storage && storage.GetValue<bool>(),
                SelectableFields = [.. ((version["selectableFields"] as JsonArray)?.OfType<JsonObject>() ?? [])
                    .Select(f => (f.GetString("jsonPath") ?? "").TrimStart('.'))],
                Custom = new CustomResourceInfo
                {
                    CrdName = name,
                    Schema = (version["schema"] as JsonObject)?["openAPIV3Schema"]?.DeepClone() as JsonObject,
                    PrinterColumns = [.. ((version["additionalPrinterColumns"] as JsonArray)?.OfType<JsonObject>() ?? []).Select(c => new PrinterColumn(
                        c.GetString("name") ?? "",
                        c.GetString("type") ?? "string",
                        c.GetString("jsonPath") ?? "",
                        c.GetString("description") ?? "",
                        (int)(c.GetLong("priority") ?? 0),
                        c.GetString("format") ?? ""))],
                },
            });
        }

        return types.ToImmutable();
    }
}

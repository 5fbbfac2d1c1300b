using System.ComponentModel;
using System.Reflection;
using k8s;
using k8s.Models;
using SovereignOps.Api.V1Alpha1;

namespace SovereignOps.Api.Crds;

/// <summary>Generates the CustomResourceDefinitions of every SovereignOps kind from the C# types.</summary>
public static class CrdGenerator
{
    /// <summary>The root types, in the order their CRDs are listed.</summary>
    public static IReadOnlyList<Type> ResourceTypes { get; } =
    [
        typeof(DataResidencyPolicy),
        typeof(SovereignProfile),
        typeof(GpuPool),
        typeof(ModelDeployment),
        typeof(AgentCatalog),
    ];

    public static IReadOnlyList<V1CustomResourceDefinition> GenerateAll() => ResourceTypes.Select(Generate).ToList();

    public static V1CustomResourceDefinition Generate(Type resourceType)
    {
        var resource = resourceType.GetCustomAttribute<CustomResourceAttribute>()
            ?? throw new InvalidOperationException($"{resourceType.Name} has no [CustomResource].");
        var description = resourceType.GetCustomAttribute<DescriptionAttribute>()?.Description
            ?? throw new InvalidOperationException($"{resourceType.Name} has no [Description].");
        var specType = resourceType.GetProperty("Spec")!.PropertyType;
        var statusType = resourceType.GetProperty("Status")!.PropertyType;

        var root = new V1JSONSchemaProps
        {
            Type = "object",
            Description = description,
            Required = ["spec"],
            Properties = new Dictionary<string, V1JSONSchemaProps>(StringComparer.Ordinal)
            {
                ["apiVersion"] = new() { Type = "string", Description = "APIVersion defines the versioned schema of this representation of an object." },
                ["kind"] = new() { Type = "string", Description = "Kind is a string value representing the REST resource this object represents." },
                ["metadata"] = new() { Type = "object", Description = "Standard object metadata." },
                ["spec"] = SchemaGenerator.ForObject(specType, $"Desired state of the {resource.Kind}."),
                ["status"] = SchemaGenerator.ForObject(statusType, $"Observed state of the {resource.Kind}, written by the operator."),
            },
        };

        var singular = resource.Kind.ToLowerInvariant();
        return new V1CustomResourceDefinition
        {
            ApiVersion = "apiextensions.k8s.io/v1",
            Kind = "CustomResourceDefinition",
            Metadata = new V1ObjectMeta
            {
                Name = $"{resource.Plural}.{ApiGroup.Group}",
                Labels = new Dictionary<string, string>
                {
                    ["app.kubernetes.io/name"] = "sovereignops",
                    ["app.kubernetes.io/part-of"] = "sovereignops",
                },
            },
            Spec = new V1CustomResourceDefinitionSpec
            {
                Group = ApiGroup.Group,
                Scope = resource.Namespaced ? "Namespaced" : "Cluster",
                Names = new V1CustomResourceDefinitionNames
                {
                    Kind = resource.Kind,
                    ListKind = resource.Kind + "List",
                    Plural = resource.Plural,
                    Singular = singular,
                    ShortNames = resource.ShortNames.ToList(),
                    Categories = [ApiGroup.Category],
                },
                Versions =
                [
                    new V1CustomResourceDefinitionVersion
                    {
                        Name = ApiGroup.Version,
                        Served = true,
                        Storage = true,
                        Schema = new V1CustomResourceValidation { OpenAPIV3Schema = root },
                        Subresources = new V1CustomResourceSubresources { Status = new object() },
                        AdditionalPrinterColumns = resourceType.GetCustomAttributes<PrinterColumnAttribute>()
                            .Select(c => new V1CustomResourceColumnDefinition
                            {
                                Name = c.Name,
                                Type = c.Type,
                                JsonPath = c.JsonPath,
                                Description = c.Description,
                                Priority = c.Priority == 0 ? null : c.Priority,
                            })
                            .ToList(),
                    },
                ],
            },
        };
    }

    /// <summary>The file name a CRD is written to: <c>sovereignops.io_modeldeployments.yaml</c>.</summary>
    public static string FileName(V1CustomResourceDefinition crd) => $"{crd.Spec.Group}_{crd.Spec.Names.Plural}.yaml";

    /// <summary>Serialises a CRD to YAML with a header; stable across runs.</summary>
    public static string ToYaml(V1CustomResourceDefinition crd) =>
        "# Generated from the C# types in operator/SovereignOps.Api by `make crds`. Do not edit.\n" + KubernetesYaml.Serialize(crd);

    /// <summary>Writes every CRD to <paramref name="directory"/> and returns the paths written.</summary>
    public static IReadOnlyList<string> WriteAll(string directory)
    {
        Directory.CreateDirectory(directory);
        var written = new List<string>();
        foreach (var crd in GenerateAll())
        {
            var path = Path.Combine(directory, FileName(crd));
            File.WriteAllText(path, ToYaml(crd));
            written.Add(path);
        }

        return written;
    }
}

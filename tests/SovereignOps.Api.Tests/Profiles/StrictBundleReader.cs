using k8s;
using k8s.Models;
using SovereignOps.Api.Bundles;
using SovereignOps.Api.Profiles;
using SovereignOps.Api.V1Alpha1;

namespace SovereignOps.Api.Tests.Profiles;

/// <summary>
/// Reads generated YAML back into typed objects with unknown fields rejected, so a misspelt or misplaced
/// field in the generator's output fails the test that reads it.
/// </summary>
internal static class StrictBundleReader
{
    private static readonly Dictionary<string, Type> Kinds = new()
    {
        ["v1/Namespace"] = typeof(V1Namespace),
        ["v1/Node"] = typeof(V1Node),
        [$"{ApiGroup.ApiVersion}/{DataResidencyPolicy.KindName}"] = typeof(DataResidencyPolicy),
        [$"{ApiGroup.ApiVersion}/{SovereignProfile.KindName}"] = typeof(SovereignProfile),
        [$"{ApiGroup.ApiVersion}/{GpuPool.KindName}"] = typeof(GpuPool),
        [$"{ApiGroup.ApiVersion}/{ModelDeployment.KindName}"] = typeof(ModelDeployment),
        [$"{ApiGroup.ApiVersion}/{AgentCatalog.KindName}"] = typeof(AgentCatalog),
    };

    public static Bundle Read(IEnumerable<BundleFile> files)
    {
        var bundle = new Bundle();
        foreach (var file in files)
        {
            foreach (var resource in KubernetesYaml.LoadAllFromString(file.Content, Kinds, strict: true))
            {
                Add(bundle, resource, file.RelativePath);
            }
        }

        return bundle;
    }

    private static void Add(Bundle bundle, object resource, string file)
    {
        switch (resource)
        {
            case V1Namespace ns: bundle.Namespaces.Add(ns); break;
            case V1Node node: bundle.Nodes.Add(node); break;
            case DataResidencyPolicy policy: bundle.Policies.Add(policy); break;
            case SovereignProfile profile: bundle.Profiles.Add(profile); break;
            case GpuPool pool: bundle.Pools.Add(pool); break;
            case ModelDeployment model: bundle.Models.Add(model); break;
            case AgentCatalog catalog: bundle.Catalogs.Add(catalog); break;
            default: throw new InvalidOperationException($"{file}: unexpected {resource.GetType().Name}");
        }

        bundle.Sources[resource] = new SourceLocation(file, 0);
    }
}

using SovereignOps.Api.Bundles;
using SovereignOps.Api.V1Alpha1;
using SovereignOps.Runtime.Informers;

namespace SovereignOps.Operator.Tests.Desired;

/// <summary>Example bundles as the operator sees them: read from a cluster, so without file locations.</summary>
internal static class ClusterBundles
{
    public static Bundle Examples(params string[] countries)
    {
        var loaded = BundleLoader.Load(countries.Select(c => RepoPaths.Combine("examples", c)));
        Assert.True(loaded.Succeeded, string.Join("; ", loaded.Errors));
        var files = loaded.Bundle!;
        return new Bundle
        {
            Policies = [.. files.Policies],
            Profiles = [.. files.Profiles],
            Pools = [.. files.Pools],
            Models = [.. files.Models],
            Catalogs = [.. files.Catalogs],
            Nodes = [.. files.Nodes],
        };
    }

    public static ModelDeployment CopyOf(Bundle bundle, string ns, string name, string newName, Action<ModelDeploymentSpec> change)
    {
        var copy = ObjectCopy.DeepClone(bundle.Models.Single(m => m.Metadata.NamespaceProperty == ns && m.Metadata.Name == name));
        copy.Metadata.Name = newName;
        change(copy.Spec);
        return copy;
    }
}

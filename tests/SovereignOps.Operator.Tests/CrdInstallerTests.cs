using k8s.Models;
using SovereignOps.Api.Crds;
using SovereignOps.Operator;
using SovereignOps.Runtime;
using SovereignOps.Runtime.Client;
using SovereignOps.Sandbox;

namespace SovereignOps.Operator.Tests;

public sealed class CrdInstallerTests
{
    [Fact]
    public async Task Applies_every_generated_crd_and_is_repeatable()
    {
        await using var server = await SandboxServer.StartAsync(new SandboxOptions());
        using var api = new KubeApi(ApiTransport.FromConfig(server.ClientConfiguration));

        Assert.Empty(await CrdInstaller.ApplyAsync(api, CancellationToken.None));
        Assert.Empty(await CrdInstaller.ApplyAsync(api, CancellationToken.None));

        foreach (var crd in CrdGenerator.GenerateAll())
        {
            var live = await api.GetAsync<V1CustomResourceDefinition>(ResourceType.For<V1CustomResourceDefinition>(), ResourceKey.Cluster(crd.Metadata.Name), CancellationToken.None);
            Assert.True(live.IsSuccess, live.ToString());
            Assert.Equal(crd.Spec.Names.Kind, live.Value.Spec.Names.Kind);
        }
    }
}

using k8s;
using k8s.Models;
using SovereignOps.Api.Crds;
using SovereignOps.Api.V1Alpha1;
using SovereignOps.Operator;
using SovereignOps.Runtime;
using SovereignOps.Runtime.Client;
using SovereignOps.Sandbox;

namespace SovereignOps.Operator.Tests;

/// <summary>The operator's CRD self-install against the sandbox: install, upgrade, newer CRDs kept, downgrades refused, verify-only.</summary>
public sealed class CrdInstallerTests : IAsyncLifetime, IDisposable
{
    private static readonly ResourceType CrdType = ResourceType.For<V1CustomResourceDefinition>();
    private static readonly ReleaseVersion Current = new(0, 1, 0, string.Empty);
    private static readonly ReleaseVersion Next = new(0, 2, 0, string.Empty);

    private SandboxServer server = null!;
    private KubeApi api = null!;

    public async Task InitializeAsync()
    {
        server = await SandboxServer.StartAsync(new SandboxOptions());
        api = new KubeApi(ApiTransport.FromConfig(server.ClientConfiguration));
    }

    public async Task DisposeAsync() => await server.DisposeAsync();

    public void Dispose() => api.Dispose();

    [Fact]
    public async Task Applies_every_generated_crd_labelled_with_its_version_and_a_second_start_changes_nothing()
    {
        var first = await InstallAsync(Current);
        var second = await InstallAsync(Current);

        Assert.All(first.Results, r => Assert.Equal(CrdOutcome.Created, r.Outcome));
        Assert.All(second.Results, r => Assert.Equal(CrdOutcome.Unchanged, r.Outcome));
        Assert.Empty(await CrdInstaller.ApplyAsync(api, CancellationToken.None));
        foreach (var crd in CrdGenerator.GenerateAll())
        {
            var live = await ReadAsync(crd.Metadata.Name);
            Assert.Equal(crd.Spec.Names.Kind, live.Spec.Names.Kind);
            Assert.Equal("sovereignops", live.Metadata.Labels["app.kubernetes.io/part-of"]);
            Assert.Equal("0.1.0", live.Metadata.Annotations[CrdCompatibility.OperatorVersionAnnotation]);
        }
    }

    [Fact]
    public async Task A_newer_operator_upgrades_a_changed_crd_and_an_older_one_restarting_leaves_it_in_place()
    {
        await InstallAsync(Current);
        var changed = CrdsWith(PoolWithExtraPrinterColumn());

        var upgrade = await InstallAsync(Next, changed);
        var olderRestart = await InstallAsync(Current);

        Assert.Equal(CrdOutcome.Updated, Outcome(upgrade, "gpupools.sovereignops.io"));
        Assert.Equal(CrdOutcome.KeptNewer, Outcome(olderRestart, "gpupools.sovereignops.io"));
        Assert.True(olderRestart.Succeeded);
        var live = await ReadAsync("gpupools.sovereignops.io");
        Assert.Contains(live.Spec.Versions[0].AdditionalPrinterColumns, c => c.Name == "Interconnect");
        Assert.Equal("0.2.0", live.Metadata.Annotations[CrdCompatibility.OperatorVersionAnnotation]);
    }

    [Fact]
    public async Task An_operator_that_cannot_read_the_stored_version_refuses_to_downgrade_the_crd()
    {
        await InstallAsync(Current);
        await InstallAsync(Next, CrdsWith(PoolStoredAsV1Alpha2()));
        await CreatePoolAsync("v1alpha2");

        var downgrade = await InstallAsync(Current);

        Assert.False(downgrade.Succeeded);
        var refused = Assert.Single(downgrade.Results, r => r.Outcome == CrdOutcome.Refused);
        Assert.Equal("gpupools.sovereignops.io", refused.Name);
        Assert.Contains("stored as v1alpha2", refused.Message, StringComparison.Ordinal);
        Assert.Contains("operator 0.1.0 cannot read", refused.Message, StringComparison.Ordinal);
        var live = await ReadAsync("gpupools.sovereignops.io");
        Assert.Contains(live.Spec.Versions, v => v.Name == "v1alpha2" && v.Storage);
    }

    [Fact]
    public async Task Verify_policy_refuses_missing_crds_and_accepts_installed_ones_without_writing()
    {
        var missing = await InstallAsync(Current, policy: CrdPolicy.Verify);
        Assert.All(missing.Results, r => Assert.Equal(CrdOutcome.Refused, r.Outcome));
        Assert.Contains("kubectl apply --server-side -f crds/", missing.Results[0].Message, StringComparison.Ordinal);

        await InstallAsync(Current);
        var before = await ReadAsync("modeldeployments.sovereignops.io");
        var verified = await InstallAsync(Next, policy: CrdPolicy.Verify);
        var after = await ReadAsync("modeldeployments.sovereignops.io");

        Assert.All(verified.Results, r => Assert.Equal(CrdOutcome.Verified, r.Outcome));
        Assert.Equal(before.Metadata.ResourceVersion, after.Metadata.ResourceVersion);
    }

    private Task<CrdInstallReport> InstallAsync(ReleaseVersion version, IReadOnlyList<V1CustomResourceDefinition>? crds = null, CrdPolicy policy = CrdPolicy.Apply) =>
        CrdInstaller.InstallAsync(api, new CrdInstallOptions { OperatorVersion = version, Crds = crds ?? CrdGenerator.GenerateAll(), Policy = policy }, CancellationToken.None);

    private async Task<V1CustomResourceDefinition> ReadAsync(string name)
    {
        var live = await api.GetAsync<V1CustomResourceDefinition>(CrdType, ResourceKey.Cluster(name), CancellationToken.None);
        Assert.True(live.IsSuccess, live.ToString());
        return live.Value;
    }

    private static CrdOutcome Outcome(CrdInstallReport report, string name) => report.Results.Single(r => r.Name == name).Outcome;

    private static List<V1CustomResourceDefinition> CrdsWith(V1CustomResourceDefinition replacement) =>
        [.. CrdGenerator.GenerateAll().Select(crd => crd.Metadata.Name == replacement.Metadata.Name ? replacement : crd)];

    private static V1CustomResourceDefinition PoolWithExtraPrinterColumn()
    {
        var crd = CrdGenerator.Generate(typeof(GpuPool));
        crd.Spec.Versions[0].AdditionalPrinterColumns.Add(new V1CustomResourceColumnDefinition
        {
            Name = "Interconnect", Type = "string", JsonPath = ".spec.gpu.interconnect", Priority = 1,
        });
        return crd;
    }

    /// <summary>A later release's GpuPool CRD: v1alpha2 added and made the storage version.</summary>
    private static V1CustomResourceDefinition PoolStoredAsV1Alpha2()
    {
        var crd = CrdGenerator.Generate(typeof(GpuPool));
        var next = KubernetesJson.Deserialize<V1CustomResourceDefinitionVersion>(KubernetesJson.Serialize(crd.Spec.Versions[0]));
        next.Name = "v1alpha2";
        crd.Spec.Versions[0].Storage = false;
        crd.Spec.Versions.Add(next);
        return crd;
    }

    private async Task CreatePoolAsync(string version)
    {
        using var client = server.CreateClient();
        var pool = new Dictionary<string, object>
        {
            ["apiVersion"] = $"sovereignops.io/{version}",
            ["kind"] = "GpuPool",
            ["metadata"] = new Dictionary<string, object> { ["name"] = "th-h100" },
            ["spec"] = new Dictionary<string, object>
            {
                ["profileRef"] = new Dictionary<string, object> { ["name"] = "th" },
                ["region"] = "th-central",
                ["nodeSelector"] = new Dictionary<string, object> { ["sovereignops.io/pool"] = "th-h100" },
                ["nodeCount"] = 2,
                ["gpu"] = new Dictionary<string, object> { ["model"] = "H100-80GB", ["memoryGiB"] = 80, ["perNode"] = 8, ["interconnect"] = "NVLink" },
                ["partitioning"] = new Dictionary<string, object> { ["mode"] = "None" },
            },
        };
        // A version added to an established CRD is served once discovery has been republished.
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(15);
        while (true)
        {
            try
            {
                await client.CustomObjects.CreateClusterCustomObjectAsync(pool, "sovereignops.io", version, "gpupools");
                return;
            }
            catch (k8s.Autorest.HttpOperationException e) when (e.Response.StatusCode == System.Net.HttpStatusCode.NotFound && DateTime.UtcNow < deadline)
            {
                await Task.Delay(100);
            }
        }
    }
}

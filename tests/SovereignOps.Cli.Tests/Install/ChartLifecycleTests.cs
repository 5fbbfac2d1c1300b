using k8s;
using k8s.Models;
using SovereignOps.Api.Crds;
using SovereignOps.Api.V1Alpha1;
using SovereignOps.Cli.Tests.Cluster;
using SovereignOps.Operator;
using SovereignOps.Runtime.Client;

namespace SovereignOps.Cli.Tests.Install;

/// <summary>
/// The operator chart through helm install, upgrade (a new release with a changed CRD and a changed
/// setting), rollback and uninstall on the sandbox, with the real helm 4.1.4. No container runs here,
/// so each operator start is the operator's own CRD install, run as that release would run it.
/// </summary>
public sealed class ChartLifecycleTests : IAsyncLifetime
{
    private const string Namespace = "sovereign-system";
    private static readonly ReleaseVersion Current = new(0, 1, 0, string.Empty);
    private static readonly ReleaseVersion Next = new(0, 2, 0, string.Empty);

    private SandboxCluster cluster = null!;
    private Tools tools = null!;

    public async Task InitializeAsync()
    {
        cluster = await SandboxCluster.StartAsync(installCrds: false);
        tools = new Tools(cluster.Directory, cluster.Kubeconfig);
    }

    public async Task DisposeAsync() => await cluster.DisposeAsync();

    [Fact]
    public async Task Install_upgrade_rollback_and_uninstall_keep_the_crds_and_the_customers_resources()
    {
        // install 0.1.0: the chart's objects, then the operator applies its CRDs; the bundle applies.
        (await tools.HelmAsync("install", "so", RepoPaths.Combine("charts", "sovereign-operator"), "-n", Namespace, "--create-namespace")).Succeeded();
        var installed = await OperatorDeploymentAsync();
        Assert.EndsWith(":0.1.0", installed.Spec.Template.Spec.Containers[0].Image, StringComparison.Ordinal);
        Assert.NotNull(await cluster.Client.RbacAuthorizationV1.ReadClusterRoleAsync("so-sovereign-operator"));
        Assert.NotNull(await cluster.Client.PolicyV1.ReadNamespacedPodDisruptionBudgetAsync("so-sovereign-operator", Namespace));
        Assert.All((await StartOperatorAsync(Current, CrdGenerator.GenerateAll())).Results, r => Assert.Equal(CrdOutcome.Created, r.Outcome));
        await ApplyExamplesAsync("11 created");

        // upgrade to 0.2.0: a changed operator setting rolls the pods; the new operator upgrades its CRD.
        (await tools.HelmAsync("upgrade", "so", NextChart(), "-n", Namespace, "--set", "watchNamespaces={th-national-ai}")).Succeeded();
        var upgraded = await OperatorDeploymentAsync();
        Assert.EndsWith(":0.2.0", upgraded.Spec.Template.Spec.Containers[0].Image, StringComparison.Ordinal);
        Assert.Contains("th-national-ai", upgraded.Spec.Template.Spec.Containers[0].Args);
        Assert.NotEqual(Checksum(installed), Checksum(upgraded));
        var upgrade = await StartOperatorAsync(Next, PoolWithInterconnectColumn());
        Assert.Equal(CrdOutcome.Updated, upgrade.Results.Single(r => r.Name == "gpupools.sovereignops.io").Outcome);
        Assert.Contains((await PoolCrdAsync()).Spec.Versions[0].AdditionalPrinterColumns, c => c.Name == "Interconnect");
        await ApplyExamplesAsync("11 unchanged");

        // rollback to revision 1: the 0.1.0 operator leaves the newer, still readable CRD in place.
        (await tools.HelmAsync("rollback", "so", "1", "-n", Namespace)).Succeeded();
        var rolledBack = await OperatorDeploymentAsync();
        Assert.EndsWith(":0.1.0", rolledBack.Spec.Template.Spec.Containers[0].Image, StringComparison.Ordinal);
        Assert.DoesNotContain("--watch-namespaces", rolledBack.Spec.Template.Spec.Containers[0].Args);
        var rollback = await StartOperatorAsync(Current, CrdGenerator.GenerateAll());
        Assert.True(rollback.Succeeded, string.Join("\n", rollback.Failures));
        Assert.Equal(CrdOutcome.KeptNewer, rollback.Results.Single(r => r.Name == "gpupools.sovereignops.io").Outcome);
        await ApplyExamplesAsync("11 unchanged");
        var history = (await tools.HelmAsync("history", "so", "-n", Namespace)).Succeeded();
        Assert.Equal(4, history.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);

        // uninstall: the release's objects go, the CRDs and every customer resource stay.
        (await tools.HelmAsync("uninstall", "so", "-n", Namespace)).Succeeded();
        Assert.Empty((await cluster.Client.AppsV1.ListNamespacedDeploymentAsync(Namespace)).Items);
        Assert.DoesNotContain((await cluster.Client.RbacAuthorizationV1.ListClusterRoleAsync()).Items, r => r.Metadata.Name == "so-sovereign-operator");
        var crds = (await cluster.Client.ApiextensionsV1.ListCustomResourceDefinitionAsync(labelSelector: "app.kubernetes.io/part-of=sovereignops")).Items;
        Assert.Equal(5, crds.Count);
        var models = (await tools.KubectlAsync("get", "modeldeployments", "-n", "th-national-ai", "-o", "name")).Succeeded();
        Assert.Equal(3, models.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
    }

    private async Task<V1Deployment> OperatorDeploymentAsync() =>
        await cluster.Client.AppsV1.ReadNamespacedDeploymentAsync("so-sovereign-operator", Namespace);

    private static string Checksum(V1Deployment deployment) => deployment.Spec.Template.Metadata.Annotations["sovereignops.io/settings-checksum"];

    /// <summary>What a release's operator does first at start, with that release's version and CRDs.</summary>
    private async Task<CrdInstallReport> StartOperatorAsync(ReleaseVersion version, IReadOnlyList<V1CustomResourceDefinition> crds)
    {
        using var api = new KubeApi(ApiTransport.FromConfig(cluster.Server.ClientConfiguration));
        return await CrdInstaller.InstallAsync(api, new CrdInstallOptions { OperatorVersion = version, Crds = crds }, CancellationToken.None);
    }

    private async Task ApplyExamplesAsync(string expected)
    {
        var (exitCode, output) = await cluster.RunAsync("apply", RepoPaths.Combine("examples", "thailand"));
        Assert.True(exitCode == CliApp.ExitOk, output);
        Assert.Contains(expected, output, StringComparison.Ordinal);
    }

    private async Task<V1CustomResourceDefinition> PoolCrdAsync() =>
        await cluster.Client.ApiextensionsV1.ReadCustomResourceDefinitionAsync("gpupools.sovereignops.io");

    /// <summary>The chart as release 0.2.0 ships it: the same templates under the next version.</summary>
    private string NextChart()
    {
        var chart = Path.Combine(cluster.Directory, "sovereign-operator-0.2.0");
        CopyDirectory(RepoPaths.Combine("charts", "sovereign-operator"), chart);
        var manifest = Path.Combine(chart, "Chart.yaml");
        File.WriteAllText(manifest, File.ReadAllText(manifest).Replace("version: 0.1.0", "version: 0.2.0", StringComparison.Ordinal).Replace("appVersion: \"0.1.0\"", "appVersion: \"0.2.0\"", StringComparison.Ordinal));
        return chart;
    }

    /// <summary>Release 0.2.0's CRDs: GpuPool gains a printer column.</summary>
    private static List<V1CustomResourceDefinition> PoolWithInterconnectColumn()
    {
        var crds = CrdGenerator.GenerateAll().ToList();
        var pool = crds.Single(c => c.Spec.Names.Kind == GpuPool.KindName);
        pool.Spec.Versions[0].AdditionalPrinterColumns.Add(new V1CustomResourceColumnDefinition { Name = "Interconnect", Type = "string", JsonPath = ".spec.gpu.interconnect", Priority = 1 });
        return crds;
    }

    private static void CopyDirectory(string source, string target)
    {
        foreach (var directory in Directory.GetDirectories(source, "*", SearchOption.AllDirectories))
        {
            Directory.CreateDirectory(directory.Replace(source, target, StringComparison.Ordinal));
        }

        Directory.CreateDirectory(target);
        foreach (var file in Directory.GetFiles(source, "*", SearchOption.AllDirectories))
        {
            File.Copy(file, file.Replace(source, target, StringComparison.Ordinal));
        }
    }
}

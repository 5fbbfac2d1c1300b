using SovereignOps.Sandbox.Tests.Infrastructure;
using SovereignOps.Sandbox.Tests.Kubectl;

namespace SovereignOps.Sandbox.Tests.Helm;

/// <summary>helm 4 against the sandbox: install, list, upgrade, rollback and uninstall of a small chart.</summary>
public sealed class HelmTests(SandboxFixture sandbox) : IClassFixture<SandboxFixture>
{
    private static string Chart => Path.Combine(AppContext.BaseDirectory, "TestCharts", "webapp");

    [Fact]
    public async Task A_release_installs_upgrades_rolls_back_and_uninstalls()
    {
        var ns = await sandbox.CreateNamespaceAsync("helm");

        (await sandbox.HelmAsync("install", "demo", Chart, "-n", ns)).Succeeded();
        var list = (await sandbox.HelmAsync("list", "-n", ns)).Succeeded();
        Assert.Contains(KubectlAssertions.Rows(list), r => r[0] == "demo" && r.Contains("deployed"));
        Assert.Equal("hello", (await sandbox.KubectlAsync("get", "configmap", "demo-settings", "-n", ns, "-o", "jsonpath={.data.greeting}")).Succeeded());

        (await sandbox.HelmAsync("upgrade", "demo", Chart, "-n", ns, "--set", "greeting=hi", "--set", "replicas=3")).Succeeded();
        Assert.Equal("hi", (await sandbox.KubectlAsync("get", "configmap", "demo-settings", "-n", ns, "-o", "jsonpath={.data.greeting}")).Succeeded());
        Assert.Equal("3", (await sandbox.KubectlAsync("get", "deployment", "demo-web", "-n", ns, "-o", "jsonpath={.spec.replicas}")).Succeeded());

        (await sandbox.HelmAsync("rollback", "demo", "1", "-n", ns)).Succeeded();
        Assert.Equal("hello", (await sandbox.KubectlAsync("get", "configmap", "demo-settings", "-n", ns, "-o", "jsonpath={.data.greeting}")).Succeeded());
        var history = KubectlAssertions.Rows((await sandbox.HelmAsync("history", "demo", "-n", ns)).Succeeded());
        Assert.Equal(["1", "2", "3"], history.Skip(1).Select(r => r[0]));

        (await sandbox.HelmAsync("uninstall", "demo", "-n", ns)).Succeeded();
        Assert.Empty((await sandbox.HelmAsync("list", "-n", ns, "-q")).Succeeded().Trim());
        var left = (await sandbox.KubectlAsync("get", "deployments,configmaps,services,secrets", "-n", ns, "-o", "name")).Succeeded();
        Assert.DoesNotContain("demo", left, StringComparison.Ordinal);
    }
}

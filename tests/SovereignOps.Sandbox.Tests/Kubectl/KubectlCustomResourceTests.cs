using SovereignOps.Sandbox.Tests.Infrastructure;

namespace SovereignOps.Sandbox.Tests.Kubectl;

/// <summary>kubectl on custom resources: apply with default validation, printer columns, get -w, wait, finalizers.</summary>
public sealed class KubectlCustomResourceTests(SandboxFixture sandbox) : IClassFixture<SandboxFixture>
{
    private static string Widget(int size, string extra = "") => $$"""
        apiVersion: test.sovereignops.io/v1
        kind: Widget
        metadata:
          name: w1
        spec:
          size: {{size}}
          color: red{{extra}}
        """;

    private async Task<string> PrepareAsync(string prefix)
    {
        (await sandbox.KubectlAsync("apply", "--server-side", "-f", WidgetCrd.YamlPath)).Succeeded();
        await WidgetCrd.EnsureAsync(sandbox.Client);
        return await sandbox.CreateNamespaceAsync(prefix);
    }

    [Fact]
    public async Task Apply_and_get_show_the_printer_columns_and_defaults()
    {
        var ns = await PrepareAsync("kcr");
        (await sandbox.KubectlWithInputAsync(Widget(3), "apply", "-n", ns, "-f", "-")).Succeeded();
        (await sandbox.KubectlWithInputAsync(Widget(4), "apply", "-n", ns, "-f", "-")).Succeeded();

        var rows = KubectlAssertions.Rows((await sandbox.KubectlAsync("get", "widgets", "-n", ns)).Succeeded());
        Assert.Equal(["NAME", "SIZE", "READY", "AGE"], rows[0]);
        Assert.Equal(["w1", "4"], rows[1][..2]);
        var maxSize = (await sandbox.KubectlAsync("get", "wd", "w1", "-n", ns, "-o", "jsonpath={.spec.maxSize}")).Succeeded();
        Assert.Equal("10", maxSize);
        var all = (await sandbox.KubectlAsync("get", "sovereign", "-n", ns, "-o", "name")).Succeeded();
        Assert.Contains("widget.test.sovereignops.io/w1", all, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Default_validation_refuses_unknown_fields_and_reports_schema_errors()
    {
        var ns = await PrepareAsync("kvalid");

        var unknown = await sandbox.KubectlWithInputAsync(Widget(3, "\n  colour: blue"), "apply", "-n", ns, "-f", "-");
        Assert.NotEqual(0, unknown.ExitCode);
        Assert.Contains("unknown field \"spec.colour\"", unknown.StandardError, StringComparison.Ordinal);

        var tooBig = await sandbox.KubectlWithInputAsync(Widget(99), "apply", "-n", ns, "-f", "-");
        Assert.NotEqual(0, tooBig.ExitCode);
        Assert.Contains("size must not exceed maxSize", tooBig.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Describe_prints_the_spec_fields()
    {
        var ns = await PrepareAsync("kcrdescribe");
        (await sandbox.KubectlWithInputAsync(Widget(3), "apply", "-n", ns, "-f", "-")).Succeeded();

        var output = (await sandbox.KubectlAsync("describe", "widget", "w1", "-n", ns)).Succeeded();

        Assert.Contains("Kind:         Widget", output, StringComparison.Ordinal);
        Assert.Contains("Max Size:  10", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_watch_prints_the_change()
    {
        var ns = await PrepareAsync("kwatch");
        (await sandbox.KubectlWithInputAsync(Widget(3), "apply", "-n", ns, "-f", "-")).Succeeded();

        var watching = sandbox.KubectlAsync("get", "widgets", "-n", ns, "-w", "--request-timeout=4s");
        await Task.Delay(1500);
        (await sandbox.KubectlAsync("patch", "widget", "w1", "-n", ns, "--type=merge", "-p", """{"spec":{"size":6}}""")).Succeeded();
        var output = (await watching).StandardOutput;

        var rows = KubectlAssertions.Rows(output);
        Assert.Equal(["NAME", "SIZE", "READY", "AGE"], rows[0]);
        Assert.Equal(["w1", "3"], rows[1][..2]);
        Assert.Contains(rows.Skip(2), r => r[0] == "w1" && r[1] == "6");
    }

    [Fact]
    public async Task Wait_for_a_condition_returns_once_the_status_reports_it()
    {
        var ns = await PrepareAsync("kwait");
        (await sandbox.KubectlWithInputAsync(Widget(3), "apply", "-n", ns, "-f", "-")).Succeeded();

        var waiting = sandbox.KubectlAsync("wait", "--for=condition=Ready", "widget/w1", "-n", ns, "--timeout=15s");
        await Task.Delay(500);
        (await sandbox.KubectlAsync("patch", "widget", "w1", "-n", ns, "--subresource=status", "--type=merge",
            "-p", """{"status":{"conditions":[{"type":"Ready","status":"True"}]}}""")).Succeeded();

        Assert.Contains("condition met", (await waiting).Succeeded(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Delete_is_held_by_a_finalizer_until_it_is_removed()
    {
        var ns = await PrepareAsync("kfinal");
        (await sandbox.KubectlWithInputAsync(Widget(3).Replace("name: w1", "name: w1\n  finalizers: [example.com/hold]", StringComparison.Ordinal), "apply", "-n", ns, "-f", "-")).Succeeded();

        var blocked = await sandbox.KubectlAsync("delete", "widget", "w1", "-n", ns, "--timeout=2s");
        Assert.NotEqual(0, blocked.ExitCode);
        var stamp = (await sandbox.KubectlAsync("get", "widget", "w1", "-n", ns, "-o", "jsonpath={.metadata.deletionTimestamp}")).Succeeded();
        Assert.NotEmpty(stamp);

        (await sandbox.KubectlAsync("patch", "widget", "w1", "-n", ns, "--type=json", "-p", """[{"op":"remove","path":"/metadata/finalizers"}]""")).Succeeded();
        var gone = await sandbox.KubectlAsync("get", "widget", "w1", "-n", ns);
        Assert.Contains("NotFound", gone.StandardError, StringComparison.Ordinal);
    }
}

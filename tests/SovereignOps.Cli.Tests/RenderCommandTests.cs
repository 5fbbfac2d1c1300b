using System.Security.Cryptography;
using k8s;
using k8s.Models;

namespace SovereignOps.Cli.Tests;

public sealed class RenderCommandTests : IDisposable
{
    private static readonly string[] KoreanRegions = ["kr-seoul", "kr-busan", "kr-gwangju"];

    private readonly string root = Directory.CreateTempSubdirectory("sovereignctl-render-").FullName;

    public void Dispose() => Directory.Delete(root, recursive: true);

    private static string[] Render(string outDirectory, params string[] paths) =>
        ["render", .. paths, "--out", outDirectory, "--helm", RepoPaths.Helm, "--charts", RepoPaths.Combine("charts")];

    [Fact]
    public async Task The_examples_render_one_file_per_object_and_a_rerun_writes_the_same_bytes()
    {
        var first = Path.Combine(root, "first");
        var second = Path.Combine(root, "second");

        var (exitCode, output) = await ValidateCli.Run(Render(first, PlanCommandTests.ExamplePaths()));
        var (rerunExitCode, _) = await ValidateCli.Run(Render(second, PlanCommandTests.ExamplePaths()));
        var (againExitCode, _) = await ValidateCli.Run(Render(first, PlanCommandTests.ExamplePaths()));

        Assert.Equal((CliApp.ExitOk, CliApp.ExitOk, CliApp.ExitOk), (exitCode, rerunExitCode, againExitCode));
        Assert.Contains("profile th-national-ai: ", output, StringComparison.Ordinal);
        Assert.Equal(["kr-kpaia", "sa-nsaic", "th-national-ai"], Directory.GetDirectories(first).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.True(File.Exists(Path.Combine(first, "th-national-ai", "_cluster", "namespace-th-national-ai.yaml")));
        Assert.True(File.Exists(Path.Combine(first, "th-national-ai", "th-national-ai", "deployment-siam-omni.yaml")));
        Assert.Equal(Hashes(first), Hashes(second));
        Assert.Empty(Directory.GetDirectories(first, ".*"));
    }

    [Fact]
    public async Task Every_written_pod_template_pulls_from_the_mirror_and_is_pinned_to_the_policys_regions()
    {
        var output = Path.Combine(root, "out");
        var (exitCode, _) = await ValidateCli.Run(Render(output, RepoPaths.Combine("examples", "korea")));

        Assert.Equal(CliApp.ExitOk, exitCode);
        var pods = Directory.EnumerateFiles(output, "*.yaml", SearchOption.AllDirectories)
            .Select(file => KubernetesYaml.Deserialize<V1Deployment>(File.ReadAllText(file)))
            .Where(resource => resource.Kind is "Deployment" or "StatefulSet")
            .Select(resource => resource.Spec.Template.Spec)
            .ToList();
        Assert.NotEmpty(pods);
        Assert.All(pods, pod =>
        {
            Assert.All(pod.Containers.Concat(pod.InitContainers ?? []), c => Assert.StartsWith("harbor.kpaia.go.kr:5443/sovereign/", c.Image, StringComparison.Ordinal));
            var region = pod.Affinity.NodeAffinity.RequiredDuringSchedulingIgnoredDuringExecution.NodeSelectorTerms.Single().MatchExpressions
                .Single(e => e.Key == "topology.kubernetes.io/region");
            Assert.All(region.Values, value => Assert.Contains(value, KoreanRegions));
        });
    }

    [Fact]
    public async Task A_guard_violation_exits_1_and_writes_nothing()
    {
        var charts = CopyCharts();
        var deployment = Path.Combine(charts, "sovereign-agent", "templates", "deployment.yaml");
        File.WriteAllText(deployment, File.ReadAllText(deployment).Replace(
            "      automountServiceAccountToken: false\n", "      automountServiceAccountToken: false\n      hostPID: true\n", StringComparison.Ordinal));
        var output = Path.Combine(root, "out");

        var (exitCode, text) = await ValidateCli.Run("render", RepoPaths.Combine("examples", "korea"), "--out", output, "--helm", RepoPaths.Helm, "--charts", charts);

        Assert.Equal(CliApp.ExitInvalid, exitCode);
        Assert.Contains("spec.template.spec.hostPID: hostPID shares the node's namespace with the pod [pod-security.host-namespaces;", text, StringComparison.Ordinal);
        Assert.Contains("render failed at the residency guard; nothing was written", text, StringComparison.Ordinal);
        Assert.False(Directory.Exists(output));
    }

    [Fact]
    public async Task A_plan_failure_exits_1_and_leaves_an_earlier_render_untouched()
    {
        var output = Path.Combine(root, "out");
        var bundle = Path.Combine(root, "bundle");
        Directory.CreateDirectory(bundle);
        foreach (var file in Directory.EnumerateFiles(RepoPaths.Combine("examples", "thailand")))
        {
            File.Copy(file, Path.Combine(bundle, Path.GetFileName(file)));
        }

        Assert.Equal(CliApp.ExitOk, (await ValidateCli.Run(Render(output, bundle))).ExitCode);
        var before = Hashes(output);
        var models = Path.Combine(bundle, "40-models.yaml");
        File.WriteAllText(models, File.ReadAllText(models).Replace("  replicas: 2\n  rollout:", "  replicas: 5\n  rollout:", StringComparison.Ordinal));

        var (exitCode, text) = await ValidateCli.Run(Render(output, bundle));

        Assert.Equal(CliApp.ExitInvalid, exitCode);
        Assert.Contains("pool th-h100-bangkok has 16", text, StringComparison.Ordinal);
        Assert.Contains("render failed at planning; nothing was written", text, StringComparison.Ordinal);
        Assert.Equal(before, Hashes(output));
    }

    private static SortedDictionary<string, string> Hashes(string directory) =>
        new(Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories)
            .ToDictionary(file => Path.GetRelativePath(directory, file), file => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(file)))),
            StringComparer.Ordinal);

    private string CopyCharts()
    {
        var target = Path.Combine(root, "charts");
        var source = RepoPaths.Combine("charts");
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var destination = Path.Combine(target, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            File.Copy(file, destination);
        }

        return target;
    }
}

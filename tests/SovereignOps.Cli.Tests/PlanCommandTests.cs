using System.Text.Json;

namespace SovereignOps.Cli.Tests;

public sealed class PlanCommandTests : IDisposable
{
    /// <summary>A 405B model that needs two whole 8-GPU nodes of the Bangkok pool, where siam-omni and siam-llm already hold 10 GPUs.</summary>
    private const string OversizedModel = """
        apiVersion: sovereignops.io/v1alpha1
        kind: ModelDeployment
        metadata:
          name: zz-frontier
          namespace: th-national-ai
        spec:
          model:
            name: zz-frontier
            version: "1"
          parametersBillions: 405
          precision: bf16
          modalities: [text]
          weights:
            uri: s3://th-model-weights/zz-frontier/1
            cacheStorageClass: th-ceph-encrypted
          runtime:
            engine: vllm
          dataClass: PersonalData
          gpuPoolRef:
            name: th-h100-bangkok
        """;

    private readonly string root = Directory.CreateTempSubdirectory("sovereignctl-plan-").FullName;

    public void Dispose() => Directory.Delete(root, recursive: true);

    [Fact]
    public async Task The_examples_plan_cleanly()
    {
        var (exitCode, output) = await ValidateCli.Run(["plan", .. ExamplePaths()]);

        Assert.Equal(CliApp.ExitOk, exitCode);
        Assert.Contains("verdict: OK, 9 models fit their pools and the plan is residency compliant", output, StringComparison.Ordinal);
        Assert.Contains("siam-omni  th-h100-bangkok", output, StringComparison.Ordinal);
        Assert.Matches(@"th-h100-bangkok\s+th-central\s+H100-80GB NVLink\s+2 nodes\s+nvidia.com/gpu\s+16 GPUs\s+10\s+6", output);
    }

    [Fact]
    public async Task Json_output_carries_the_memory_breakdown_layout_pool_usage_and_bindings()
    {
        var (exitCode, output) = await ValidateCli.Run("plan", "-o", "json", RepoPaths.Combine("examples", "thailand"));

        Assert.Equal(CliApp.ExitOk, exitCode);
        using var document = JsonDocument.Parse(output);
        var profile = document.RootElement.GetProperty("profiles")[0];
        var omni = profile.GetProperty("models").EnumerateArray().Single(m => m.GetProperty("name").GetString() == "siam-omni");
        Assert.Equal(4, omni.GetProperty("layout").GetProperty("tensorParallel").GetInt32());
        Assert.False(omni.GetProperty("memory").GetProperty("architectureEstimated").GetBoolean());
        Assert.Equal(134.1, omni.GetProperty("memory").GetProperty("weightsGiB").GetDouble());
        Assert.Equal(8, omni.GetProperty("poolAfter")[0].GetProperty("allocated").GetInt32());
        var tutor = profile.GetProperty("agents").EnumerateArray().Single(a => a.GetProperty("name").GetString() == "thai-reading-tutor");
        Assert.Equal("th-national-ai/siam-omni", tutor.GetProperty("model").GetString());
        Assert.True(document.RootElement.GetProperty("succeeded").GetBoolean());
    }

    [Fact]
    public async Task Models_that_exceed_a_pool_exit_1_naming_the_pool_and_the_shortfall()
    {
        CopyExample("thailand");
        File.WriteAllText(Path.Combine(root, "45-oversized.yaml"), OversizedModel);

        var (exitCode, output) = await ValidateCli.Run("plan", root);

        Assert.Equal(CliApp.ExitInvalid, exitCode);
        Assert.Contains(
            "problem: ModelDeployment th-national-ai/zz-frontier: needs 2 nodes × 8 × 80 GiB per replica × 1 replica = 16 GPUs; pool th-h100-bangkok has 16, 10 allocated, 6 free",
            output,
            StringComparison.Ordinal);
        Assert.Contains("verdict: FAILED (1 model not fitting", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_invalid_bundle_exits_1_with_its_errors_and_a_missing_path_exits_2()
    {
        var (invalid, output) = await ValidateCli.Run("plan", RepoPaths.Combine("examples", "invalid", "pool-region-outside-policy.yaml"));
        var (missing, _) = await ValidateCli.Run("plan", Path.Combine(root, "nowhere"));

        Assert.Equal(CliApp.ExitInvalid, invalid);
        Assert.Contains("pool-region-outside-policy.yaml:", output, StringComparison.Ordinal);
        Assert.Equal(CliApp.ExitUsage, missing);
    }

    private static readonly string[] Countries = ["thailand", "saudi-arabia", "korea"];

    internal static string[] ExamplePaths() => [.. Countries.Select(c => RepoPaths.Combine("examples", c))];

    private void CopyExample(string country)
    {
        foreach (var file in Directory.EnumerateFiles(RepoPaths.Combine("examples", country)))
        {
            File.Copy(file, Path.Combine(root, Path.GetFileName(file)));
        }
    }
}

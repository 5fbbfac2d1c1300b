using System.Text.Json.Nodes;

namespace SovereignOps.Cli.Tests.Cluster;

public sealed class StatusCommandTests : IAsyncLifetime
{
    private SandboxCluster cluster = null!;

    public async Task InitializeAsync()
    {
        cluster = await SandboxCluster.StartAsync();
        var (exitCode, output) = await cluster.RunAsync("apply", RepoPaths.Combine("examples", "thailand"));
        Assert.True(exitCode == CliApp.ExitOk, output);
    }

    public async Task DisposeAsync() => await cluster.DisposeAsync();

    [Fact]
    public async Task A_model_that_is_not_ready_shows_its_reason_in_the_tree_and_fails_the_exit_code()
    {
        await MarkEverythingReadyAsync();
        await cluster.PatchStatusAsync("modeldeployments", "th-national-ai", "siam-omni", Merge(
            SandboxCluster.Ready("False", "InsufficientGpus", "needs 4×80 GiB per replica, pool th-h100-bangkok has 2 free"),
            new { pool = "th-h100-bangkok", gpusPerReplica = 4, gpuResource = "nvidia.com/gpu", replicas = 2, readyReplicas = 0 }));

        var (exitCode, output) = await cluster.RunAsync("status");

        Assert.Equal(CliApp.ExitInvalid, exitCode);
        Assert.Contains("th-national-ai (TH, ", output, StringComparison.Ordinal);
        Assert.Contains("siam-omni: NotReady (InsufficientGpus: needs 4×80 GiB per replica, pool th-h100-bangkok has 2 free); 0/2 replicas, 4×nvidia.com/gpu per replica", output, StringComparison.Ordinal);
        Assert.Contains("th-h100-bangkok (H100-80GB, th-central): Ready; capacity 16, allocated 10, free 6 GPUs", output, StringComparison.Ordinal);
        Assert.Contains("siam-llm: Ready; 2/2 replicas, 1×nvidia.com/gpu per replica, pool th-h100-bangkok, regions th-central", output, StringComparison.Ordinal);
        Assert.Contains("├─ er-triage-assistant: Deployed", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Everything_ready_exits_zero_and_json_carries_every_condition()
    {
        await MarkEverythingReadyAsync();

        var (exitCode, tree) = await cluster.RunAsync("status", "th-national-ai");
        var (jsonExit, json) = await cluster.RunAsync("status", "-n", "th-national-ai", "-o", "json");

        Assert.Equal(CliApp.ExitOk, exitCode);
        Assert.DoesNotContain("NotReady", tree, StringComparison.Ordinal);
        Assert.Equal(CliApp.ExitOk, jsonExit);
        var document = JsonNode.Parse(json)!;
        Assert.True(document["ready"]!.GetValue<bool>());
        var profile = document["profiles"]!.AsArray().Single()!;
        Assert.Equal(3, profile["models"]!.AsArray().Count);
        Assert.Equal(16, profile["pools"]!.AsArray().First(p => p!["name"]!.GetValue<string>() == "th-h100-bangkok")!["capacityGpus"]!.GetValue<int>());
    }

    [Fact]
    public async Task Without_any_status_written_everything_is_unknown_and_not_ready()
    {
        var (exitCode, output) = await cluster.RunAsync("status");
        var (missing, missingOutput) = await cluster.RunAsync("status", "no-such-profile");

        Assert.Equal(CliApp.ExitInvalid, exitCode);
        Assert.Contains("siam-omni: Unknown (NoStatus: the operator has not reported on it yet)", output, StringComparison.Ordinal);
        Assert.Equal(CliApp.ExitInvalid, missing);
        Assert.Contains("SovereignProfile no-such-profile not found", missingOutput, StringComparison.Ordinal);
    }

    private async Task MarkEverythingReadyAsync()
    {
        var ready = SandboxCluster.Ready("True", "Reconciled", "all good");
        await cluster.PatchStatusAsync("sovereignprofiles", null, "th-national-ai", ready);
        await cluster.PatchStatusAsync("dataresidencypolicies", null, "thailand-residency", ready);
        await cluster.PatchStatusAsync("gpupools", null, "th-h100-bangkok", Merge(ready, new { nodes = 2, readyNodes = 2, capacityGpus = 16, allocatedGpus = 10, freeGpus = 6 }));
        await cluster.PatchStatusAsync("gpupools", null, "th-h100-mig-chiangmai", Merge(ready, new { nodes = 1, readyNodes = 1, capacityGpus = 8, allocatedGpus = 1, freeGpus = 7 }));
        foreach (var model in new[] { "siam-omni", "siam-llm", "thai-asr" })
        {
            var gpus = model == "siam-omni" ? 4 : 1;
            await cluster.PatchStatusAsync("modeldeployments", "th-national-ai", model, Merge(ready,
                new { pool = model == "thai-asr" ? "th-h100-mig-chiangmai" : "th-h100-bangkok", gpusPerReplica = gpus, gpuResource = "nvidia.com/gpu", replicas = model == "thai-asr" ? 1 : 2, readyReplicas = model == "thai-asr" ? 1 : 2, placement = new { regions = new[] { model == "thai-asr" ? "th-north" : "th-central" } } }));
        }

        foreach (var catalog in new[] { "chaophraya-health", "lanna-legal", "krungthep-edu" })
        {
            await cluster.PatchStatusAsync("agentcatalogs", "th-national-ai", catalog, Merge(ready,
                new { total = 2, deployed = 2, agents = new[] { new { name = "er-triage-assistant", state = "Deployed" }, new { name = "discharge-summary-writer", state = "Deployed" } } }));
        }
    }

    /// <summary>One status object from the Ready condition and the kind's own figures.</summary>
    private static JsonObject Merge(object condition, object figures)
    {
        var merged = JsonNode.Parse(System.Text.Json.JsonSerializer.Serialize(condition))!.AsObject();
        foreach (var (name, value) in JsonNode.Parse(System.Text.Json.JsonSerializer.Serialize(figures))!.AsObject())
        {
            merged[name] = value?.DeepClone();
        }

        return merged;
    }
}

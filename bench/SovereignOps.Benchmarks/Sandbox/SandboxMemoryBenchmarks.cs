using System.Text.Json.Nodes;
using BenchmarkDotNet.Attributes;
using SovereignOps.Sandbox;
using SovereignOps.Sandbox.Api;

namespace SovereignOps.Benchmarks.Sandbox;

/// <summary>
/// A sandbox holding <see cref="Objects"/> ConfigMaps (written through the in-process API, the same path HTTP
/// writes take). Setup prints the managed memory they retain; the benchmarks time a full list and a
/// label-selected list over them.
/// </summary>
[WarmupCount(1)]
[IterationCount(5)]
public class SandboxMemoryBenchmarks
{
    private SandboxServer _server = null!;
    private SovereignOps.Sandbox.Registry.ResourceType _configMaps = null!;

    [Params(100_000)]
    public int Objects { get; set; }

    [GlobalSetup]
    public async Task SetupAsync()
    {
        _server = await SandboxServer.StartAsync(new SandboxOptions { WatchHistory = 1000 });
        _configMaps = _server.Api.Resolve("", "v1", "configmaps")!;
        var before = GC.GetTotalMemory(forceFullCollection: true);
        for (var i = 0; i < Objects; i++)
        {
            var created = _server.Api.Create(_configMaps, "default", ConfigMap(i), new WriteOptions { FieldManager = "bench" });
            if (!created.Succeeded)
            {
                throw new InvalidOperationException(created.Error.ToString());
            }
        }

        var after = GC.GetTotalMemory(forceFullCollection: true);
        Console.WriteLine($"// sandbox memory: {Objects:N0} ConfigMaps retain {(after - before) / 1024.0 / 1024.0:F1} MiB of managed heap ({(after - before) / Objects:N0} bytes each)");
    }

    [GlobalCleanup]
    public async Task CleanupAsync() => await _server.DisposeAsync();

    [Benchmark]
    public int ListAll() => _server.Api.List(_configMaps, "default", ListOptions.Everything).Value!.Items.Count;

    [Benchmark]
    public int ListBySelector()
    {
        var selector = SovereignOps.Sandbox.Selectors.LabelSelector.Parse("shard=7").Value!;
        return _server.Api.List(_configMaps, "default", new ListOptions { LabelSelector = selector }).Value!.Items.Count;
    }

    private static JsonObject ConfigMap(int i) => new()
    {
        ["apiVersion"] = "v1",
        ["kind"] = "ConfigMap",
        ["metadata"] = new JsonObject
        {
            ["name"] = $"cm-{i}",
            ["labels"] = new JsonObject { ["app"] = "bench", ["shard"] = (i % 16).ToString(System.Globalization.CultureInfo.InvariantCulture) },
        },
        ["data"] = new JsonObject { ["key"] = $"value-{i}", ["mode"] = "production" },
    };
}

using BenchmarkDotNet.Attributes;
using k8s;
using k8s.Models;
using SovereignOps.Sandbox;

namespace SovereignOps.Benchmarks.Sandbox;

/// <summary>
/// Writes per second through KubernetesClient over HTTPS: each operation is one create or one update of a
/// ConfigMap, issued by <see cref="Writers"/> concurrent clients. Writes/s = 1e9 / (ns per operation).
/// </summary>
[MemoryDiagnoser]
[WarmupCount(1)]
[IterationCount(5)]
public class SandboxWriteBenchmarks
{
    private const int WritesPerInvoke = 2000;
    private SandboxServer _server = null!;
    private Kubernetes[] _clients = [];
    private int _round;

    [Params(16)]
    public int Writers { get; set; }

    [GlobalSetup]
    public async Task SetupAsync()
    {
        _server = await SandboxServer.StartAsync(new SandboxOptions());
        _clients = [.. Enumerable.Range(0, Writers).Select(_ => _server.CreateClient())];
    }

    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        foreach (var client in _clients)
        {
            client.Dispose();
        }

        await _server.DisposeAsync();
    }

    /// <summary>Half creates, half updates of what was just created.</summary>
    [Benchmark(OperationsPerInvoke = WritesPerInvoke)]
    public async Task CreateAndUpdate()
    {
        var round = Interlocked.Increment(ref _round);
        var perWriter = WritesPerInvoke / 2 / Writers;
        await Task.WhenAll(_clients.Select((client, writer) => Task.Run(async () =>
        {
            for (var i = 0; i < perWriter; i++)
            {
                var name = $"r{round}-w{writer}-{i}";
                var created = await client.CoreV1.CreateNamespacedConfigMapAsync(new V1ConfigMap
                {
                    Metadata = new V1ObjectMeta { Name = name, Labels = new Dictionary<string, string> { ["bench"] = "write" } },
                    Data = new Dictionary<string, string> { ["value"] = "0" },
                }, "default");
                created.Data["value"] = "1";
                await client.CoreV1.ReplaceNamespacedConfigMapAsync(created, name, "default");
            }
        })));
    }
}

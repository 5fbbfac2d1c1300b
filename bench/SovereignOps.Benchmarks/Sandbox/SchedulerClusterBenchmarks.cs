using BenchmarkDotNet.Attributes;
using SovereignOps.Sandbox;
using SovereignOps.Sandbox.Api;
using SovereignOps.Sandbox.Cluster;
using SovereignOps.Sandbox.Controllers;
using SovereignOps.Sandbox.Registry;

namespace SovereignOps.Benchmarks.Sandbox;

/// <summary>
/// End to end in one sandbox: <see cref="Pods"/> pods created through the in-process API on a
/// <see cref="Nodes"/>-node simulated cluster, timed until every one is bound, running and Ready (scheduler,
/// bindings, kubelet status writes and events included). Each iteration starts from a fresh sandbox. One
/// iteration takes tens of seconds, longer than BenchmarkDotNet lets an in-process benchmark run: run it
/// without <c>--inProcess</c>.
/// </summary>
[WarmupCount(0)]
[IterationCount(3)]
[InvocationCount(1)]
public class SchedulerClusterBenchmarks
{
    private static readonly byte[] ReadyContainer = "\"ready\":true"u8.ToArray();
    private SandboxServer _server = null!;
    private ResourceType _pods = null!;

    [Params(500)]
    public int Nodes { get; set; }

    [Params(5000)]
    public int Pods { get; set; }

    [IterationSetup]
    public void Setup() => SetupAsync().GetAwaiter().GetResult();

    [IterationCleanup]
    public void Cleanup() => _server.DisposeAsync().AsTask().GetAwaiter().GetResult();

    [Benchmark]
    public async Task BindAndRunUntilReady()
    {
        var options = new WriteOptions { FieldManager = "bench" };
        for (var i = 0; i < Pods; i++)
        {
            var created = _server.Api.Create(_pods, "default", SchedulerWorkload.Pod(i), options);
            if (!created.Succeeded)
            {
                throw new InvalidOperationException(created.Error.ToString());
            }
        }

        var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(5);
        while (CountReady() < Pods)
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"only {CountReady()} of {Pods} pods became Ready");
            }

            await Task.Delay(20);
        }
    }

    private async Task SetupAsync()
    {
        _server = await SandboxServer.StartAsync(new SandboxOptions { WatchHistory = 1000, Cluster = new ClusterOptions { PodStartDelay = TimeSpan.FromMilliseconds(200) } });
        for (var i = 0; i < Nodes; i++)
        {
            var loaded = NodeLoader.Load(_server.Api, SchedulerWorkload.Node(i));
            if (!loaded.Succeeded)
            {
                throw new InvalidOperationException(loaded.Error.ToString());
            }
        }

        _pods = _server.Api.Resolve("", "v1", "pods")!;
        var leases = new GroupResource("coordination.k8s.io", "leases");
        while (_server.Store.List(leases, "kube-node-lease").Items.Count < Nodes)
        {
            await Task.Delay(20);
        }
    }

    private int CountReady() => _server.Store.List(_pods.GroupResource, "default").Items.Count(p => p.Json.AsSpan().IndexOf(ReadyContainer) >= 0);
}

using BenchmarkDotNet.Attributes;
using SovereignOps.Sandbox.Cluster.Model;
using SovereignOps.Sandbox.Cluster.Scheduling;
using SovereignOps.Sandbox.Storage;

namespace SovereignOps.Benchmarks.Sandbox;

/// <summary>
/// Scheduling decisions per second of the pure decision core: one pod weighed against every node of a
/// <see cref="Nodes"/>-node cluster (filters, then scoring of the nodes that fit). Decisions/s = 1e9 / (ns per operation).
/// </summary>
[MemoryDiagnoser]
[WarmupCount(1)]
[IterationCount(5)]
public class SchedulerCoreBenchmarks
{
    private const int Pods = 100;
    private readonly SchedulerCore _core = new(1);
    private List<NodeCandidate> _nodes = [];
    private List<PodFacts> _pods = [];

    [Params(500)]
    public int Nodes { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var nodes = new GroupResourceHolder();
        _nodes = [.. Enumerable.Range(0, Nodes).Select(i => new NodeCandidate(NodeFacts.Read(nodes.Seal("nodes", SchedulerWorkload.Node(i))), new Dictionary<string, long>(), 0))];
        _pods = [.. Enumerable.Range(0, Pods).Select(i => PodFacts.Read(nodes.Seal("pods", SchedulerWorkload.Pod(i))))];
    }

    [Benchmark(OperationsPerInvoke = Pods)]
    public int Decide()
    {
        var bound = 0;
        foreach (var pod in _pods)
        {
            if (_core.Decide(pod, _nodes).Scheduled)
            {
                bound++;
            }
        }

        return bound;
    }

    /// <summary>Objects as the store would hand them over, without a running sandbox.</summary>
    private sealed class GroupResourceHolder
    {
        private int _uid;

        public StoredObject Seal(string resource, System.Text.Json.Nodes.JsonObject obj)
        {
            var metadata = (System.Text.Json.Nodes.JsonObject)obj["metadata"]!;
            metadata["uid"] = $"uid-{_uid++}";
            metadata["namespace"] = resource == "pods" ? "default" : null;
            return StoredObject.Transient(new SovereignOps.Sandbox.Registry.GroupResource("", resource), obj);
        }
    }
}

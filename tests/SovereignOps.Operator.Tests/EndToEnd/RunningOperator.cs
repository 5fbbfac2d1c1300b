using SovereignOps.Operator.Hosting;
using SovereignOps.Runtime.Client;
using SovereignOps.Runtime.Metrics;

namespace SovereignOps.Operator.Tests.EndToEnd;

/// <summary>One operator instance in this process, talking to the sandbox over HTTPS with its own client and metrics.</summary>
internal sealed class RunningOperator : IAsyncDisposable
{
    private static readonly string[] ReadVerbs = ["get", "list", "watch"];
    private readonly CancellationTokenSource _stop = new();
    private readonly KubeApi _api;
    private Task? _run;

    public RunningOperator(KubeApi api, OperatorHost host, RuntimeMetrics metrics)
    {
        _api = api;
        Host = host;
        Metrics = metrics;
    }

    public OperatorHost Host { get; }

    public RuntimeMetrics Metrics { get; }

    public bool IsLeader => Host.Manager.IsLeader;

    public bool IsStopped => _run?.IsCompleted ?? true;

    /// <summary>Write requests this instance sent (every attempt, as its own metrics count them).</summary>
    public double Writes()
    {
        var total = 0.0;
        foreach (var labels in Metrics.ApiRequests.GetAllLabelValues())
        {
            if (!ReadVerbs.Contains(labels[0]))
            {
                total += Metrics.ApiRequests.WithLabels(labels).Value;
            }
        }

        return total;
    }

    public void Start() => _run = Host.RunAsync(_stop.Token);

    public async Task StopAsync()
    {
        await _stop.CancelAsync();
        if (_run is not null)
        {
            await _run;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _api.Dispose();
        _stop.Dispose();
    }
}

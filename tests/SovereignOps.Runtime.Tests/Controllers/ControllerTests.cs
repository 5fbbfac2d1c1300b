using System.Collections.Concurrent;
using k8s.Models;
using SovereignOps.Runtime.Client;
using SovereignOps.Runtime.Controllers;
using SovereignOps.Runtime.Informers;
using SovereignOps.Runtime.Metrics;
using SovereignOps.Runtime.Queue;
using SovereignOps.Runtime.Tests.Support;
using static SovereignOps.Runtime.Tests.Support.ListWatchScript;

namespace SovereignOps.Runtime.Tests.Controllers;

public sealed class ControllerTests : IDisposable
{
    private static readonly ResourceKey A = new("tenant-th", "a");
    private static readonly ResourceKey B = new("tenant-th", "b");

    private readonly ListWatchScript _configMaps = new();
    private readonly ListWatchScript _secrets = new();
    private readonly List<IDisposable> _disposables = [];
    private readonly CancellationTokenSource _informersStop = new();
    private readonly RuntimeMetrics _metrics = new();

    public void Dispose()
    {
        _informersStop.Cancel();
        _informersStop.Dispose();
        _disposables.ForEach(d => d.Dispose());
        _configMaps.Dispose();
        _secrets.Dispose();
    }

    [Fact]
    public async Task Every_cached_object_is_reconciled_once_at_start()
    {
        _configMaps.List("10", null, ConfigMap("a", "5"), ConfigMap("b", "6"));
        var reconciler = new ScriptedReconciler(_ => ReconcileResult.Done);
        using var leading = new CancellationTokenSource();
        var run = StartController(reconciler, leading.Token);

        await Eventually.TrueAsync(() => reconciler.Calls.Count == 2, "both keys are reconciled");
        await Task.Delay(100);

        Assert.Equal([A, B], reconciler.Calls.OrderBy(k => k.ToString()));
        await leading.CancelAsync();
        await run;
        Assert.Contains("sovereignops_reconcile_total{kind=\"ConfigMap\",result=\"done\"} 2", await _metrics.ExportAsync());
    }

    [Fact]
    public async Task A_change_to_an_owned_child_requeues_its_owner()
    {
        _configMaps.List("10", null, ConfigMap("a", "5"));
        var deleteChild = new TaskCompletionSource();
        _secrets
            .List("20", null)
            .Watch(deleteChild.Task, Event("DELETED", OwnedSecret("a-credentials", "a")));
        var reconciler = new ScriptedReconciler(_ => ReconcileResult.Done);
        using var leading = new CancellationTokenSource();
        var secrets = Informer<V1Secret>(_secrets);
        var run = StartController(reconciler, leading.Token, controller => controller.Owns(secrets));
        await Eventually.TrueAsync(() => reconciler.Calls.Count == 1, "the owner is reconciled at start");

        deleteChild.SetResult();

        await Eventually.TrueAsync(() => reconciler.Calls.Count == 2, "the owner is reconciled again after its child was deleted");

        Assert.All(reconciler.Calls, key => Assert.Equal(A, key));
        await leading.CancelAsync();
        await run;
    }

    [Fact]
    public async Task Retry_reconciles_again_with_backoff_and_terminal_stops()
    {
        _configMaps.List("10", null, ConfigMap("a", "5"));
        var reconciler = new ScriptedReconciler(attempt => attempt < 3 ? ReconcileResult.Retry("api unavailable") : ReconcileResult.Terminal("spec is invalid"));
        using var leading = new CancellationTokenSource();
        var run = StartController(reconciler, leading.Token);

        await Eventually.TrueAsync(() => reconciler.Calls.Count == 3, "two retries happen");
        await Task.Delay(200);

        Assert.Equal(3, reconciler.Calls.Count);
        await leading.CancelAsync();
        await run;
        var exported = await _metrics.ExportAsync();
        Assert.Contains("sovereignops_reconcile_total{kind=\"ConfigMap\",result=\"retry\"} 2", exported);
        Assert.Contains("sovereignops_reconcile_total{kind=\"ConfigMap\",result=\"terminal\"} 1", exported);
        Assert.Contains("sovereignops_reconcile_errors_total{kind=\"ConfigMap\"} 3", exported);
    }

    [Fact]
    public async Task RequeueAfter_reconciles_the_key_again_later()
    {
        _configMaps.List("10", null, ConfigMap("a", "5"));
        var reconciler = new ScriptedReconciler(attempt => attempt == 1 ? ReconcileResult.RequeueAfter(TimeSpan.FromMilliseconds(50)) : ReconcileResult.Done);
        using var leading = new CancellationTokenSource();
        var run = StartController(reconciler, leading.Token);

        await Eventually.TrueAsync(() => reconciler.Calls.Count == 2, "the key comes back after its delay");

        await leading.CancelAsync();
        await run;
    }

    [Fact]
    public async Task Losing_leadership_cancels_the_reconciles_in_flight_and_stops_intake()
    {
        _configMaps.List("10", null, ConfigMap("a", "5"), ConfigMap("b", "6"));
        var canceled = 0;
        var reconciler = new ScriptedReconciler(_ => ReconcileResult.Done, async ct =>
        {
            try
            {
                await Task.Delay(Timeout.Infinite, ct);
            }
            catch (OperationCanceledException)
            {
                Interlocked.Increment(ref canceled);
                throw;
            }
        });
        using var leading = new CancellationTokenSource();
        Controller<V1ConfigMap>? started = null;
        var run = StartController(reconciler, leading.Token, c => started = c);
        await Eventually.TrueAsync(() => reconciler.Calls.Count == 2, "both keys are in flight");

        await leading.CancelAsync();
        await run.WaitAsync(TimeSpan.FromSeconds(5));

        Assert.Equal(2, canceled);
        Assert.False(started!.IsRunning);
        started.Enqueue(A);
        await Task.Delay(50);
        Assert.Equal(2, reconciler.Calls.Count);
    }

    [Fact]
    public async Task An_exception_from_the_reconciler_is_retried()
    {
        _configMaps.List("10", null, ConfigMap("a", "5"));
        var reconciler = new ScriptedReconciler(attempt => attempt == 1 ? throw new InvalidOperationException("boom") : ReconcileResult.Done);
        using var leading = new CancellationTokenSource();
        var run = StartController(reconciler, leading.Token);

        await Eventually.TrueAsync(() => reconciler.Calls.Count == 2, "the key is retried after the exception");

        await leading.CancelAsync();
        await run;
    }

    private Task StartController(ScriptedReconciler reconciler, CancellationToken leadership, Action<Controller<V1ConfigMap>>? configure = null)
    {
        var informer = Informer<V1ConfigMap>(_configMaps);
        var controller = new Controller<V1ConfigMap>(informer, reconciler, new ControllerOptions
        {
            Concurrency = 2,
            Queue = new WorkQueueOptions { BaseRetryDelay = TimeSpan.FromMilliseconds(5) },
        }, _metrics);
        configure?.Invoke(controller);
        return controller.RunAsync(leadership);
    }

    private Informer<TObject> Informer<TObject>(ListWatchScript server)
        where TObject : class, k8s.IKubernetesObject<V1ObjectMeta>
    {
        var api = new KubeApi(new ApiTransport(new HttpClient(server), new Uri("http://127.0.0.1:1")));
        _disposables.Add(api);
        var informer = new Informer<TObject>(api, new InformerOptions { Backoff = new ReconnectBackoff(TimeSpan.FromMilliseconds(5), TimeSpan.FromMilliseconds(20)) });
        _ = informer.RunAsync(_informersStop.Token);
        return informer;
    }

    private static string OwnedSecret(string name, string owner) =>
        $$$"""{"apiVersion":"v1","kind":"Secret","metadata":{"name":"{{{name}}}","namespace":"tenant-th","resourceVersion":"21","ownerReferences":[{"apiVersion":"v1","kind":"ConfigMap","name":"{{{owner}}}","uid":"uid-{{{owner}}}","controller":true}]}}""";

    private sealed class ScriptedReconciler(Func<int, ReconcileResult> outcome, Func<CancellationToken, Task>? work = null) : IReconciler
    {
        private readonly ConcurrentQueue<ResourceKey> _calls = new();
        private int _attempts;

        public IReadOnlyList<ResourceKey> Calls => [.. _calls];

        public async Task<ReconcileResult> ReconcileAsync(ResourceKey key, CancellationToken cancellationToken)
        {
            _calls.Enqueue(key);
            var attempt = Interlocked.Increment(ref _attempts);
            if (work is not null)
            {
                await work(cancellationToken);
            }

            return outcome(attempt);
        }
    }
}

using System.Net.Http.Headers;
using System.Security.Cryptography.X509Certificates;
using BenchmarkDotNet.Attributes;
using k8s;
using k8s.Models;
using SovereignOps.Sandbox;

namespace SovereignOps.Benchmarks.Sandbox;

/// <summary>
/// <see cref="Watchers"/> concurrent HTTP watch streams on ConfigMaps; one operation is one write that every
/// watcher must receive before the invocation ends, so ns per operation is the time to fan one event out to all.
/// </summary>
[WarmupCount(1)]
[IterationCount(5)]
public class SandboxWatchFanOutBenchmarks : IDisposable
{
    private const int EventsPerInvoke = 200;
    private SandboxServer _server = null!;
    private Kubernetes _client = null!;
    private HttpClient _http = null!;
    private readonly List<Task> _readers = [];
    private long[] _received = [];
    private CancellationTokenSource _stop = new();
    private int _round;

    [Params(200)]
    public int Watchers { get; set; }

    [GlobalSetup]
    public async Task SetupAsync()
    {
        _server = await SandboxServer.StartAsync(new SandboxOptions());
        _client = _server.CreateClient();
        var handler = new SocketsHttpHandler { MaxConnectionsPerServer = Watchers + 8 };
        var ca = X509Certificate2.CreateFromPem(_server.CaPem);
        handler.SslOptions.RemoteCertificateValidationCallback = (_, certificate, chain, _) =>
        {
            chain!.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
            chain.ChainPolicy.CustomTrustStore.Add(ca);
            chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
            return chain.Build((X509Certificate2)certificate!);
        };
        _http = new HttpClient(handler) { BaseAddress = new Uri(_server.Url), Timeout = Timeout.InfiniteTimeSpan };
        _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", _server.Token);
        _received = new long[Watchers];
        for (var i = 0; i < Watchers; i++)
        {
            var watcher = i;
            var response = await _http.GetAsync("/api/v1/namespaces/default/configmaps?watch=true&resourceVersion=" + _server.Store.CurrentResourceVersion, HttpCompletionOption.ResponseHeadersRead);
            var stream = await response.Content.ReadAsStreamAsync();
            _readers.Add(Task.Run(async () =>
            {
                using var reader = new StreamReader(stream);
                while (await reader.ReadLineAsync(_stop.Token) is not null)
                {
                    Interlocked.Increment(ref _received[watcher]);
                }
            }));
        }

        while (_server.Metrics.OpenWatchStreams < Watchers)
        {
            await Task.Delay(10);
        }
    }

    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        await _stop.CancelAsync();
        _client.Dispose();
        await _server.DisposeAsync();
    }

    public void Dispose()
    {
        _http.Dispose();
        _stop.Dispose();
        GC.SuppressFinalize(this);
    }

    [Benchmark(OperationsPerInvoke = EventsPerInvoke)]
    public async Task WriteAndDeliverToEveryWatcher()
    {
        var round = Interlocked.Increment(ref _round);
        var expected = Volatile.Read(ref _received[0]) + EventsPerInvoke;
        for (var i = 0; i < EventsPerInvoke; i++)
        {
            await _client.CoreV1.CreateNamespacedConfigMapAsync(new V1ConfigMap { Metadata = new V1ObjectMeta { Name = $"f{round}-{i}" } }, "default");
        }

        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (_received.Any(r => Volatile.Read(ref r) < expected))
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new InvalidOperationException($"watchers missed events: {_received.Min()} of {expected}");
            }

            await Task.Delay(1);
        }
    }
}

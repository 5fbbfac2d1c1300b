using System.Text.Json.Nodes;
using k8s;
using k8s.Models;
using SovereignOps.Operator.Hosting;
using SovereignOps.Rendering;
using SovereignOps.Runtime;
using SovereignOps.Runtime.Client;
using SovereignOps.Runtime.Leadership;
using SovereignOps.Runtime.Metrics;
using SovereignOps.Runtime.Resilience;
using SovereignOps.Sandbox;
using SovereignOps.Sandbox.Faults;

namespace SovereignOps.Operator.Tests.EndToEnd;

/// <summary>
/// A sandbox API server loaded with the example countries' nodes, the CRDs installed the way the
/// operator installs them, and operator instances running in this process against it over HTTPS.
/// Test-side writes go through kubectl, so the sandbox counts them apart from the operator's.
/// </summary>
internal sealed class OperatorCluster : IAsyncDisposable
{
    public static readonly string[] AllCountries = ["thailand", "saudi-arabia", "korea"];
    private static readonly string[] WriteVerbs = ["create", "update", "patch", "delete", "deletecollection"];
    private readonly List<RunningOperator> _operators = [];
    private readonly string _kubeconfig;

    private OperatorCluster(SandboxServer server, string kubeconfig)
    {
        Server = server;
        _kubeconfig = kubeconfig;
        Kubectl = new Kubectl(kubeconfig);
        Reader = new KubeApi(ApiTransport.FromConfig(server.ClientConfiguration));
    }

    public SandboxServer Server { get; }

    public Kubectl Kubectl { get; }

    /// <summary>For reads only: it shares the operator's User-Agent, so its writes would count as the operator's.</summary>
    public KubeApi Reader { get; }

    public static async Task<OperatorCluster> StartAsync(IEnumerable<string> countries, FaultPlan? faults = null)
    {
        var server = await SandboxServer.StartAsync(new SandboxOptions
        {
            NodeFiles = [.. countries.Select(c => RepoPaths.Combine("examples", c, "nodes.yaml"))],
            BookmarkInterval = TimeSpan.FromSeconds(1),
            Faults = faults ?? FaultPlan.None,
        });
        var kubeconfig = Path.Combine(Path.GetTempPath(), $"sovereignops-e2e-{Guid.NewGuid():N}.kubeconfig");
        server.WriteKubeconfig(kubeconfig);
        var cluster = new OperatorCluster(server, kubeconfig);
        using var installer = new KubeApi(ApiTransport.FromConfig(server.ClientConfiguration), new ApiRetryOptions { BaseDelay = TimeSpan.FromMilliseconds(100), MaxRetries = 10 });
        for (var attempt = 0; ; attempt++)
        {
            var failures = await CrdInstaller.ApplyAsync(installer, CancellationToken.None);
            if (failures.Count == 0)
            {
                break;
            }

            Assert.True(attempt < 20, $"CRDs not applied: {string.Join("; ", failures)}");
            await Task.Delay(500);
        }

        await cluster.Kubectl.SucceedAsync("wait", "--for=condition=Established", "crd", "--all", "--timeout=30s");
        return cluster;
    }

    public RunningOperator StartOperator(bool leaderElect = false, string identity = "operator")
    {
        var metrics = new RuntimeMetrics();
        var api = new KubeApi(ApiTransport.FromConfig(Server.ClientConfiguration), new ApiRetryOptions { BaseDelay = TimeSpan.FromMilliseconds(100) }, metrics);
        var host = OperatorHost.Create(api, new OperatorHostOptions
        {
            Helm = new HelmRendererOptions { HelmPath = RepoPaths.Helm, ChartsRoot = RepoPaths.Combine("charts") },
            LeaderElection = leaderElect
                ? new LeaderElectionOptions { LeaseNamespace = "kube-system", LeaseName = "sovereignops-operator", Identity = identity }
                : null,
        }, metrics);
        var running = new RunningOperator(api, host, metrics);
        _operators.Add(running);
        running.Start();
        return running;
    }

    /// <summary><c>kubectl apply -f examples/&lt;country&gt;/</c>, the folder in one go.</summary>
    public async Task ApplyCountryAsync(string country) =>
        await Kubectl.SucceedAsync("apply", "-f", RepoPaths.Combine("examples", country) + "/");

    public async Task<IReadOnlyList<T>> ListAsync<T>(string? ns = null)
        where T : class, IKubernetesObject<V1ObjectMeta>
    {
        var result = await Reader.ListAsync<T>(ResourceType.For<T>(), new ListRequest { Namespace = ns }, CancellationToken.None);
        Assert.True(result.IsSuccess, result.ToString());
        return result.Value.Items;
    }

    public async Task<T?> GetAsync<T>(string? ns, string name)
        where T : class, IKubernetesObject<V1ObjectMeta>
    {
        var result = await Reader.GetAsync<T>(ResourceType.For<T>(), new ResourceKey(ns, name), CancellationToken.None);
        return result.IsSuccess ? result.Value : result.Error.IsNotFound ? null : throw new InvalidOperationException(result.Error.ToString());
    }

    /// <summary>Write requests the sandbox served to clients calling themselves sovereignops-operator.</summary>
    public long OperatorWrites() =>
        WriteVerbs.Sum(v => Server.Metrics.Requests(verb: v, userAgent: UserAgent.Product));

    /// <summary>A JSON merge patch through kubectl, as a user editing the object would send it.</summary>
    public Task PatchAsync(string resource, string? ns, string name, JsonObject patch) =>
        Kubectl.SucceedAsync([.. ns is null ? [] : new[] { "-n", ns }, "patch", resource, name, "--type", "merge", "-p", patch.ToJsonString()]);

    public async ValueTask DisposeAsync()
    {
        foreach (var running in _operators)
        {
            await running.DisposeAsync();
        }

        Reader.Dispose();
        await Server.DisposeAsync();
        File.Delete(_kubeconfig);
    }
}

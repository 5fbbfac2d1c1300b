using k8s.Models;
using SovereignOps.Runtime.Client;
using SovereignOps.Sandbox;

namespace SovereignOps.Runtime.Tests.Integration;

/// <summary>
/// One sandbox API server per test class, reached over HTTPS with KubernetesClient's stack and
/// credentials, exactly as the operator reaches a real cluster. Each test works in its own namespace.
/// </summary>
public sealed class SandboxFixture : IAsyncLifetime
{
    public SandboxServer Server { get; private set; } = null!;

    public async Task InitializeAsync() =>
        Server = await SandboxServer.StartAsync(new SandboxOptions { BookmarkInterval = TimeSpan.FromSeconds(1) });

    public async Task DisposeAsync() => await Server.DisposeAsync();

    /// <summary>A client as the operator builds it: KubernetesClient's HTTP stack, our retries and User-Agent.</summary>
    public KubeApi NewApi(Metrics.RuntimeMetrics? metrics = null) =>
        new(ApiTransport.FromConfig(Server.ClientConfiguration), new Resilience.ApiRetryOptions { BaseDelay = TimeSpan.FromMilliseconds(50) }, metrics);

    /// <summary>Creates a fresh namespace and returns its name.</summary>
    public async Task<string> NewNamespaceAsync(KubeApi api)
    {
        var name = "rt-" + Guid.NewGuid().ToString("N")[..10];
        var created = await api.CreateAsync(ResourceType.For<V1Namespace>(), new V1Namespace { Metadata = new V1ObjectMeta { Name = name } }, CancellationToken.None);
        Assert.True(created.IsSuccess, created.ToString());
        return name;
    }

    /// <summary>Requests this operator sent, as the sandbox counted them.</summary>
    public long OperatorRequests(string verb, string resource) =>
        Server.Metrics.Requests(verb: verb, resource: resource, userAgent: UserAgent.Product);
}

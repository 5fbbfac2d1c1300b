using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using k8s;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using SovereignOps.Sandbox.Admission;
using SovereignOps.Sandbox.Api;
using SovereignOps.Sandbox.Cluster;
using SovereignOps.Sandbox.Cluster.Workloads;
using SovereignOps.Sandbox.Controllers;
using SovereignOps.Sandbox.Faults;
using SovereignOps.Sandbox.Hosting;
using SovereignOps.Sandbox.Http;
using SovereignOps.Sandbox.Metrics;
using SovereignOps.Sandbox.OpenApi;
using SovereignOps.Sandbox.Registry;
using SovereignOps.Sandbox.Storage;
using SovereignOps.Sandbox.Tables;

namespace SovereignOps.Sandbox;

/// <summary>
/// A running sandbox: a Kubernetes-compatible API server on https://127.0.0.1 with its in-process API.
/// Start with <see cref="StartAsync"/>; dispose to stop. Clients connect through <see cref="KubeconfigYaml"/>
/// or <see cref="ClientConfiguration"/>; in-process controllers use <see cref="Api"/> and <see cref="Store"/>.
/// </summary>
public sealed class SandboxServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly CertificateAuthority _authority;
    private readonly CancellationTokenSource _stopping = new();
    private readonly List<Task> _controllers = [];

    private SandboxServer(WebApplication app, CertificateAuthority authority, ResourceApi api, FaultInjector faults, SandboxMetrics metrics, string token, SimulatedCluster cluster)
    {
        Cluster = cluster;
        _app = app;
        _authority = authority;
        Api = api;
        Faults = faults;
        Metrics = metrics;
        Token = token;
    }

    /// <summary>The server's base URL, e.g. https://127.0.0.1:41234.</summary>
    public string Url { get; private set; } = "";

    public string Token { get; }

    /// <summary>The object semantics (create, update, patch, apply, delete, list) as HTTP clients get them.</summary>
    public ResourceApi Api { get; }

    /// <summary>The versioned storage: subscribe here to every committed change.</summary>
    public ObjectStore Store => Api.Store;

    public ResourceRegistry Registry => Api.Registry;

    public FaultInjector Faults { get; }

    /// <summary>The simulated nodes, scheduler and kubelets; inject node faults here.</summary>
    public SimulatedCluster Cluster { get; }

    public SandboxMetrics Metrics { get; }

    /// <summary>The CA certificate clients must trust, PEM-encoded.</summary>
    public string CaPem => _authority.CaPem;

    public string KubeconfigYaml => Kubeconfig.Render(Url, _authority.CaPem, Token);

    /// <summary>A fresh KubernetesClient configuration that trusts the sandbox CA and sends the token.</summary>
    public KubernetesClientConfiguration ClientConfiguration => new()
    {
        Host = Url,
        AccessToken = Token,
        SslCaCerts = [X509CertificateLoader.LoadCertificate(_authority.CaCertificate.RawData)],
    };

    public static async Task<SandboxServer> StartAsync(SandboxOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new SandboxOptions();
        var clock = options.Clock;
        var token = options.Token ?? Convert.ToHexString(RandomNumberGenerator.GetBytes(24)).ToLowerInvariant();
        var authority = CertificateAuthority.Create(clock);
        var registry = new ResourceRegistry();
        var store = new ObjectStore(options.WatchHistory);
        var api = new ResourceApi(store, registry, clock);
        api.AddAdmission(new CustomResourceDefinitionAdmission());
        api.AddAdmission(new CustomResourceAdmission());
        api.AddAdmission(new BuiltInFieldValidation());
        api.AddAdmission(new BuiltInDefaults());
        api.AddAdmission(new DeploymentStrategyValidation());
        api.AddAdmission(new PodPriority(store));
        api.AddAdmission(new PodResources());
        api.AddAdmission(new DefaultTolerationSeconds(options.Cluster.DefaultTolerationSeconds));
        var cluster = new SimulatedCluster(api, options.Cluster, options.Seed, clock, options.Log);
        var faults = new FaultInjector(clock);
        faults.Configure(options.Faults);
        var metrics = new SandboxMetrics();

        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = 4 * 1024 * 1024;
            kestrel.Listen(IPAddress.Loopback, options.Port, listen =>
            {
                listen.Protocols = HttpProtocols.Http1AndHttp2;
                listen.UseHttps(authority.ServerCertificate);
            });
        });
        var app = builder.Build();
        var server = new SandboxServer(app, authority, api, faults, metrics, token, cluster);
        app.Run(context => server._handler(context));
        await app.StartAsync(cancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var port = new Uri(address).Port;
        server.Url = $"https://127.0.0.1:{port}";

        var tables = new TableConverter(clock);
        var watches = new WatchStreamer(api, tables, new WatchSettings(options.DefaultWatchTimeout, options.BookmarkInterval), faults, metrics);
        var pipeline = new Pipeline(
            api,
            new ResourceHandler(api, tables, watches),
            new OpenApiDocuments(registry),
            new FaultAdmin(faults),
            new ClusterAdmin(cluster),
            faults,
            metrics,
            token,
            $"127.0.0.1:{port}",
            ServerVersion.Document(),
            options.Log);
        server._handler = pipeline.HandleAsync;

        await server.StartControllersAsync(options, cancellationToken);
        return server;
    }

    // Until the pipeline is wired (the port is known only after Kestrel started), requests get 503.
    private RequestDelegate _handler = context =>
        HttpResponses.WriteErrorAsync(context, ApiError.ServiceUnavailable("the sandbox is starting"));

    /// <summary>Fires when the host is asked to stop (e.g. SIGTERM), so a foreground run can end cleanly.</summary>
    public CancellationToken Stopping => _app.Lifetime.ApplicationStopping;

    public void WriteKubeconfig(string path)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        File.WriteAllText(path, KubeconfigYaml);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
    }

    /// <summary>A KubernetesClient connected to this sandbox.</summary>
    public Kubernetes CreateClient() => new(ClientConfiguration);

    private async Task StartControllersAsync(SandboxOptions options, CancellationToken cancellationToken)
    {
        var bootstrap = new Bootstrap(Api);
        var bootstrapped = bootstrap.Run();
        if (!bootstrapped.Succeeded)
        {
            throw new InvalidOperationException("the sandbox could not create its initial objects: " + bootstrapped.Error);
        }

        foreach (var file in options.NodeFiles)
        {
            var loaded = await NodeLoader.LoadFileAsync(Api, file, cancellationToken);
            if (!loaded.Succeeded)
            {
                throw new InvalidOperationException(loaded.Error.Message);
            }
        }

        List<IController> controllers =
        [
            new CustomResourceDefinitionController(Api),
            new NamespaceController(Api),
            new GarbageCollector(Api),
        ];
        if (options.WorkloadControllers)
        {
            controllers.Add(new WorkloadControllers(Api, options.Seed, options.Log));
        }

        foreach (var controller in controllers)
        {
            _controllers.Add(Task.Run(() => controller.RunAsync(_stopping.Token), CancellationToken.None));
        }

        _controllers.Add(Task.Run(() => Cluster.RunAsync(_stopping.Token), CancellationToken.None));
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        try
        {
            await Task.WhenAll(_controllers);
        }
        catch (OperationCanceledException)
        {
            // controllers end by cancellation
        }

        using (var grace = new CancellationTokenSource(TimeSpan.FromSeconds(2)))
        {
            await _app.StopAsync(grace.Token);
        }

        await _app.DisposeAsync();
        _authority.Dispose();
        _stopping.Dispose();
    }
}

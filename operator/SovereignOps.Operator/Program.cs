using System.Runtime.InteropServices;
using k8s;
using Serilog;
using Serilog.Formatting.Compact;
using SovereignOps.Operator;
using SovereignOps.Operator.Hosting;
using SovereignOps.Runtime.Client;
using SovereignOps.Runtime.Leadership;
using SovereignOps.Runtime.Metrics;
using SovereignOps.Sandbox;

var inCluster = KubernetesClientConfiguration.IsInCluster();
var logging = new LoggerConfiguration().Enrich.FromLogContext();
Log.Logger = (inCluster
        ? logging.WriteTo.Console(new CompactJsonFormatter())
        : logging.WriteTo.Console(outputTemplate: "[{Timestamp:HH:mm:ss} {Level:u3}] {Kind} {Key} {Message:lj}{NewLine}{Exception}"))
    .CreateLogger();

var (options, error) = OperatorOptions.Parse(args);
if (options is null)
{
    Log.Error("Invalid arguments: {Error}", error);
    return 2;
}

// SIGTERM (the kubelet, make run) and Ctrl-C stop the controllers, hand the lease over and exit.
using var shutdown = new CancellationTokenSource();
using var onTerm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, StopGracefully);
using var onInt = PosixSignalRegistration.Create(PosixSignal.SIGINT, StopGracefully);

SandboxServer? sandbox = null;
if (options.Sandbox)
{
    (sandbox, var problem) = await EmbeddedSandbox.StartAsync(options.Kubeconfig, shutdown.Token);
    if (sandbox is null)
    {
        Log.Error("Could not start the sandbox: {Error}", problem);
        return 1;
    }

    Log.Information("Sandbox API server at {Url}{Kubeconfig}", sandbox.Url, options.Kubeconfig is null ? "" : $", kubeconfig {options.Kubeconfig}");
}

try
{
    var config = sandbox is not null ? sandbox.ClientConfiguration
        : options.Kubeconfig is { } file ? KubeconfigLoader.BuildConfig(file)
        : inCluster ? KubernetesClientConfiguration.InClusterConfig()
        : KubernetesClientConfiguration.BuildConfigFromConfigObject(KubeconfigLoader.Merge(KubeconfigLoader.DefaultFiles()));
    var metrics = new RuntimeMetrics();
    using var api = new KubeApi(ApiTransport.FromConfig(config), metrics: metrics, logger: Log.Logger);
    var host = OperatorHost.Create(api, new OperatorHostOptions
    {
        WatchNamespaces = options.WatchNamespaces,
        LeaderElection = options.LeaderElect
            ? new LeaderElectionOptions
            {
                LeaseNamespace = options.LeaseNamespace ?? Environment.GetEnvironmentVariable("POD_NAMESPACE") ?? "kube-system",
                LeaseName = "sovereignops-operator",
            }
            : null,
    }, metrics, Log.Logger);

    var crdsApplied = false;
    ProbeServer probes;
    try
    {
        probes = await ProbeServer.StartAsync(options.MetricsPort, loopbackOnly: !inCluster, metrics, () => crdsApplied && host.Manager.IsReady, shutdown.Token);
    }
    catch (System.Net.Sockets.SocketException exception)
    {
        Log.Fatal("Cannot serve /healthz, /readyz and /metrics on port {Port}: {Reason}; free the port or pass --metrics-port", options.MetricsPort, exception.Message.TrimEnd('.'));
        return 1;
    }

    await using var probesLifetime = probes;

    var crds = await CrdInstaller.InstallAsync(api, new CrdInstallOptions { Policy = options.CrdPolicy }, shutdown.Token);
    foreach (var failure in crds.Failures)
    {
        Log.Error("CRD not usable: {Failure}", failure);
    }

    if (!crds.Succeeded)
    {
        return 1;
    }

    crdsApplied = true;
    Log.Information("Operator {Version} running{Scope}", UserAgent.Value,
        options.WatchNamespaces.Count > 0 ? $" in namespaces {string.Join(", ", options.WatchNamespaces)}" : "");
    await host.RunAsync(shutdown.Token);
    Log.Information("Shut down");
    return 0;
}
catch (k8s.Exceptions.KubeConfigException exception)
{
    Log.Fatal("Cannot connect to the cluster: {Reason}", exception.Message);
    return 1;
}
catch (OperationCanceledException) when (shutdown.IsCancellationRequested)
{
    Log.Information("Shut down");
    return 0;
}
finally
{
    if (sandbox is not null)
    {
        await sandbox.DisposeAsync();
    }

    await Log.CloseAndFlushAsync();
}

void StopGracefully(PosixSignalContext context)
{
    context.Cancel = true;
    shutdown.Cancel();
}

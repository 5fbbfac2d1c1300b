using k8s;
using Serilog;
using Serilog.Formatting.Compact;
using SovereignOps.Operator;
using SovereignOps.Runtime.Client;
using SovereignOps.Runtime.Metrics;

var inCluster = KubernetesClientConfiguration.IsInCluster();
var logging = new LoggerConfiguration().Enrich.FromLogContext();
Log.Logger = (inCluster ? logging.WriteTo.Console(new CompactJsonFormatter()) : logging.WriteTo.Console()).CreateLogger();

var (options, error) = OperatorOptions.Parse(args);
if (options is null)
{
    Log.Error("Invalid arguments: {Error}", error);
    return 2;
}

using var shutdown = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    shutdown.Cancel();
};
AppDomain.CurrentDomain.ProcessExit += (_, _) => shutdown.Cancel();

var config = options.Kubeconfig is { } file
    ? KubernetesClientConfiguration.BuildConfigFromConfigFile(file)
    : inCluster ? KubernetesClientConfiguration.InClusterConfig() : KubernetesClientConfiguration.BuildDefaultConfig();
var metrics = new RuntimeMetrics();
using var api = new KubeApi(ApiTransport.FromConfig(config), metrics: metrics, logger: Log.Logger);
var crdsApplied = false;
await using var probes = await ProbeServer.StartAsync(options.MetricsPort, loopbackOnly: !inCluster, metrics, () => crdsApplied, shutdown.Token);

var failures = await CrdInstaller.ApplyAsync(api, shutdown.Token);
foreach (var failure in failures)
{
    Log.Error("Could not apply CRD {Failure}", failure);
}

if (failures.Count > 0)
{
    return 1;
}

crdsApplied = true;
Log.Information("CRDs applied; operator running until shutdown");
try
{
    await Task.Delay(Timeout.Infinite, shutdown.Token);
}
catch (OperationCanceledException)
{
    Log.Information("Shutting down");
}

await Log.CloseAndFlushAsync();
return 0;

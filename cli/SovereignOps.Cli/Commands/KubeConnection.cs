using System.Reflection;
using k8s;
using k8s.Exceptions;
using k8s.KubeConfigModels;
using SovereignOps.Runtime.Client;

namespace SovereignOps.Cli.Commands;

/// <summary>
/// Opens the runtime's REST client (retries on throttling and server errors) for the cluster the
/// kubeconfig rules choose: --kubeconfig, else every file in $KUBECONFIG merged, else ~/.kube/config,
/// else the in-cluster service account; --context, else the current context.
/// </summary>
public static class KubeConnection
{
    public static string UserAgentValue { get; } = "sovereignctl/" + Version;

    public static string Version =>
        (typeof(KubeConnection).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0").Split('+')[0];

    /// <summary>The client, or why none could be made (a usage error: the kubeconfig or context is wrong).</summary>
    public static (KubeApi? Api, string? Error) Open(KubeSettings settings)
    {
        try
        {
            var config = Configuration(settings);
            return config.Error is not null ? (null, config.Error) : (new KubeApi(ApiTransport.FromConfig(config.Config!, UserAgentValue)), null);
        }
        catch (KubeConfigException e)
        {
            return (null, $"kubeconfig: {e.Message}");
        }
    }

    private static (KubernetesClientConfiguration? Config, string? Error) Configuration(KubeSettings settings)
    {
        var files = settings.Kubeconfig is { } explicitPath ? [explicitPath] : KubeconfigLoader.DefaultFiles();
        var missing = settings.Kubeconfig is not null && !File.Exists(settings.Kubeconfig);
        if (missing)
        {
            return (null, $"kubeconfig {settings.Kubeconfig} does not exist");
        }

        if (files.Count == 0)
        {
            return KubernetesClientConfiguration.IsInCluster()
                ? (KubernetesClientConfiguration.InClusterConfig(), null)
                : (null, "no kubeconfig: pass --kubeconfig, set KUBECONFIG or create ~/.kube/config");
        }

        var merged = KubeconfigLoader.Merge(files);
        if (settings.Context is { } context && merged.Contexts?.All(c => c.Name != context) != false)
        {
            var known = string.Join(", ", merged.Contexts?.Select(c => c.Name) ?? []);
            return (null, $"context \"{context}\" is not in the kubeconfig (contexts: {known})");
        }

        return (KubernetesClientConfiguration.BuildConfigFromConfigObject(merged, settings.Context), null);
    }
}

using System.Security.Cryptography;
using System.Text;

namespace SovereignOps.Rendering.Pipeline;

/// <summary>
/// The names the workload charts give their objects, computed the same way the charts' helpers do
/// (cut to a limit, suffixed with the first 8 hex digits of the full name's SHA-256), so that an
/// agent's values can point at its model's Service and pods before either is rendered.
/// </summary>
public static class ChartNames
{
    public const int ModelNameLimit = 40;
    public const int AgentNameLimit = 50;
    public const int ModelHttpPort = 8000;
    public const int AgentServicePort = 80;

    public static string Model(string name) => Truncate(name, ModelNameLimit);

    public static string Agent(string name) => Truncate(name, AgentNameLimit);

    /// <summary>Labels of a model's serving pods (the rank-0 leaders of multi-node replicas).</summary>
    public static IReadOnlyDictionary<string, string> ModelServerPodLabels(string modelName) => new Dictionary<string, string>
    {
        ["app.kubernetes.io/name"] = "sovereign-model",
        ["app.kubernetes.io/instance"] = Model(modelName),
        ["sovereignops.io/rank-role"] = "server",
    };

    /// <summary>Base URL of a model's API: OpenAI-compatible <c>/v1</c> for vLLM and TGI, the KServe <c>/v2</c> protocol for Triton.</summary>
    public static string ModelEndpoint(string modelName, string ns, string engine) =>
        $"http://{Model(modelName)}.{ns}.svc:{ModelHttpPort}/{(engine == "triton" ? "v2" : "v1")}";

    public static string AgentEndpoint(string agentName, string ns) => $"http://{Agent(agentName)}.{ns}.svc";

    private static string Truncate(string name, int limit)
    {
        if (name.Length <= limit)
        {
            return name;
        }

        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(name)))[..8];
        return $"{name[..(limit - 9)].TrimEnd('-')}-{hash}";
    }
}

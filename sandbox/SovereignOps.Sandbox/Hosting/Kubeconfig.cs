using System.Text;

namespace SovereignOps.Sandbox.Hosting;

/// <summary>Writes the kubeconfig a client needs for the sandbox: the server URL, the CA and the bearer token.</summary>
public static class Kubeconfig
{
    public const string ContextName = "sovereign-sandbox";

    public static string Render(string serverUrl, string caPem, string token, string defaultNamespace = "default")
    {
        var caData = Convert.ToBase64String(Encoding.ASCII.GetBytes(caPem));
        return $"""
            apiVersion: v1
            kind: Config
            clusters:
            - name: {ContextName}
              cluster:
                server: {serverUrl}
                certificate-authority-data: {caData}
            users:
            - name: {ContextName}
              user:
                token: {token}
            contexts:
            - name: {ContextName}
              context:
                cluster: {ContextName}
                user: {ContextName}
                namespace: {defaultNamespace}
            current-context: {ContextName}

            """;
    }
}

using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using k8s;
using k8s.Exceptions;
using SovereignOps.Runtime.Client;
using SovereignOps.Sandbox;

namespace SovereignOps.Runtime.Tests.Client;

public sealed class KubeconfigLoaderTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("kubeconfig-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public void Reads_clusters_users_contexts_and_exec_plugins()
    {
        var config = KubeconfigLoader.Parse(Encoding.UTF8.GetBytes("""
            apiVersion: v1
            kind: Config
            current-context: ops
            preferences: {}
            clusters:
            - name: bangkok
              cluster:
                server: https://10.0.0.1:6443
                insecure-skip-tls-verify: true
                tls-server-name: api.bangkok
            users:
            - name: ops
              user:
                token: s3cr3t
                as: auditor
                as-groups: [viewers, auditors]
                exec:
                  apiVersion: client.authentication.k8s.io/v1
                  command: get-token
                  args: ["--cluster", "bangkok"]
                  env:
                  - name: REGION
                    value: th
                  provideClusterInfo: true
            contexts:
            - name: ops
              context: {cluster: bangkok, user: ops, namespace: sovereign-th}
            """), "kubeconfig");

        Assert.Equal("ops", config.CurrentContext);
        var cluster = Assert.Single(config.Clusters);
        Assert.Equal(("bangkok", "https://10.0.0.1:6443", true, "api.bangkok"),
            (cluster.Name, cluster.ClusterEndpoint.Server, cluster.ClusterEndpoint.SkipTlsVerify, cluster.ClusterEndpoint.TlsServerName));
        var user = Assert.Single(config.Users).UserCredentials;
        Assert.Equal(("s3cr3t", "auditor"), (user.Token, user.Impersonate));
        Assert.Equal(["viewers", "auditors"], user.ImpersonateGroups);
        Assert.Equal("get-token", user.ExternalExecution.Command);
        Assert.Equal(["--cluster", "bangkok"], user.ExternalExecution.Arguments);
        Assert.Equal("th", Assert.Single(user.ExternalExecution.EnvironmentVariables)["value"]);
        Assert.True(user.ExternalExecution.ProvideClusterInfo);
        Assert.Equal("sovereign-th", Assert.Single(config.Contexts).ContextDetails.Namespace);
    }

    [Fact]
    public async Task Builds_the_same_client_configuration_as_kubernetes_client_for_the_sandbox_kubeconfig()
    {
        await using var sandbox = await SandboxServer.StartAsync(new SandboxOptions { WorkloadControllers = false });
        var path = Path.Combine(folder, "sandbox.kubeconfig");
        sandbox.WriteKubeconfig(path);

        var ours = KubeconfigLoader.BuildConfig(path);
        var theirs = KubernetesClientConfiguration.BuildConfigFromConfigFile(path);

        Assert.Equal(theirs.Host, ours.Host);
        Assert.Equal(theirs.AccessToken, ours.AccessToken);
        Assert.Equal(theirs.SslCaCerts.Cast<X509Certificate2>().Select(c => c.Thumbprint), ours.SslCaCerts.Cast<X509Certificate2>().Select(c => c.Thumbprint));
        Assert.Equal(theirs.Namespace, ours.Namespace);

        using var client = new Kubernetes(ours);
        Assert.NotEmpty((await client.CoreV1.ListNamespaceAsync()).Items);
    }

    [Fact]
    public void Resolves_certificate_files_against_the_kubeconfig_folder()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var ca = new CertificateRequest("CN=test-ca", key, HashAlgorithmName.SHA256).CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        File.WriteAllText(Path.Combine(folder, "ca.crt"), ca.ExportCertificatePem());
        var path = Path.Combine(folder, "config");
        File.WriteAllText(path, """
            apiVersion: v1
            kind: Config
            current-context: c
            clusters: [{name: k, cluster: {server: "https://127.0.0.1:1", certificate-authority: ca.crt}}]
            users: [{name: u, user: {token: t}}]
            contexts: [{name: c, context: {cluster: k, user: u}}]
            """);

        var config = KubeconfigLoader.BuildConfig(path);

        Assert.Equal(ca.Thumbprint, Assert.Single(config.SslCaCerts.Cast<X509Certificate2>()).Thumbprint);
    }

    [Theory]
    [InlineData("clusters: {name: k}", "kubeconfig:1:1: clusters: expected a list")]
    [InlineData("clusters:\n- name: k\n  cluster:\n    server: [a]", "kubeconfig:4:5: clusters[0].cluster.server: expected a string")]
    [InlineData("users:\n- user: {token: t}", "kubeconfig:2:3: users[0]: expected a field \"name\"")]
    [InlineData("clusters:\n- name: k\n  cluster: {insecure-skip-tls-verify: maybe}", "kubeconfig:3:13: clusters[0].cluster[\"insecure-skip-tls-verify\"]: expected true or false")]
    [InlineData("- a\n- b", "kubeconfig:1:1: expected a mapping")]
    public void Names_the_line_and_field_of_a_mistake(string yaml, string expected)
    {
        var error = Assert.Throws<KubeConfigException>(() => KubeconfigLoader.Parse(Encoding.UTF8.GetBytes(yaml), "kubeconfig"));
        Assert.Equal(expected, error.Message);
    }

    [Fact]
    public void Refuses_hostile_yaml_without_expanding_it()
    {
        var bomb = new StringBuilder("a: &a [x, x, x, x, x, x, x, x, x, x]\n");
        for (var i = 0; i < 12; i++)
        {
            bomb.Append(FormattableString.Invariant($"b{i}: &b{i} [*{(i == 0 ? "a" : "b" + (i - 1))}, *{(i == 0 ? "a" : "b" + (i - 1))}, *{(i == 0 ? "a" : "b" + (i - 1))}, *{(i == 0 ? "a" : "b" + (i - 1))}]\n"));
        }

        var error = Assert.Throws<KubeConfigException>(() => KubeconfigLoader.Parse(Encoding.UTF8.GetBytes(bomb.ToString()), "kubeconfig"));
        Assert.StartsWith("kubeconfig:", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Merges_files_as_kubectl_does_first_definition_wins()
    {
        var first = Path.Combine(folder, "first");
        var second = Path.Combine(folder, "second");
        File.WriteAllText(first, "clusters: [{name: shared, cluster: {server: https://first}}]\n");
        File.WriteAllText(second, "current-context: c\nclusters: [{name: shared, cluster: {server: https://second}}, {name: extra, cluster: {server: https://extra}}]\n");

        var merged = KubeconfigLoader.Merge([first, second]);

        Assert.Equal("c", merged.CurrentContext);
        Assert.Equal(["https://first", "https://extra"], merged.Clusters.Select(c => c.ClusterEndpoint.Server));
    }

    [Fact]
    public void A_missing_file_is_a_kubeconfig_error()
    {
        var error = Assert.Throws<KubeConfigException>(() => KubeconfigLoader.Load(Path.Combine(folder, "absent")));
        Assert.Contains("cannot be read", error.Message, StringComparison.Ordinal);
    }
}

using System.Text.Json.Nodes;
using k8s;
using k8s.Models;
using SovereignOps.Operator;
using SovereignOps.Runtime.Client;
using SovereignOps.Sandbox;

namespace SovereignOps.Cli.Tests.Cluster;

/// <summary>
/// A sandbox per test with the Thai example's GPU nodes, the operator's CRDs applied as the operator
/// applies them, a kubeconfig on disk, and sovereignctl run in process against it.
/// </summary>
public sealed class SandboxCluster : IAsyncDisposable
{
    private SandboxCluster(SandboxServer server, string directory)
    {
        Server = server;
        Directory = directory;
        Client = server.CreateClient();
    }

    public SandboxServer Server { get; }

    public Kubernetes Client { get; }

    /// <summary>A scratch folder removed with the cluster.</summary>
    public string Directory { get; }

    public string Kubeconfig => Path.Combine(Directory, "kubeconfig");

    public static async Task<SandboxCluster> StartAsync(bool installCrds = true)
    {
        var server = await SandboxServer.StartAsync(new SandboxOptions { NodeFiles = [RepoPaths.Combine("examples", "thailand", "nodes.yaml")] });
        var cluster = new SandboxCluster(server, System.IO.Directory.CreateTempSubdirectory("sovereignctl-cluster-").FullName);
        server.WriteKubeconfig(cluster.Kubeconfig);
        if (installCrds)
        {
            using var api = new KubeApi(ApiTransport.FromConfig(server.ClientConfiguration));
            var report = await CrdInstaller.InstallAsync(api, new CrdInstallOptions(), CancellationToken.None);
            Assert.True(report.Succeeded, string.Join("\n", report.Failures));
        }

        return cluster;
    }

    /// <summary>sovereignctl with --kubeconfig pointing at this cluster.</summary>
    public Task<(int ExitCode, string Output)> RunAsync(params string[] args) => ValidateCli.Run([.. args, "--kubeconfig", Kubeconfig]);

    /// <summary>A copy of an example country in the scratch folder, to edit.</summary>
    public string CopyExample(string country)
    {
        var target = Path.Combine(Directory, country);
        System.IO.Directory.CreateDirectory(target);
        foreach (var file in System.IO.Directory.GetFiles(RepoPaths.Combine("examples", country)))
        {
            File.Copy(file, Path.Combine(target, Path.GetFileName(file)));
        }

        return target;
    }

    public Task<JsonObject> GetAsync(string plural, string? ns, string name) =>
        ns is null
            ? ReadAsync(Client.CustomObjects.GetClusterCustomObjectAsync("sovereignops.io", "v1alpha1", plural, name))
            : ReadAsync(Client.CustomObjects.GetNamespacedCustomObjectAsync("sovereignops.io", "v1alpha1", ns, plural, name));

    /// <summary>Writes a status the way the operator does, through the /status subresource.</summary>
    public async Task PatchStatusAsync(string plural, string? ns, string name, object status)
    {
        var patch = new V1Patch(new { status }, V1Patch.PatchType.MergePatch);
        if (ns is null)
        {
            await Client.CustomObjects.PatchClusterCustomObjectStatusAsync(patch, "sovereignops.io", "v1alpha1", plural, name);
        }
        else
        {
            await Client.CustomObjects.PatchNamespacedCustomObjectStatusAsync(patch, "sovereignops.io", "v1alpha1", ns, plural, name);
        }
    }

    public static object Ready(string status, string reason, string message) => new
    {
        observedGeneration = 1,
        conditions = new[] { new { type = "Ready", status, reason, message, lastTransitionTime = "2026-01-01T00:00:00Z", observedGeneration = 1 } },
    };

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Server.DisposeAsync();
        System.IO.Directory.Delete(Directory, recursive: true);
    }

    private static async Task<JsonObject> ReadAsync(Task<object> read) =>
        JsonNode.Parse(KubernetesJson.Serialize(await read))!.AsObject();
}

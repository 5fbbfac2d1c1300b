using System.Net;
using k8s;
using k8s.Autorest;
using k8s.Models;
using SovereignOps.Sandbox.Tests.Infrastructure;

namespace SovereignOps.Sandbox.Tests.Client;

/// <summary>Create, read, update and delete through KubernetesClient, with the API server's error semantics.</summary>
public sealed class ObjectLifecycleTests(ApiServerOnlyFixture sandbox) : IClassFixture<ApiServerOnlyFixture>
{
    private readonly Kubernetes _client = sandbox.Client;

    [Fact]
    public async Task A_request_without_the_token_gets_401_as_a_Status()
    {
        using var handler = new HttpClientHandler { ServerCertificateCustomValidationCallback = (_, _, _, _) => true };
        using var http = new HttpClient(handler);
        var response = await http.GetAsync(sandbox.Server.Url + "/api/v1/namespaces");
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("\"kind\":\"Status\"", body, StringComparison.Ordinal);
        Assert.Contains("\"code\":401", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Created_objects_get_uid_timestamp_and_increasing_resource_versions()
    {
        var ns = await sandbox.CreateNamespaceAsync("crud");
        var first = await _client.CoreV1.CreateNamespacedConfigMapAsync(ConfigMap("a", "1"), ns);
        var second = await _client.CoreV1.CreateNamespacedConfigMapAsync(ConfigMap("b", "1"), ns);

        Assert.False(string.IsNullOrEmpty(first.Metadata.Uid));
        Assert.NotNull(first.Metadata.CreationTimestamp);
        Assert.True(long.Parse(second.Metadata.ResourceVersion) > long.Parse(first.Metadata.ResourceVersion));

        first.Data["key"] = "2";
        var updated = await _client.CoreV1.ReplaceNamespacedConfigMapAsync(first, "a", ns);
        Assert.Equal("2", updated.Data["key"]);
        Assert.True(long.Parse(updated.Metadata.ResourceVersion) > long.Parse(second.Metadata.ResourceVersion));

        var read = await _client.CoreV1.ReadNamespacedConfigMapAsync("a", ns);
        Assert.Equal(updated.Metadata.ResourceVersion, read.Metadata.ResourceVersion);

        await _client.CoreV1.DeleteNamespacedConfigMapAsync("a", ns);
        var missing = await Assert.ThrowsAsync<HttpOperationException>(() => _client.CoreV1.ReadNamespacedConfigMapAsync("a", ns));
        Assert.Equal(HttpStatusCode.NotFound, missing.Response.StatusCode);
        Assert.Contains("configmaps \\\"a\\\" not found", missing.Response.Content, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_stale_update_and_a_duplicate_create_are_409_conflicts()
    {
        var ns = await sandbox.CreateNamespaceAsync("conflict");
        var original = await _client.CoreV1.CreateNamespacedConfigMapAsync(ConfigMap("c", "1"), ns);
        var fresh = await _client.CoreV1.ReadNamespacedConfigMapAsync("c", ns);
        fresh.Data["key"] = "2";
        await _client.CoreV1.ReplaceNamespacedConfigMapAsync(fresh, "c", ns);

        original.Data["key"] = "3";
        var stale = await Assert.ThrowsAsync<HttpOperationException>(() => _client.CoreV1.ReplaceNamespacedConfigMapAsync(original, "c", ns));
        Assert.Equal(HttpStatusCode.Conflict, stale.Response.StatusCode);
        Assert.Contains("the object has been modified", stale.Response.Content, StringComparison.Ordinal);

        var duplicate = await Assert.ThrowsAsync<HttpOperationException>(() => _client.CoreV1.CreateNamespacedConfigMapAsync(ConfigMap("c", "1"), ns));
        Assert.Equal(HttpStatusCode.Conflict, duplicate.Response.StatusCode);
        Assert.Contains("AlreadyExists", duplicate.Response.Content, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GenerateName_produces_a_unique_name_with_the_prefix()
    {
        var ns = await sandbox.CreateNamespaceAsync("genname");
        var body = new V1ConfigMap { Metadata = new V1ObjectMeta { GenerateName = "cfg-" } };
        var a = await _client.CoreV1.CreateNamespacedConfigMapAsync(body, ns);
        var b = await _client.CoreV1.CreateNamespacedConfigMapAsync(body, ns);

        Assert.StartsWith("cfg-", a.Metadata.Name, StringComparison.Ordinal);
        Assert.Equal(9, a.Metadata.Name.Length);
        Assert.NotEqual(a.Metadata.Name, b.Metadata.Name);
    }

    [Fact]
    public async Task Generation_moves_only_when_the_spec_changes()
    {
        var ns = await sandbox.CreateNamespaceAsync("generation");
        var created = await _client.AppsV1.CreateNamespacedDeploymentAsync(Deployments.Web("web"), ns);
        Assert.Equal(1, created.Metadata.Generation);

        created.Metadata.Labels["extra"] = "label";
        var relabelled = await _client.AppsV1.ReplaceNamespacedDeploymentAsync(created, "web", ns);
        Assert.Equal(1, relabelled.Metadata.Generation);

        relabelled.Spec.Replicas = 5;
        var scaled = await _client.AppsV1.ReplaceNamespacedDeploymentAsync(relabelled, "web", ns);
        Assert.Equal(2, scaled.Metadata.Generation);
    }

    [Fact]
    public async Task The_main_endpoint_ignores_status_and_the_status_endpoint_takes_only_status()
    {
        var ns = await sandbox.CreateNamespaceAsync("status");
        var created = await _client.AppsV1.CreateNamespacedDeploymentAsync(Deployments.Web("web"), ns);
        Assert.Null(created.Status?.Replicas);

        created.Status = new V1DeploymentStatus { Replicas = 3, ReadyReplicas = 3 };
        var viaMain = await _client.AppsV1.ReplaceNamespacedDeploymentAsync(created, "web", ns);
        Assert.Null(viaMain.Status?.Replicas);

        viaMain.Status = new V1DeploymentStatus { Replicas = 3, ReadyReplicas = 2 };
        viaMain.Spec.Replicas = 7;
        var viaStatus = await _client.AppsV1.ReplaceNamespacedDeploymentStatusAsync(viaMain, "web", ns);
        Assert.Equal(2, viaStatus.Status.ReadyReplicas);
        Assert.Equal(1, viaStatus.Spec.Replicas);
        Assert.Equal(1, viaStatus.Metadata.Generation);
    }

    [Fact]
    public async Task The_scale_subresource_reads_and_writes_replicas()
    {
        var ns = await sandbox.CreateNamespaceAsync("scale");
        await _client.AppsV1.CreateNamespacedDeploymentAsync(Deployments.Web("web"), ns);

        var scale = await _client.AppsV1.ReadNamespacedDeploymentScaleAsync("web", ns);
        Assert.Equal(1, scale.Spec.Replicas);
        Assert.Equal("app=web", scale.Status.Selector);

        scale.Spec.Replicas = 6;
        await _client.AppsV1.ReplaceNamespacedDeploymentScaleAsync(scale, "web", ns);
        var deployment = await _client.AppsV1.ReadNamespacedDeploymentAsync("web", ns);
        Assert.Equal(6, deployment.Spec.Replicas);

        var stale = await Assert.ThrowsAsync<HttpOperationException>(() => _client.AppsV1.ReplaceNamespacedDeploymentScaleAsync(scale, "web", ns));
        Assert.Equal(HttpStatusCode.Conflict, stale.Response.StatusCode);
    }

    [Fact]
    public async Task Namespaced_objects_need_an_existing_namespace_that_is_not_terminating()
    {
        var missing = await Assert.ThrowsAsync<HttpOperationException>(() => _client.CoreV1.CreateNamespacedConfigMapAsync(ConfigMap("x", "1"), "no-such-namespace"));
        Assert.Equal(HttpStatusCode.NotFound, missing.Response.StatusCode);
        Assert.Contains("namespaces \\\"no-such-namespace\\\" not found", missing.Response.Content, StringComparison.Ordinal);

        var ns = await sandbox.CreateNamespaceAsync("terminating");
        var held = ConfigMap("held", "1");
        held.Metadata.Finalizers = ["example.com/hold"];
        await _client.CoreV1.CreateNamespacedConfigMapAsync(held, ns);
        await _client.CoreV1.DeleteNamespaceAsync(ns);

        var forbidden = await Assert.ThrowsAsync<HttpOperationException>(() => _client.CoreV1.CreateNamespacedConfigMapAsync(ConfigMap("late", "1"), ns));
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.Response.StatusCode);
        Assert.Contains("because it is being terminated", forbidden.Response.Content, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invalid_names_are_refused_with_422_naming_the_field()
    {
        var ns = await sandbox.CreateNamespaceAsync("names");
        var invalid = await Assert.ThrowsAsync<HttpOperationException>(() => _client.CoreV1.CreateNamespacedConfigMapAsync(ConfigMap("Not_Valid", "1"), ns));

        Assert.Equal((HttpStatusCode)422, invalid.Response.StatusCode);
        Assert.Contains("\"field\":\"metadata.name\"", invalid.Response.Content, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Dry_run_runs_the_checks_but_stores_nothing()
    {
        var ns = await sandbox.CreateNamespaceAsync("dryrun");
        var preview = await _client.CoreV1.CreateNamespacedConfigMapAsync(ConfigMap("preview", "1"), ns, dryRun: "All");
        Assert.Equal("preview", preview.Metadata.Name);

        var list = await _client.CoreV1.ListNamespacedConfigMapAsync(ns);
        Assert.DoesNotContain(list.Items, c => c.Metadata.Name == "preview");

        var real = await _client.CoreV1.CreateNamespacedConfigMapAsync(ConfigMap("real", "1"), ns);
        var patched = await _client.CoreV1.PatchNamespacedConfigMapAsync(new V1Patch("""{"data":{"key":"2"}}""", V1Patch.PatchType.MergePatch), "real", ns, dryRun: "All");
        await _client.CoreV1.DeleteNamespacedConfigMapAsync("real", ns, dryRun: "All");
        var stored = await _client.CoreV1.ReadNamespacedConfigMapAsync("real", ns);

        Assert.Equal("2", patched.Data["key"]);
        Assert.Equal("1", stored.Data["key"]);
        Assert.Equal(real.Metadata.ResourceVersion, stored.Metadata.ResourceVersion);
    }

    internal static V1ConfigMap ConfigMap(string name, string value) => new()
    {
        Metadata = new V1ObjectMeta { Name = name, Labels = new Dictionary<string, string> { ["app"] = name } },
        Data = new Dictionary<string, string> { ["key"] = value },
    };
}

using SovereignOps.Sandbox.Tests.Infrastructure;

namespace SovereignOps.Sandbox.Tests.Kubectl;

/// <summary>Everyday kubectl on built-in kinds: apply (client- and server-side), get, describe, label, annotate, patch, delete.</summary>
public sealed class KubectlWorkflowTests(SandboxFixture sandbox) : IClassFixture<SandboxFixture>
{
    private const string Deployment = """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
          labels: {app: web}
        spec:
          replicas: 2
          selector: {matchLabels: {app: web}}
          template:
            metadata: {labels: {app: web}}
            spec:
              containers:
              - name: web
                image: registry.example/web:IMAGE
                ports: [{containerPort: 8080}]
                env: [{name: MODE, value: prod}]
        """;

    [Fact]
    public async Task Client_side_apply_creates_then_configures_and_get_prints_the_deployment_columns()
    {
        var ns = await sandbox.CreateNamespaceAsync("kapply");
        (await sandbox.KubectlWithInputAsync(Deployment.Replace("IMAGE", "1", StringComparison.Ordinal), "apply", "-n", ns, "-f", "-")).Succeeded();
        var second = (await sandbox.KubectlWithInputAsync(Deployment.Replace("IMAGE", "2", StringComparison.Ordinal), "apply", "-n", ns, "-f", "-")).Succeeded();
        var unchanged = (await sandbox.KubectlWithInputAsync(Deployment.Replace("IMAGE", "2", StringComparison.Ordinal), "apply", "-n", ns, "-f", "-")).Succeeded();

        Assert.Contains("deployment.apps/web configured", second, StringComparison.Ordinal);
        Assert.Contains("deployment.apps/web unchanged", unchanged, StringComparison.Ordinal);
        var table = KubectlAssertions.Rows((await sandbox.KubectlAsync("get", "deployments", "-n", ns, "-o", "wide")).Succeeded());
        Assert.Equal(["NAME", "READY", "UP-TO-DATE", "AVAILABLE", "AGE", "CONTAINERS", "IMAGES", "SELECTOR"], table[0]);
        // No kubelet runs the pods here: none is ready or available, whatever the rollout has reached.
        Assert.Equal(("web", "0/2", "0"), (table[1][0], table[1][1], table[1][3]));
        Assert.Equal("registry.example/web:2", table[1][6]);
        var generation = (await sandbox.KubectlAsync("get", "deployment", "web", "-n", ns, "-o", "jsonpath={.metadata.generation}")).Succeeded();
        Assert.Equal("2", generation);
    }

    [Fact]
    public async Task Server_side_apply_takes_over_from_client_side_apply()
    {
        var ns = await sandbox.CreateNamespaceAsync("kssa");
        (await sandbox.KubectlWithInputAsync(Deployment.Replace("IMAGE", "1", StringComparison.Ordinal), "apply", "-n", ns, "-f", "-")).Succeeded();
        var output = (await sandbox.KubectlWithInputAsync(Deployment.Replace("IMAGE", "3", StringComparison.Ordinal), "apply", "--server-side", "-n", ns, "-f", "-")).Succeeded();

        Assert.Contains("serverside-applied", output, StringComparison.Ordinal);
        var managers = (await sandbox.KubectlAsync("get", "deployment", "web", "-n", ns, "--show-managed-fields", "-o", "jsonpath={.metadata.managedFields[*].manager}")).Succeeded();
        Assert.Contains("kubectl", managers.Split(' '));
        var image = (await sandbox.KubectlAsync("get", "deployment", "web", "-n", ns, "-o", "jsonpath={.spec.template.spec.containers[0].image}")).Succeeded();
        Assert.Equal("registry.example/web:3", image);
    }

    [Fact]
    public async Task Label_annotate_and_the_three_patch_types_change_the_object()
    {
        var ns = await sandbox.CreateNamespaceAsync("kpatch");
        (await sandbox.KubectlWithInputAsync(Deployment.Replace("IMAGE", "1", StringComparison.Ordinal), "apply", "-n", ns, "-f", "-")).Succeeded();

        (await sandbox.KubectlAsync("label", "deployment", "web", "-n", ns, "tier=frontend")).Succeeded();
        (await sandbox.KubectlAsync("annotate", "deployment", "web", "-n", ns, "owner=team-a")).Succeeded();
        (await sandbox.KubectlAsync("patch", "deployment", "web", "-n", ns, "-p", """{"spec":{"template":{"spec":{"containers":[{"name":"web","image":"registry.example/web:9"}]}}}}""")).Succeeded();
        (await sandbox.KubectlAsync("patch", "deployment", "web", "-n", ns, "--type=merge", "-p", """{"spec":{"replicas":5}}""")).Succeeded();
        (await sandbox.KubectlAsync("patch", "deployment", "web", "-n", ns, "--type=json", "-p", """[{"op":"add","path":"/metadata/labels/patched","value":"json"}]""")).Succeeded();

        var result = (await sandbox.KubectlAsync("get", "deployment", "web", "-n", ns, "-o",
            "jsonpath={.metadata.labels.tier} {.metadata.annotations.owner} {.spec.template.spec.containers[0].image} {.spec.template.spec.containers[0].env[0].name} {.spec.replicas} {.metadata.labels.patched}")).Succeeded();
        Assert.Equal("frontend team-a registry.example/web:9 MODE 5 json", result);
        var labelled = (await sandbox.KubectlAsync("get", "deployments", "-n", ns, "-l", "tier=frontend", "-o", "name")).Succeeded();
        Assert.Equal("deployment.apps/web", labelled.Trim());
    }

    [Fact]
    public async Task Describe_shows_the_deployment_and_its_template()
    {
        var ns = await sandbox.CreateNamespaceAsync("kdescribe");
        (await sandbox.KubectlWithInputAsync(Deployment.Replace("IMAGE", "1", StringComparison.Ordinal), "apply", "-n", ns, "-f", "-")).Succeeded();

        var output = (await sandbox.KubectlAsync("describe", "deployment", "web", "-n", ns)).Succeeded();

        Assert.Matches(@"Name:\s+web", output);
        Assert.Matches($@"Namespace:\s+{ns}", output);
        Assert.Matches(@"Replicas:\s+2 desired", output);
        Assert.Matches(@"StrategyType:\s+RollingUpdate", output);
        Assert.Matches(@"RollingUpdateStrategy:\s+25% max unavailable, 25% max surge", output);
        Assert.Matches(@"Port:\s+8080/TCP", output);
        Assert.Contains("registry.example/web:1", output, StringComparison.Ordinal);
        Assert.Contains("MODE:", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_fields_in_built_in_kinds_are_refused_by_default_and_dropped_with_a_warning()
    {
        var ns = await sandbox.CreateNamespaceAsync("kunknown");
        var typo = Deployment.Replace("IMAGE", "1", StringComparison.Ordinal).Replace("replicas: 2", "replicaz: 2", StringComparison.Ordinal);

        var refused = await sandbox.KubectlWithInputAsync(typo, "apply", "-n", ns, "-f", "-");
        Assert.NotEqual(0, refused.ExitCode);
        Assert.Contains("strict decoding error: unknown field \"spec.replicaz\"", refused.StandardError, StringComparison.Ordinal);

        var warned = await sandbox.KubectlWithInputAsync(typo, "apply", "--validate=warn", "-n", ns, "-f", "-");
        warned.Succeeded();
        Assert.Contains("unknown field \"spec.replicaz\"", warned.StandardError, StringComparison.Ordinal);
        var spec = (await sandbox.KubectlAsync("get", "deployment", "web", "-n", ns, "-o", "jsonpath={.spec}")).Succeeded();
        Assert.DoesNotContain("replicaz", spec, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Services_get_a_cluster_ip_and_port_defaults()
    {
        var ns = await sandbox.CreateNamespaceAsync("ksvc");
        const string service = """
            apiVersion: v1
            kind: Service
            metadata: {name: api}
            spec:
              selector: {app: api}
              ports: [{port: 80}]
            """;
        (await sandbox.KubectlWithInputAsync(service, "apply", "-n", ns, "-f", "-")).Succeeded();

        var rows = KubectlAssertions.Rows((await sandbox.KubectlAsync("get", "service", "api", "-n", ns)).Succeeded());
        Assert.Equal(["NAME", "TYPE", "CLUSTER-IP", "EXTERNAL-IP", "PORT(S)", "AGE"], rows[0]);
        Assert.Equal("ClusterIP", rows[1][1]);
        Assert.Matches(@"^10\.9[6-9]\.", rows[1][2]);
        Assert.Equal("80/TCP", rows[1][4]);
        Assert.Equal("80", (await sandbox.KubectlAsync("get", "service", "api", "-n", ns, "-o", "jsonpath={.spec.ports[0].targetPort}")).Succeeded());
    }

    [Fact]
    public async Task Scale_changes_replicas_through_the_scale_subresource()
    {
        var ns = await sandbox.CreateNamespaceAsync("kscale");
        (await sandbox.KubectlWithInputAsync(Deployment.Replace("IMAGE", "1", StringComparison.Ordinal), "apply", "-n", ns, "-f", "-")).Succeeded();

        Assert.Contains("scaled", (await sandbox.KubectlAsync("scale", "deployment", "web", "-n", ns, "--replicas=4")).Succeeded(), StringComparison.Ordinal);

        var result = (await sandbox.KubectlAsync("get", "deployment", "web", "-n", ns, "-o", "jsonpath={.spec.replicas} {.metadata.generation}")).Succeeded();
        Assert.Equal("4 2", result);
    }

    [Fact]
    public async Task Delete_namespace_waits_until_everything_in_it_is_gone()
    {
        var ns = await sandbox.CreateNamespaceAsync("kdelete");
        (await sandbox.KubectlWithInputAsync(Deployment.Replace("IMAGE", "1", StringComparison.Ordinal), "apply", "-n", ns, "-f", "-")).Succeeded();
        (await sandbox.KubectlAsync("create", "configmap", "settings", "-n", ns, "--from-literal=a=b")).Succeeded();

        var output = (await sandbox.KubectlAsync("delete", "namespace", ns, "--timeout=20s")).Succeeded();

        Assert.Contains($"namespace \"{ns}\" deleted", output, StringComparison.Ordinal);
        var after = await sandbox.KubectlAsync("get", "namespace", ns);
        Assert.NotEqual(0, after.ExitCode);
        Assert.Contains("NotFound", after.StandardError, StringComparison.Ordinal);
    }
}

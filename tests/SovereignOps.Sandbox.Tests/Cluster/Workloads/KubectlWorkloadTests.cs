using k8s;
using SovereignOps.Sandbox.Tests.Infrastructure;
using SovereignOps.Sandbox.Tests.Kubectl;

namespace SovereignOps.Sandbox.Tests.Cluster.Workloads;

/// <summary>kubectl against workloads the simulated cluster runs: the tables it prints and the rollouts it follows.</summary>
public sealed class KubectlWorkloadTests(ClusterFixture sandbox) : IClassFixture<ClusterFixture>
{
    private const string Manifests = """
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web}
        spec:
          replicas: 2
          selector: {matchLabels: {app: web}}
          template:
            metadata: {labels: {app: web}}
            spec:
              containers: [{name: web, image: registry.example/web:1, ports: [{containerPort: 8080, name: http}]}]
        ---
        apiVersion: v1
        kind: Service
        metadata: {name: web}
        spec:
          selector: {app: web}
          ports: [{port: 80, targetPort: http}]
        ---
        apiVersion: policy/v1
        kind: PodDisruptionBudget
        metadata: {name: web}
        spec:
          minAvailable: 1
          selector: {matchLabels: {app: web}}
        ---
        apiVersion: apps/v1
        kind: StatefulSet
        metadata: {name: db}
        spec:
          replicas: 1
          serviceName: db
          selector: {matchLabels: {app: db}}
          template:
            metadata: {labels: {app: db}}
            spec:
              containers: [{name: db, image: registry.example/db:1}]
        ---
        apiVersion: batch/v1
        kind: Job
        metadata: {name: once}
        spec:
          template:
            metadata: {annotations: {sandbox.sovereignops.io/run-duration: 100ms}}
            spec:
              restartPolicy: Never
              containers: [{name: once, image: registry.example/once:1}]
        """;

    [Fact]
    public async Task Get_prints_every_workload_kind_as_a_cluster_would()
    {
        var ns = await sandbox.CreateNamespaceAsync("kget");
        (await sandbox.KubectlWithInputAsync(Manifests, "apply", "-n", ns, "-f", "-")).Succeeded();
        (await sandbox.KubectlAsync("rollout", "status", "-n", ns, "deployment/web", "--timeout=30s")).Succeeded();
        (await sandbox.KubectlAsync("rollout", "status", "-n", ns, "statefulset/db", "--timeout=30s")).Succeeded();
        (await sandbox.KubectlAsync("wait", "-n", ns, "job/once", "--for=condition=Complete", "--timeout=30s")).Succeeded();
        await Eventually.TrueAsync(async () => (await sandbox.Client.CoreV1.ReadNamespacedEndpointsAsync("web", ns)).Subsets?.Single().Addresses?.Count == 2,
            "the service has both pods");

        var rows = KubectlAssertions.Rows((await sandbox.KubectlAsync("get", "deploy,rs,sts,job,pdb,endpoints,endpointslices,controllerrevisions", "-n", ns)).Succeeded());

        Assert.Equal(["deployment.apps/web", "2/2", "2", "2"], Row(rows, "deployment.apps/web")[..4]);
        Assert.Equal(["2", "2", "2"], Row(rows, "replicaset.apps/web-")[1..4]);
        Assert.Equal("1/1", Row(rows, "statefulset.apps/db")[1]);
        Assert.Equal(["Complete", "1/1"], Row(rows, "job.batch/once")[1..3]);
        Assert.Equal(["1", "N/A", "1"], Row(rows, "poddisruptionbudget.policy/web")[1..4]);
        var endpoints = Row(rows, "endpoints/web")[1].Split(',');
        Assert.Equal(2, endpoints.Length);
        Assert.All(endpoints, e => Assert.EndsWith(":8080", e, StringComparison.Ordinal));
        Assert.Equal(["IPv4", "8080"], Row(rows, "endpointslice.discovery.k8s.io/web-")[1..3]);
        Assert.Equal(["statefulset.apps/db", "1"], Row(rows, "controllerrevision.apps/db-")[1..3]);
        Assert.Contains(["NAME", "STATUS", "COMPLETIONS", "DURATION", "AGE"], rows.Select(r => r.ToList()));
        Assert.Contains(["NAME", "ADDRESSTYPE", "PORTS", "ENDPOINTS", "AGE"], rows.Select(r => r.ToList()));
        Assert.Contains(["NAME", "CONTROLLER", "REVISION", "AGE"], rows.Select(r => r.ToList()));
    }

    private static string[] Row(List<string[]> rows, string namePrefix) => rows.Single(r => r[0].StartsWith(namePrefix, StringComparison.Ordinal));
}

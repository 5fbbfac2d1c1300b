using System.Text.Json.Nodes;
using k8s;
using k8s.Models;
using SovereignOps.Api.V1Alpha1;
using SovereignOps.Operator.Reconcilers;
using SovereignOps.Rendering.Pipeline;
using SovereignOps.Runtime.Apply;

namespace SovereignOps.Operator.Tests.EndToEnd;

/// <summary>
/// The three example countries, each applied as a folder with kubectl: everything settles to what
/// the CLI renders, and once settled the operator writes nothing however often it is woken.
/// </summary>
public sealed class ExamplesTests(ExamplesFixture fixture) : IClassFixture<ExamplesFixture>
{
    private static readonly TimeSpan Converge = TimeSpan.FromSeconds(120);

    /// <summary>The steady-state window (the issue's 60 s shortened to keep the suite quick).</summary>
    private static readonly TimeSpan SteadyWindow = TimeSpan.FromSeconds(10);

    private OperatorCluster Cluster => fixture.Cluster;

    [Fact]
    public async Task The_examples_converge_to_what_the_cli_renders_with_every_pod_in_its_policys_regions()
    {
        await Eventually.TrueAsync(() => ClusterState.SettledAsync(Cluster, ExamplesFixture.TenantNamespaces), "every example resource has settled", Converge);

        var expected = await CliRender.ObjectsAsync(OperatorCluster.AllCountries);
        await Eventually.TrueAsync(async () =>
        {
            var managed = await ClusterState.ManagedObjectsAsync(Cluster);
            return (managed.SetEquals(expected), $"missing: {string.Join(", ", expected.Except(managed))}; extra: {string.Join(", ", managed.Except(expected))}");
        }, "the operator manages exactly what sovereignctl render renders", Converge);

        // Not only the same objects: the same rollout strategy, placement and resources as the CLI renders.
        foreach (var (key, rendered) in await CliRender.DeploymentsAsync(OperatorCluster.AllCountries))
        {
            var live = (await Cluster.GetAsync<V1Deployment>(rendered.Metadata.NamespaceProperty, rendered.Metadata.Name))!;
            Assert.True(KubernetesJson.Serialize(rendered.Spec.Strategy) == KubernetesJson.Serialize(live.Spec.Strategy), $"{key} strategy differs");
            Assert.True(KubernetesJson.Serialize(rendered.Spec.Template.Spec.Affinity) == KubernetesJson.Serialize(live.Spec.Template.Spec.Affinity), $"{key} affinity differs");
            Assert.True(KubernetesJson.Serialize(rendered.Spec.Template.Spec.Containers.Select(c => c.Resources)) == KubernetesJson.Serialize(live.Spec.Template.Spec.Containers.Select(c => c.Resources)), $"{key} resources differ");
        }

        var planned = await CliRender.GpusPerReplicaAsync(OperatorCluster.AllCountries);
        foreach (var model in await Cluster.ListAsync<ModelDeployment>())
        {
            Assert.Equal(planned[model.Key], model.Status!.GpusPerReplica);
            Assert.Equal(ChartNames.ModelEndpoint(model.Metadata.Name, model.Metadata.NamespaceProperty, model.Spec.Runtime.Engine), model.Status.Endpoint);
        }

        var deployments = (await Cluster.ListAsync<V1Deployment>()).Select(d => $"{d.Metadata.NamespaceProperty}/{d.Metadata.Name}").ToHashSet();
        foreach (var catalog in await Cluster.ListAsync<AgentCatalog>())
        {
            foreach (var entry in catalog.Spec.Agents)
            {
                var deployed = deployments.Contains($"{catalog.Metadata.NamespaceProperty}/{ChartNames.Agent(entry.Name)}");
                Assert.True(deployed == (entry.Approval.State == "Approved"), $"{catalog.Key}/{entry.Name} ({entry.Approval.State}) deployed: {deployed}");
            }
        }

        Assert.Contains(await Cluster.ListAsync<AgentCatalog>(), c => c.Spec.Agents.Any(a => a.Approval.State != "Approved"));
        await AssertPodsInPolicyRegionsAsync();
    }

    [Fact]
    public async Task Once_settled_the_operator_writes_nothing_while_it_is_woken_again()
    {
        await Eventually.TrueAsync(() => ClusterState.SettledAsync(Cluster, ExamplesFixture.TenantNamespaces), "every example resource has settled", Converge);
        await WaitForQuietAsync();
        var writes = Cluster.OperatorWrites();
        var reconciles = Reconciles();

        // Label every node and policy: each wakes the pools, profiles, models and catalogs that depend
        // on it, and a node's labels give the planner a new cluster state to plan and render again;
        // none of it may change anything.
        foreach (var node in await Cluster.ListAsync<V1Node>())
        {
            await Cluster.PatchAsync("node", null, node.Metadata.Name, Label("sovereignops.test/touched", "1"));
        }

        foreach (var policy in await Cluster.ListAsync<DataResidencyPolicy>())
        {
            await Cluster.PatchAsync("dataresidencypolicy", null, policy.Metadata.Name, Label("sovereignops.test/touched", "1"));
        }

        await Eventually.TrueAsync(() => Reconciles() >= reconciles + 20, "the touched objects' dependents were reconciled", TimeSpan.FromSeconds(30));
        await Task.Delay(SteadyWindow);
        Assert.Equal(0, Cluster.OperatorWrites() - writes);
    }

    [Fact]
    public async Task An_invalid_model_and_one_that_does_not_fit_get_their_reason_and_no_objects()
    {
        await Eventually.TrueAsync(() => ClusterState.SettledAsync(Cluster, ExamplesFixture.TenantNamespaces), "every example resource has settled", Converge);
        const string ns = "th-national-ai";
        var before = await WorkloadUidsAsync(ns);
        try
        {
            await Cluster.Kubectl.SucceedAsync("apply", "-f", TestModels.Write(
                TestModels.Model(ns, "e2e-unknown-class", dataClass: "TopSecret", pool: "th-h100-bangkok"),
                TestModels.Model(ns, "e2e-too-big", parametersBillions: 400, replicas: 6, pool: "th-h100-bangkok", priority: -500)));

            await WaitForReadyReasonAsync(ns, "e2e-unknown-class", Reasons.InvalidSpec);
            await WaitForReadyReasonAsync(ns, "e2e-too-big", Reasons.InsufficientGpuCapacity);

            var invalid = (await Cluster.GetAsync<ModelDeployment>(ns, "e2e-unknown-class"))!;
            Assert.Contains("spec.dataClass", Ready(invalid)!.Message, StringComparison.Ordinal);
            var tooBig = (await Cluster.GetAsync<ModelDeployment>(ns, "e2e-too-big"))!;
            Assert.Matches(@"needs .+ per replica × 6 replicas = \d+ GPUs; pool th-h100-bangkok has 16, \d+ allocated, \d+ free", Ready(tooBig)!.Message);

            foreach (var model in new[] { invalid, tooBig })
            {
                var owned = await OwnedByAsync(model.Metadata.Uid);
                Assert.True(owned.Count == 0, $"{model.Key} has objects: {string.Join(", ", owned)}");
            }

            foreach (var model in (await Cluster.ListAsync<ModelDeployment>(ns)).Where(m => !m.Metadata.Name.StartsWith("e2e-", StringComparison.Ordinal)))
            {
                Assert.True(model.Status!.Conditions.Any(c => c.Type == Reasons.Planned && c.Status == "True"), $"{model.Key} is no longer planned");
            }

            Assert.Equal(before, await WorkloadUidsAsync(ns));
        }
        finally
        {
            await Cluster.Kubectl.RunAsync("-n", ns, "delete", "modeldeployment", "e2e-unknown-class", "e2e-too-big", "--ignore-not-found");
        }
    }

    [Fact]
    public async Task An_invalid_catalog_entry_fails_alone_and_the_vendors_other_agents_stay_deployed()
    {
        await Eventually.TrueAsync(() => ClusterState.SettledAsync(Cluster, ExamplesFixture.TenantNamespaces), "every example resource has settled", Converge);
        const string ns = "th-national-ai";
        var before = await WorkloadUidsAsync(ns);
        var entry = new JsonObject
        {
            ["name"] = "e2e-contract-reviewer", ["displayName"] = "Contract reviewer", ["vendor"] = "Lanna LegalTech", ["domain"] = "Law",
            ["version"] = "0.1.0", ["image"] = new JsonObject { ["repository"] = "lanna-legal/contract-reviewer", ["tag"] = "0.1.0" },
            ["model"] = new JsonObject { ["ref"] = new JsonObject { ["name"] = "no-such-model" } }, ["dataClasses"] = new JsonArray("PersonalData"),
            ["approval"] = new JsonObject { ["state"] = "Approved", ["approvedBy"] = "onais-platform-admins" }, ["riskTier"] = "Limited",
        };
        var add = new JsonArray(new JsonObject { ["op"] = "add", ["path"] = "/spec/agents/-", ["value"] = entry }).ToJsonString();
        await Cluster.Kubectl.SucceedAsync("-n", ns, "patch", "agentcatalog", "lanna-legal", "--type=json", "-p", add);
        try
        {
            await Eventually.TrueAsync(async () =>
            {
                var catalog = await Cluster.GetAsync<AgentCatalog>(ns, "lanna-legal");
                var ready = catalog?.Status?.Conditions.FirstOrDefault(c => c.Type == "Ready");
                var bad = catalog?.Status?.Agents.FirstOrDefault(a => a.Name == "e2e-contract-reviewer");
                var good = catalog?.Status?.Agents.FirstOrDefault(a => a.Name == "pdpa-compliance-advisor");
                return (ready is { Status: "False", Reason: Reasons.InvalidSpec } && bad?.State == AgentCatalogReconciler.Failed
                        && bad.Message?.Contains("spec.agents[2].model.ref.name", StringComparison.Ordinal) == true
                        && good?.State == AgentCatalogReconciler.Deployed,
                    $"{ready?.Reason}: {ready?.Message}; entry: {bad?.State} {bad?.Message}; other: {good?.State}");
            }, "the invalid entry is Failed with its field and the approved one stays Deployed", Converge);

            Assert.Equal(before, await WorkloadUidsAsync(ns));
        }
        finally
        {
            await Cluster.Kubectl.RunAsync("-n", ns, "patch", "agentcatalog", "lanna-legal", "--type=json", "-p", """[{"op":"remove","path":"/spec/agents/2"}]""");
        }
    }

    /// <summary>Every model and approved agent has running pods, each on a node in its policy's regions, as the model's status reports them.</summary>
    private async Task AssertPodsInPolicyRegionsAsync()
    {
        var policies = (await Cluster.ListAsync<DataResidencyPolicy>()).ToDictionary(p => p.Metadata.Name);
        var nodes = (await Cluster.ListAsync<V1Node>()).ToDictionary(n => n.Metadata.Name);
        foreach (var profile in await Cluster.ListAsync<SovereignProfile>())
        {
            var regions = policies[profile.Spec.ResidencyPolicyRef.Name].Spec.Regions;
            var pods = (await Cluster.ListAsync<V1Pod>(profile.Spec.TenantNamespace)).Where(p => p.Metadata.DeletionTimestamp is null).ToList();
            foreach (var pod in pods)
            {
                Assert.False(string.IsNullOrEmpty(pod.Spec.NodeName), $"pod {pod.Metadata.Name} is not scheduled");
                var region = nodes[pod.Spec.NodeName].Metadata.Labels[regions.NodeLabelKey];
                Assert.True(regions.Allowed.Contains(region), $"pod {pod.Metadata.Name} runs on {pod.Spec.NodeName} in {region}, outside [{string.Join(", ", regions.Allowed)}]");
            }

            foreach (var model in await Cluster.ListAsync<ModelDeployment>(profile.Spec.TenantNamespace))
            {
                var running = pods.Where(p => p.Metadata.Labels.TryGetValue("app.kubernetes.io/instance", out var instance) && instance == ChartNames.Model(model.Metadata.Name)).ToList();
                Assert.True(running.Count > 0, $"{model.Key} has no pods");
                Assert.Equal(running.Select(p => p.Spec.NodeName).Distinct().Order(StringComparer.Ordinal), model.Status!.Placement!.Nodes);
                Assert.All(model.Status.Placement.Regions, r => Assert.Contains(r, regions.Allowed));
            }

            foreach (var catalog in await Cluster.ListAsync<AgentCatalog>(profile.Spec.TenantNamespace))
            {
                foreach (var entry in catalog.Spec.Agents.Where(a => a.Approval.State == "Approved"))
                {
                    Assert.Contains(pods, p => p.Metadata.Labels.TryGetValue("app.kubernetes.io/instance", out var instance) && instance == ChartNames.Agent(entry.Name));
                }
            }
        }
    }

    private async Task WaitForQuietAsync()
    {
        var last = Cluster.OperatorWrites();
        var quietSince = DateTime.UtcNow;
        await Eventually.TrueAsync(() =>
        {
            var now = Cluster.OperatorWrites();
            if (now != last)
            {
                last = now;
                quietSince = DateTime.UtcNow;
            }

            return DateTime.UtcNow - quietSince > TimeSpan.FromSeconds(3);
        }, "the operator stops writing after convergence", TimeSpan.FromSeconds(60));
    }

    private double Reconciles() =>
        fixture.Operator.Metrics.ReconcileTotal.GetAllLabelValues().Sum(labels => fixture.Operator.Metrics.ReconcileTotal.WithLabels(labels).Value);

    private async Task<IReadOnlyList<string>> OwnedByAsync(string uid)
    {
        var owned = new List<string>();
        foreach (var type in ClusterState.ChildKinds)
        {
            var list = await Cluster.Reader.ListAsync<Runtime.Client.PartialObject>(type, new Runtime.Client.ListRequest { LabelSelector = $"{Inventory.OwnerUidLabel}={uid}" }, CancellationToken.None);
            owned.AddRange(list.Value.Items.Select(i => $"{type.Kind} {i.Metadata.Name}"));
        }

        return owned;
    }

    private async Task<IReadOnlyDictionary<string, string>> WorkloadUidsAsync(string ns) =>
        (await Cluster.ListAsync<V1Deployment>(ns)).Select(d => (d.Metadata.Name, d.Metadata.Uid))
            .Concat((await Cluster.ListAsync<V1StatefulSet>(ns)).Select(s => (s.Metadata.Name, s.Metadata.Uid)))
            .ToDictionary(p => p.Name, p => p.Uid);

    private static Condition? Ready(ModelDeployment? model) => model?.Status?.Conditions.FirstOrDefault(c => c.Type == "Ready");

    private Task WaitForReadyReasonAsync(string ns, string name, string reason) =>
        Eventually.TrueAsync(async () =>
        {
            var ready = Ready(await Cluster.GetAsync<ModelDeployment>(ns, name));
            return (ready is { Status: "False" } && ready.Reason == reason, $"{ready?.Status} {ready?.Reason}: {ready?.Message}");
        }, $"{ns}/{name} is Ready=False with reason {reason}", Converge);

    private static JsonObject Label(string key, string value) =>
        new() { ["metadata"] = new JsonObject { ["labels"] = new JsonObject { [key] = value } } };
}

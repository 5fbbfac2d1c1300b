using System.Text.Json.Nodes;
using k8s;
using k8s.Models;
using SovereignOps.Api.V1Alpha1;
using SovereignOps.Runtime.Apply;

namespace SovereignOps.Operator.Tests.EndToEnd;

/// <summary>
/// Day-two changes on a running customer: edits to models converge, hand edits and deletions of
/// children are undone, deleting a model or a whole customer removes exactly what was theirs.
/// Thailand's tests each use a different model; Korea is only deleted.
/// </summary>
public sealed class LifecycleTests(LifecycleFixture fixture) : IClassFixture<LifecycleFixture>
{
    private const string Thailand = "th-national-ai";
    private static readonly TimeSpan Converge = TimeSpan.FromSeconds(120);

    private OperatorCluster Cluster => fixture.Cluster;

    [Fact]
    public async Task Changing_a_models_replicas_converges()
    {
        await SettledAsync();
        await Cluster.PatchAsync("modeldeployment", Thailand, "siam-llm", Spec(new JsonObject { ["replicas"] = 3 }));

        await Eventually.TrueAsync(async () =>
        {
            var model = await Cluster.GetAsync<ModelDeployment>(Thailand, "siam-llm");
            var workload = await WorkloadReplicasAsync(Thailand, "siam-llm");
            return (model?.Status?.ObservedGeneration == model?.Metadata.Generation && model?.Status?.Replicas == 3 && workload == 3,
                $"status replicas {model?.Status?.Replicas} at generation {model?.Status?.ObservedGeneration}, workload {workload}");
        }, "siam-llm runs 3 replicas", Converge);
        await SettledAsync();
    }

    [Fact]
    public async Task Changing_a_models_precision_changes_its_gpus_per_replica()
    {
        await SettledAsync();
        var before = (await Cluster.GetAsync<ModelDeployment>(Thailand, "siam-omni"))!.Status!.GpusPerReplica;
        Assert.Equal(4, before);

        await Cluster.PatchAsync("modeldeployment", Thailand, "siam-omni", Spec(new JsonObject { ["precision"] = "int4" }));

        await Eventually.TrueAsync(async () =>
        {
            var model = await Cluster.GetAsync<ModelDeployment>(Thailand, "siam-omni");
            var deployment = await Cluster.GetAsync<V1Deployment>(Thailand, "siam-omni");
            var limit = deployment?.Spec.Template.Spec.Containers[0].Resources?.Limits?.TryGetValue("nvidia.com/gpu", out var gpus) == true ? gpus.ToString() : null;
            return (model?.Status?.GpusPerReplica == 2 && limit == "2", $"status {model?.Status?.GpusPerReplica} GPUs, Deployment limit {limit}");
        }, "siam-omni runs on 2 GPUs per replica at int4", Converge);
        await SettledAsync();
    }

    [Fact]
    public async Task A_deleted_child_and_a_hand_edited_affinity_are_restored()
    {
        await SettledAsync();
        var deleted = (await Cluster.GetAsync<V1Deployment>(Thailand, "thai-asr"))!;
        var edited = (await Cluster.GetAsync<V1Deployment>(Thailand, "discharge-summary-writer"))!;
        var affinity = KubernetesJson.Serialize(edited.Spec.Template.Spec.Affinity);

        await Cluster.Kubectl.SucceedAsync("-n", Thailand, "delete", "deployment", "thai-asr", "--wait=false");
        var elsewhere = new JsonObject
        {
            ["spec"] = new JsonObject
            {
                ["template"] = new JsonObject
                {
                    ["spec"] = new JsonObject
                    {
                        ["affinity"] = JsonNode.Parse("""{"nodeAffinity":{"requiredDuringSchedulingIgnoredDuringExecution":{"nodeSelectorTerms":[{"matchExpressions":[{"key":"topology.kubernetes.io/region","operator":"In","values":["us-east-1"]}]}]}}}"""),
                    },
                },
            },
        };
        await Cluster.PatchAsync("deployment", Thailand, "discharge-summary-writer", elsewhere);

        await Eventually.TrueAsync(async () =>
        {
            var restored = await Cluster.GetAsync<V1Deployment>(Thailand, "thai-asr");
            return (restored is not null && restored.Metadata.Uid != deleted.Metadata.Uid && restored.Metadata.DeletionTimestamp is null, $"uid {restored?.Metadata.Uid}");
        }, "the deleted Deployment is recreated", Converge);
        await Eventually.TrueAsync(async () =>
        {
            var now = KubernetesJson.Serialize((await Cluster.GetAsync<V1Deployment>(Thailand, "discharge-summary-writer"))!.Spec.Template.Spec.Affinity);
            return (now == affinity, now);
        }, "the edited affinity is put back", Converge);
    }

    [Fact]
    public async Task Deleting_a_model_removes_its_children()
    {
        await SettledAsync();
        await Cluster.Kubectl.SucceedAsync("apply", "-f", TestModels.Write(TestModels.Model(Thailand, "e2e-short-lived", pool: "th-h100-bangkok")));
        var model = await WaitForAsync(() => Cluster.GetAsync<ModelDeployment>(Thailand, "e2e-short-lived"));
        await Eventually.TrueAsync(async () => (await OwnedByAsync(model.Metadata.Uid) is { Count: > 0 }, "no children yet"), "the model's children are applied", Converge);

        await Cluster.Kubectl.SucceedAsync("-n", Thailand, "delete", "modeldeployment", "e2e-short-lived");

        await Eventually.TrueAsync(async () =>
        {
            var left = await OwnedByAsync(model.Metadata.Uid);
            return (left.Count == 0, string.Join(", ", left));
        }, "every child of the deleted model is gone", Converge);
    }

    [Fact]
    public async Task Deleting_a_profile_removes_that_customer_and_nothing_of_another()
    {
        await SettledAsync();
        var thailand = await ClusterState.ManagedObjectsAsync(Cluster, Thailand);
        var thaiWorkloads = (await Cluster.ListAsync<V1Deployment>(Thailand)).Select(d => d.Metadata.Uid).Order().ToList();

        await Cluster.Kubectl.SucceedAsync("delete", "sovereignprofile", "kr-kpaia", "--wait=false");

        await Eventually.TrueAsync(async () =>
        {
            var profile = await Cluster.GetAsync<SovereignProfile>(null, "kr-kpaia");
            var ns = await Cluster.GetAsync<V1Namespace>(null, "kr-public-ai");
            var pools = (await Cluster.ListAsync<GpuPool>()).Where(p => p.Spec.ProfileRef.Name == "kr-kpaia").Select(p => p.Metadata.Name).ToList();
            var left = new List<string>();
            foreach (var type in ClusterState.ChildKinds)
            {
                var list = await Cluster.Reader.ListAsync<Runtime.Client.PartialObject>(type, new Runtime.Client.ListRequest { LabelSelector = $"{Inventory.PartOfLabel}=kr-kpaia" }, CancellationToken.None);
                left.AddRange(list.Value.Items.Select(i => $"{type.Kind} {i.Metadata.NamespaceProperty}/{i.Metadata.Name}"));
            }

            return (profile is null && ns is null && pools.Count == 0 && left.Count == 0,
                $"profile {(profile is null ? "gone" : "present")}, namespace {(ns is null ? "gone" : ns.Status?.Phase)}, pools [{string.Join(", ", pools)}], objects [{string.Join(", ", left)}]");
        }, "everything of the Korean customer is gone", Converge);

        Assert.Equal(thailand, await ClusterState.ManagedObjectsAsync(Cluster, Thailand));
        Assert.Equal(thaiWorkloads, (await Cluster.ListAsync<V1Deployment>(Thailand)).Select(d => d.Metadata.Uid).Order().ToList());
        await SettledAsync();
    }

    private Task SettledAsync() =>
        Eventually.TrueAsync(async () =>
        {
            var namespaces = (await Cluster.ListAsync<SovereignProfile>()).Select(p => p.Spec.TenantNamespace).ToList();
            return await ClusterState.SettledAsync(Cluster, namespaces);
        }, "every resource has settled", Converge);

    private async Task<int?> WorkloadReplicasAsync(string ns, string name) =>
        (await Cluster.GetAsync<V1Deployment>(ns, name))?.Spec.Replicas ?? (await Cluster.GetAsync<V1StatefulSet>(ns, name))?.Spec.Replicas;

    private async Task<IReadOnlyList<string>> OwnedByAsync(string uid)
    {
        var owned = new List<string>();
        foreach (var type in ClusterState.ChildKinds)
        {
            var list = await Cluster.Reader.ListAsync<Runtime.Client.PartialObject>(type, new Runtime.Client.ListRequest { LabelSelector = $"{Inventory.OwnerUidLabel}={uid}" }, CancellationToken.None);
            owned.AddRange(list.Value.Items.Where(i => i.Metadata.DeletionTimestamp is null).Select(i => $"{type.Kind} {i.Metadata.Name}"));
        }

        return owned;
    }

    private static async Task<T> WaitForAsync<T>(Func<Task<T?>> read)
        where T : class
    {
        T? found = null;
        await Eventually.TrueAsync(async () => ((found = await read()) is not null, "absent"), "the object exists", Converge);
        return found!;
    }

    private static JsonObject Spec(JsonObject fields) => new() { ["spec"] = fields };
}

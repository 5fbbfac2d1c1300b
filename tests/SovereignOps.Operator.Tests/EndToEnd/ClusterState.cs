using System.Text;
using k8s.Models;
using SovereignOps.Api.V1Alpha1;
using SovereignOps.Operator.Reconcilers;
using SovereignOps.Runtime.Apply;
using SovereignOps.Runtime.Client;
using SovereignOps.Runtime.Status;

namespace SovereignOps.Operator.Tests.EndToEnd;

/// <summary>Reads what a user of the cluster can see and judges whether the operator has settled.</summary>
internal static class ClusterState
{
    public static readonly ResourceType[] ChildKinds =
    [
        ResourceType.For<V1Namespace>(), ResourceType.For<V1NetworkPolicy>(), ResourceType.For<V1ResourceQuota>(),
        ResourceType.For<V1LimitRange>(), ResourceType.For<V1ServiceAccount>(), ResourceType.For<V1Role>(),
        ResourceType.For<V1RoleBinding>(), ResourceType.For<V1ConfigMap>(), ResourceType.For<V1PersistentVolumeClaim>(),
        ResourceType.For<V1Service>(), ResourceType.For<V1Deployment>(), ResourceType.For<V1StatefulSet>(),
        ResourceType.For<V2HorizontalPodAutoscaler>(), ResourceType.For<V1PodDisruptionBudget>(),
    ];

    /// <summary>Every object the operator manages, as <c>Kind namespace/name</c>.</summary>
    public static async Task<IReadOnlySet<string>> ManagedObjectsAsync(OperatorCluster cluster, string? ns = null)
    {
        var found = new HashSet<string>(StringComparer.Ordinal);
        foreach (var type in ChildKinds)
        {
            var list = await cluster.Reader.ListAsync<PartialObject>(type, new ListRequest
            {
                Namespace = type.Namespaced ? ns : null,
                LabelSelector = $"{Inventory.ManagedByLabel}={Inventory.ManagedByValue}",
            }, CancellationToken.None);
            Assert.True(list.IsSuccess, list.ToString());
            foreach (var item in list.Value.Items.Where(i => i.Metadata.DeletionTimestamp is null && (ns is null || !type.Namespaced || i.Metadata.NamespaceProperty == ns)))
            {
                found.Add($"{type.Kind} {item.Metadata.NamespaceProperty}/{item.Metadata.Name}");
            }
        }

        if (ns is not null)
        {
            found.RemoveWhere(o => o.StartsWith("Namespace ", StringComparison.Ordinal) && o != $"Namespace /{ns}");
        }

        return found;
    }

    /// <summary>
    /// Whether every custom resource of the namespaces' customers has settled: each status observed
    /// at the current generation with Ready set; policies, pools and profiles Ready and compliant;
    /// models planned, compliant and available (their pods scheduled and running); approved agents
    /// deployed, the others in their approval state.
    /// </summary>
    public static async Task<(bool Ok, string Observed)> SettledAsync(OperatorCluster cluster, IReadOnlyCollection<string> namespaces)
    {
        var problems = new StringBuilder();
        foreach (var policy in await cluster.ListAsync<DataResidencyPolicy>())
        {
            Expect(problems, policy.Key, policy.Metadata.Generation, policy.Status, true);
        }

        foreach (var profile in (await cluster.ListAsync<SovereignProfile>()).Where(p => namespaces.Contains(p.Spec.TenantNamespace)))
        {
            Expect(problems, profile.Key, profile.Metadata.Generation, profile.Status, true);
            ExpectCondition(problems, profile.Key, profile.Status, Reasons.ResidencyCompliant);
        }

        foreach (var pool in await cluster.ListAsync<GpuPool>())
        {
            Expect(problems, pool.Key, pool.Metadata.Generation, pool.Status, true);
        }

        foreach (var ns in namespaces)
        {
            foreach (var model in await cluster.ListAsync<ModelDeployment>(ns))
            {
                Expect(problems, model.Key, model.Metadata.Generation, model.Status, true);
                ExpectCondition(problems, model.Key, model.Status, Reasons.Planned);
                ExpectCondition(problems, model.Key, model.Status, Reasons.ResidencyCompliant);
            }

            foreach (var catalog in await cluster.ListAsync<AgentCatalog>(ns))
            {
                Expect(problems, catalog.Key, catalog.Metadata.Generation, catalog.Status, true);
                foreach (var entry in catalog.Spec.Agents)
                {
                    var state = catalog.Status?.Agents.FirstOrDefault(a => a.Name == entry.Name)?.State;
                    var expected = entry.Approval.State switch
                    {
                        "Approved" => AgentCatalogReconciler.Deployed,
                        "Pending" => AgentCatalogReconciler.PendingApproval,
                        var other => other,
                    };
                    if (state != expected)
                    {
                        problems.Append($"{catalog.Key}/{entry.Name} is {state ?? "unreported"}, expected {expected}; ");
                    }
                }
            }
        }

        return (problems.Length == 0, problems.ToString());
    }

    private static void Expect(StringBuilder problems, string key, long? generation, IResourceStatus? status, bool ready)
    {
        var condition = status is null ? null : Conditions.Find(status.Conditions, Conditions.Ready);
        if (status?.ObservedGeneration != generation || condition is null || condition.ObservedGeneration != generation)
        {
            problems.Append($"{key} not observed at generation {generation}; ");
        }
        else if (condition.Status != (ready ? "True" : "False"))
        {
            problems.Append($"{key} Ready={condition.Status} {condition.Reason}: {condition.Message}; ");
        }
    }

    private static void ExpectCondition(StringBuilder problems, string key, IResourceStatus? status, string type)
    {
        if (status is null || !Conditions.IsTrue(status.Conditions, type))
        {
            var condition = status is null ? null : Conditions.Find(status.Conditions, type);
            problems.Append($"{key} {type}={condition?.Status} {condition?.Reason}: {condition?.Message}; ");
        }
    }
}

using System.Globalization;
using k8s.Models;
using SovereignOps.Planning;
using SovereignOps.Planning.Capacity;
using SovereignOps.Rendering.Values;
using PlannedWorkload = SovereignOps.Planning.Capacity.WorkloadKind;
using ChartWorkload = SovereignOps.Rendering.Values.WorkloadKind;

namespace SovereignOps.Rendering.Pipeline;

/// <summary>The <c>sovereign-model</c> values of one planned ModelDeployment.</summary>
public static class ModelValuesBuilder
{
    /// <param name="surgeFits">
    /// Whether the pool has room for one more replica (<see cref="RolloutHeadroom.SurgeFits"/>); asked
    /// only when the model requests a surge. Without room the rollout replaces pods in place instead
    /// of leaving a surge pod Pending while the rollout stalls.
    /// </param>
    public static ModelChartValues Build(PlannedModel planned, ProfilePlan profile, Func<bool>? surgeFits = null)
    {
        var model = planned.Model;
        var spec = model.Spec;
        var capacity = planned.Capacity;
        var layout = capacity.Layout ?? throw new ArgumentException($"model {capacity.Key} has no layout: {capacity.Problem}", nameof(planned));
        var placement = planned.Placement?.Placement ?? throw new ArgumentException($"model {capacity.Key} has no placement: {planned.Placement?.Problem}", nameof(planned));
        var mirror = profile.Profile.Spec.Registry.Mirror;
        var sizing = ModelSizing.For(capacity.Memory, layout);
        var fetched = WeightsValuesBuilder.IsFetched(spec.Weights.Uri);

        return new ModelChartValues
        {
            Name = model.Metadata.Name!,
            Namespace = model.Metadata.NamespaceProperty!,
            Labels = InventoryLabels.For(profile.Name, model),
            Model = new ModelIdentityValues { ServedName = spec.Model.Name, Version = spec.Model.Version, DataClass = LabelValue.Kebab(spec.DataClass) },
            Runtime = new RuntimeValues
            {
                Engine = Engine(spec.Runtime.Engine),
                Image = spec.Runtime.Image is { } image
                    ? MirrorImages.Values(image, mirror, spec.Model.Version)
                    : MirrorImages.Values(DefaultImages.ForEngine(spec.Runtime.Engine), mirror),
                ExtraArgs = spec.Runtime.ExtraArgs,
            },
            Workload = new WorkloadValues
            {
                Kind = WorkloadFor(layout, fetched, capacity.Replicas),
                Replicas = spec.Replicas,
                Rollout = WithinHeadroom(Rollout(spec.Rollout), surgeFits),
            },
            Parallelism = new ParallelismValues
            {
                TensorParallelSize = layout.TensorParallel,
                PipelineParallelSize = layout.PipelineParallel,
                NodesPerReplica = layout.Nodes,
            },
            Serving = new ServingValues { MaxModelLength = spec.ContextLength, MaxConcurrentSequences = spec.MaxConcurrentSequences },
            Resources = new ModelResourcesValues
            {
                Gpu = new GpuValues { ResourceName = layout.ResourceName, Count = layout.DevicesPerNode },
                Requests = new ComputeResourcesValues { Cpu = sizing.CpuQuantity, Memory = sizing.MemoryQuantity },
                Limits = new ComputeResourcesValues { Memory = sizing.MemoryQuantity },
                SharedMemorySize = sizing.SharedMemoryQuantity,
            },
            Weights = WeightsValuesBuilder.Build(spec, capacity.Memory.WeightsGiB, profile.Policy.Spec, mirror),
            Probes = new ModelProbeValues { StartupBudgetSeconds = sizing.StartupBudgetSeconds },
            Service = new ServiceValues { Port = ChartNames.ModelHttpPort },
            Autoscaling = spec.Autoscaling is { } scaling
                ? new AutoscalingValues { Enabled = true, MinReplicas = scaling.MinReplicas, MaxReplicas = scaling.MaxReplicas }
                : new AutoscalingValues(),
            Network = new ModelNetworkValues { Egress = fetched ? WeightsStoreEgress(spec.Weights.Uri, profile) : [] },
            Placement = new PlacementValues { NodeAffinity = placement.NodeAffinity, Tolerations = placement.Tolerations },
        };
    }

    /// <summary>
    /// A StatefulSet when a replica spans nodes (its ranks need stable names) or when several
    /// replicas fetch weights (a claim per pod works on every storage class; one claim shared by
    /// several pods would need ReadWriteMany, which local and block classes do not offer).
    /// </summary>
    public static ChartWorkload WorkloadFor(ReplicaLayout layout, bool fetchedWeights, int plannedReplicas) =>
        layout.Workload == PlannedWorkload.StatefulSet || (fetchedWeights && plannedReplicas > 1)
            ? ChartWorkload.StatefulSet
            : ChartWorkload.Deployment;

    /// <summary>
    /// The weights store sits somewhere inside the policy's allow-list, at an address the bundle does
    /// not know: the fetcher may reach the allow-list on the store's port, nothing more.
    /// </summary>
    private static IReadOnlyList<EgressRuleValues> WeightsStoreEgress(string uri, ProfilePlan profile)
    {
        var port = new NetworkPortValues { Port = WeightsValuesBuilder.StorePort(uri) };
        return (profile.Policy.Spec.Egress?.AllowedCidrs ?? [])
            .Select(cidr => new EgressRuleValues { Cidr = cidr, Ports = [port] })
            .ToList();
    }

    private static RolloutValues Rollout(Api.V1Alpha1.RolloutStrategy? rollout) => rollout switch
    {
        null => new RolloutValues(),
        { Type: "Recreate" } => new RolloutValues { MaxSurge = IntOrPercent.Pods(0), MaxUnavailable = IntOrPercent.Percent(100) },
        _ => new RolloutValues
        {
            MaxSurge = Bound(rollout.MaxSurge) ?? IntOrPercent.Pods(0),
            MaxUnavailable = Bound(rollout.MaxUnavailable) ?? IntOrPercent.Pods(1),
        },
    };

    private static RolloutValues WithinHeadroom(RolloutValues rollout, Func<bool>? surgeFits)
    {
        if (rollout.MaxSurge.Value == 0 || surgeFits is null || surgeFits())
        {
            return rollout;
        }

        var unavailable = rollout.MaxUnavailable.Value == 0 ? IntOrPercent.Pods(1) : rollout.MaxUnavailable;
        return new RolloutValues { MaxSurge = IntOrPercent.Pods(0), MaxUnavailable = unavailable };
    }

    private static IntOrPercent? Bound(IntOrString? value)
    {
        var text = value?.Value;
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        return text.EndsWith('%')
            ? IntOrPercent.Percent(int.Parse(text.AsSpan(0, text.Length - 1), CultureInfo.InvariantCulture))
            : IntOrPercent.Pods(int.Parse(text, CultureInfo.InvariantCulture));
    }

    private static RuntimeEngine Engine(string engine) => engine switch
    {
        "vllm" => RuntimeEngine.Vllm,
        "tgi" => RuntimeEngine.Tgi,
        "triton" => RuntimeEngine.Triton,
        _ => throw new ArgumentOutOfRangeException(nameof(engine), engine, "unknown serving engine"),
    };
}

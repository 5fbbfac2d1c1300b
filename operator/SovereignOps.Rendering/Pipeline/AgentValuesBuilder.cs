using SovereignOps.Planning;
using SovereignOps.Rendering.Values;

namespace SovereignOps.Rendering.Pipeline;

/// <summary>The <c>sovereign-agent</c> values of one approved, bound catalog entry.</summary>
public static class AgentValuesBuilder
{
    public static AgentChartValues Build(PlannedAgent planned, ProfilePlan profile)
    {
        var entry = planned.Entry;
        var model = planned.Binding.Model?.Model ?? throw new ArgumentException($"agent {planned.Key} is not bound: {planned.Binding.Problem}", nameof(planned));
        var placement = planned.Placement.Placement ?? throw new ArgumentException($"agent {planned.Key} has no placement: {planned.Placement.Problem}", nameof(planned));
        var ns = planned.Catalog.Metadata.NamespaceProperty!;
        var modelNs = model.Metadata.NamespaceProperty!;

        return new AgentChartValues
        {
            Name = entry.Name,
            Namespace = ns,
            Labels = InventoryLabels.For(profile.Name, planned.Catalog),
            Agent = new AgentEntryValues
            {
                Catalog = planned.Catalog.Metadata.Name!,
                Vendor = entry.Vendor,
                Domain = LabelValue.Kebab(entry.Domain),
                Version = entry.Version,
                DataClasses = entry.DataClasses.Select(LabelValue.Kebab).ToList(),
                RiskTier = entry.RiskTier.ToLowerInvariant(),
                HumanReview = entry.HumanReview,
            },
            Image = MirrorImages.Values(entry.Image, profile.Profile.Spec.Registry.Mirror, entry.Version),
            Replicas = entry.Replicas,
            Model = new AgentModelBindingValues
            {
                Name = model.Spec.Model.Name,
                Endpoint = ChartNames.ModelEndpoint(model.Metadata.Name!, modelNs, model.Spec.Runtime.Engine),
                PodLabels = ChartNames.ModelServerPodLabels(model.Metadata.Name!),
                Namespace = modelNs == ns ? string.Empty : modelNs,
                Ports = [ChartNames.ModelHttpPort],
            },
            Network = new AgentNetworkValues
            {
                // Callers are the tenant's own pods (its gateway and front ends); other namespaces stay denied.
                Clients = [new NetworkPeerValues { PodLabels = new Dictionary<string, string>() }],
                Egress = entry.EgressAllowList
                    .Select(target => new EgressRuleValues
                    {
                        Cidr = target.Cidr,
                        Ports = target.Ports.Count == 0 ? null : target.Ports.Select(port => new NetworkPortValues { Port = port }).ToList(),
                    })
                    .ToList(),
            },
            Placement = new PlacementValues { NodeAffinity = placement.NodeAffinity, Tolerations = placement.Tolerations },
        };
    }
}

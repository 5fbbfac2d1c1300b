using SovereignOps.Api.V1Alpha1;
using SovereignOps.Planning.Capacity;

namespace SovereignOps.Planning.Agents;

/// <summary>
/// Binds a catalog entry to a model in its namespace: the one it names, or else the first model
/// (in accounting order: priority, then name) that understands every modality it requires and
/// fits its pool. A model that does not fit serves nobody, so an agent is never bound to one.
/// </summary>
public static class AgentBinder
{
    public static AgentBinding Bind(AgentCatalog catalog, AgentEntry entry, CapacityPlan plan)
    {
        var ns = catalog.Metadata.NamespaceProperty ?? string.Empty;
        var inNamespace = plan.Models.Where(m => (m.Model.Metadata.NamespaceProperty ?? string.Empty) == ns).ToList();

        if (entry.Model.Ref is { } reference)
        {
            var named = inNamespace.FirstOrDefault(m => m.Model.Metadata.Name == reference.Name);
            return named switch
            {
                null => new AgentBinding(null, $"model {ns}/{reference.Name} is not in the bundle"),
                { Fits: false } => new AgentBinding(named, $"model {named.Key} does not fit its pool"),
                _ => new AgentBinding(named, null),
            };
        }

        var required = entry.Model.RequiredModalities;
        var serving = inNamespace.Where(m => required.All(m.Model.Spec.Modalities.Contains)).ToList();
        var bound = serving.FirstOrDefault(m => m.Fits);
        if (bound is not null)
        {
            return new AgentBinding(bound, null);
        }

        var modalities = string.Join(", ", required);
        return serving.Count == 0
            ? new AgentBinding(null, $"no model in namespace {ns} understands {modalities}")
            : new AgentBinding(null, $"every model in namespace {ns} that understands {modalities} fails to fit its pool ({string.Join(", ", serving.Select(m => m.Key))})");
    }
}

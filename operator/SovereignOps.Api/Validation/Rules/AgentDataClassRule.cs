namespace SovereignOps.Api.Validation.Rules;

/// <summary>The data classes an agent touches are defined by its customer's policy.</summary>
public sealed class AgentDataClassRule : IBundleRule
{
    public IEnumerable<ValidationError> Check(BundleIndex bundle)
    {
        foreach (var catalog in bundle.Bundle.Catalogs)
        {
            if (bundle.PolicyOwning(catalog.Metadata.NamespaceProperty) is not { } policy)
            {
                continue;
            }

            for (var i = 0; i < catalog.Spec.Agents.Count; i++)
            {
                var classes = catalog.Spec.Agents[i].DataClasses;
                for (var j = 0; j < classes.Count; j++)
                {
                    if (BundleIndex.DataClassOf(policy, classes[j]) is null)
                    {
                        yield return bundle.Error(catalog, $"spec.agents[{i}].dataClasses[{j}]",
                            $"data class {Quote.One(classes[j])} is not defined by DataResidencyPolicy {Quote.One(policy.Metadata.Name)}; expected one of: {Quote.List(policy.Spec.DataClasses.Select(c => c.Name))}");
                    }
                }
            }
        }
    }
}

namespace SovereignOps.Api.Validation.Rules;

/// <summary>An agent's model.ref names a ModelDeployment in the catalog's namespace.</summary>
public sealed class AgentModelRefRule : IBundleRule
{
    public IEnumerable<ValidationError> Check(BundleIndex bundle)
    {
        foreach (var catalog in bundle.Bundle.Catalogs)
        {
            var models = bundle.ModelsIn(catalog.Metadata.NamespaceProperty).Select(m => m.Metadata.Name).ToList();
            for (var i = 0; i < catalog.Spec.Agents.Count; i++)
            {
                if (catalog.Spec.Agents[i].Model.Ref is { } reference && !models.Contains(reference.Name))
                {
                    yield return bundle.Error(catalog, $"spec.agents[{i}].model.ref.name",
                        $"ModelDeployment {Quote.One(reference.Name)} does not exist in namespace {Quote.One(catalog.Metadata.NamespaceProperty)}; expected one of: {Quote.List(models)}");
                }
            }
        }
    }
}

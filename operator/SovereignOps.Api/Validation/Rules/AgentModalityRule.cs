using SovereignOps.Api.V1Alpha1;

namespace SovereignOps.Api.Validation.Rules;

/// <summary>
/// An agent's required modalities are served: by its referenced model when it names one, otherwise by at
/// least one model of its customer (the models in the catalog's namespace).
/// </summary>
public sealed class AgentModalityRule : IBundleRule
{
    public IEnumerable<ValidationError> Check(BundleIndex bundle)
    {
        foreach (var catalog in bundle.Bundle.Catalogs)
        {
            var models = bundle.ModelsIn(catalog.Metadata.NamespaceProperty).ToList();
            for (var i = 0; i < catalog.Spec.Agents.Count; i++)
            {
                var binding = catalog.Spec.Agents[i].Model;
                if (binding.RequiredModalities.Count == 0)
                {
                    continue;
                }

                var path = $"spec.agents[{i}].model.requiredModalities";
                var wanted = string.Join("+", binding.RequiredModalities);
                if (binding.Ref is { } reference)
                {
                    if (models.Find(m => m.Metadata.Name == reference.Name) is { } bound && !Serves(bound, binding.RequiredModalities))
                    {
                        yield return bundle.Error(catalog, path,
                            $"ModelDeployment {Quote.One(reference.Name)} serves {Describe(bound)}, not {wanted}; expected a model that serves every required modality");
                    }
                }
                else if (!models.Any(m => Serves(m, binding.RequiredModalities)))
                {
                    var served = models.Count == 0 ? "no models" : string.Join(", ", models.Select(m => $"{Quote.One(m.Metadata.Name)} serves {Describe(m)}"));
                    yield return bundle.Error(catalog, path,
                        $"no ModelDeployment in namespace {Quote.One(catalog.Metadata.NamespaceProperty)} serves {wanted} ({served}); expected a model of the profile that serves every required modality");
                }
            }
        }
    }

    private static bool Serves(ModelDeployment model, IEnumerable<string> modalities) =>
        modalities.All(model.Spec.Modalities.Contains);

    private static string Describe(ModelDeployment model) => string.Join("+", model.Spec.Modalities);
}

namespace SovereignOps.Api.Validation.Rules;

/// <summary>
/// Every destination an agent's tools may reach lies inside the policy's egress allow-list: the agent's
/// network policy can only narrow what the customer allowed, never widen it.
/// </summary>
public sealed class AgentEgressRule : IBundleRule
{
    public IEnumerable<ValidationError> Check(BundleIndex bundle)
    {
        foreach (var catalog in bundle.Bundle.Catalogs)
        {
            if (bundle.PolicyOwning(catalog.Metadata.NamespaceProperty) is not { } policy)
            {
                continue;
            }

            var allowedCidrs = policy.Spec.Egress?.AllowedCidrs ?? [];
            var allowed = allowedCidrs.Select(c => CidrBlock.TryParse(c, out var block) ? block : (CidrBlock?)null).OfType<CidrBlock>().ToList();
            for (var i = 0; i < catalog.Spec.Agents.Count; i++)
            {
                var targets = catalog.Spec.Agents[i].EgressAllowList;
                for (var j = 0; j < targets.Count; j++)
                {
                    var path = $"spec.agents[{i}].egressAllowList[{j}].cidr";
                    var cidr = targets[j].Cidr;
                    if (!CidrBlock.TryParse(cidr, out var target))
                    {
                        yield return bundle.Error(catalog, path, $"{Quote.One(cidr)} is not a CIDR block; expected address/prefix such as 10.20.0.0/16");
                    }
                    else if (!allowed.Any(block => block.Contains(target)))
                    {
                        yield return bundle.Error(catalog, path,
                            $"{cidr} is outside the egress allow-list of DataResidencyPolicy {Quote.One(policy.Metadata.Name)}; expected a block inside one of: {Quote.List(allowedCidrs)}");
                    }
                }
            }
        }
    }
}

namespace SovereignOps.Api.Schema;

/// <summary>Patterns Kubernetes publishes in its OpenAPI schemas, for CRD authors to reuse.</summary>
public static class KubernetesPatterns
{
    /// <summary>
    /// A resource quantity (<c>80Gi</c>, <c>500m</c>, <c>1.5</c>, <c>1e3</c>): the pattern of
    /// <c>x-kubernetes-int-or-string</c> quantity fields. It applies to strings only, so the integer
    /// form (<c>80</c>) of an int-or-string field is accepted as is.
    /// </summary>
    public const string Quantity =
        @"^(\+|-)?(([0-9]+(\.[0-9]*)?)|(\.[0-9]+))(([KMGTPE]i)|[numkMGTPE]|([eE](\+|-)?(([0-9]+(\.[0-9]*)?)|(\.[0-9]+))))?$";
}

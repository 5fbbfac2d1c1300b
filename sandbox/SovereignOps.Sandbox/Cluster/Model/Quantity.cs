using SovereignOps.Api.Schema;

namespace SovereignOps.Sandbox.Cluster.Model;

/// <summary>
/// Kubernetes resource quantities (<c>500m</c>, <c>2Gi</c>, <c>1e3</c>, <c>8</c>) as whole milli-units, the
/// precision the scheduler compares requests with. Fractions of a milli-unit round up, as the API server's
/// canonical form does.
/// </summary>
public static class Quantity
{
    /// <summary>The value in thousandths; null when the text is not a quantity.</summary>
    public static long? ParseMilli(string? text)
    {
        if (!ResourceQuantity.TryParse(text?.Trim(), out var value))
        {
            return null;
        }

        try
        {
            return (long)decimal.Ceiling(value * 1000m);
        }
        catch (OverflowException)
        {
            return null;
        }
    }
}

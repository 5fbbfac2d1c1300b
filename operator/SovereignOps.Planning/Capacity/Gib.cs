namespace SovereignOps.Planning.Capacity;

/// <summary>Binary gibibytes, the unit GPU memory is quoted in (an "80 GB" H100 exposes 80 GiB).</summary>
public static class Gib
{
    public const double Bytes = 1024d * 1024 * 1024;

    public static double FromBytes(double bytes) => bytes / Bytes;

    /// <summary>One decimal place, invariant culture: the precision every report uses.</summary>
    public static string Format(double gib) => gib.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture);
}

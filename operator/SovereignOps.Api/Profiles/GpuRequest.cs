using System.Globalization;

namespace SovereignOps.Api.Profiles;

/// <summary>
/// One <c>--gpu MODEL:COUNT[:REGION[:MIG]]</c> option: <paramref name="Count"/> GPUs of <paramref name="Model"/>
/// in <paramref name="Region"/> (the preset's first region when null), optionally partitioned into MIG
/// slices of <paramref name="MigProfile"/> (e.g. <c>3g.40gb</c>).
/// </summary>
public sealed record GpuRequest(string Model, int Count, string? Region = null, string? MigProfile = null)
{
    public const string Syntax = "MODEL:COUNT[:REGION[:MIG-PROFILE]]";

    /// <summary>Reads the option text. Whether the model, region and MIG profile exist is checked by the generator.</summary>
    public static Parsed<GpuRequest> Parse(string text)
    {
        var parts = text.Split(':');
        if (parts.Length is < 2 or > 4 || parts.Any(p => p.Trim().Length == 0))
        {
            return Parsed.Failure<GpuRequest>($"--gpu '{text}': expected {Syntax}, e.g. H100-80GB:16 or H100-80GB:8:th-north:3g.40gb");
        }

        if (!int.TryParse(parts[1].Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var count) || count < 1)
        {
            return Parsed.Failure<GpuRequest>($"--gpu '{text}': COUNT must be a whole number of GPUs, at least 1, not '{parts[1]}'");
        }

        return Parsed.Success(new GpuRequest(
            parts[0].Trim(),
            count,
            parts.Length > 2 ? parts[2].Trim() : null,
            parts.Length > 3 ? parts[3].Trim() : null));
    }
}

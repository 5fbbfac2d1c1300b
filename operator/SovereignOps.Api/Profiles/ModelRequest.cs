using System.Globalization;
using System.Text.RegularExpressions;
using SovereignOps.Api.V1Alpha1;

namespace SovereignOps.Api.Profiles;

/// <summary>One <c>--model NAME:PARAMS_B:PRECISION[:MODALITIES]</c> option, modalities joined with <c>+</c>.</summary>
public sealed partial record ModelRequest(string Name, double ParametersBillions, string Precision, IReadOnlyList<string> Modalities)
{
    public const string Syntax = "NAME:PARAMS_B:PRECISION[:MODALITIES]";

    public static IReadOnlyList<string> Precisions { get; } = ["bf16", "fp16", "fp8", "int8", "int4"];

    public static IReadOnlyList<string> KnownModalities { get; } = ["text", "image", "speech", "video"];

    public static Parsed<ModelRequest> Parse(string text)
    {
        var parts = text.Split(':');
        if (parts.Length is < 3 or > 4 || parts.Any(p => p.Trim().Length == 0))
        {
            return Failure(text, $"expected {Syntax}, e.g. typhoon:70:bf16 or omni:30:fp8:text+image+speech+video");
        }

        var name = parts[0].Trim();
        if (name.Length > 63 || !DnsLabel().IsMatch(name))
        {
            return Failure(text, $"NAME '{name}' must be a DNS label: lower-case letters, digits and '-', at most 63 characters");
        }

        if (!double.TryParse(parts[1].Trim(), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var parameters)
            || parameters < 0.01 || parameters > 10000)
        {
            return Failure(text, $"PARAMS_B '{parts[1]}' must be the parameter count in billions, between 0.01 and 10000");
        }

        var precision = parts[2].Trim().ToLowerInvariant();
        if (!Precisions.Contains(precision))
        {
            return Failure(text, $"PRECISION '{parts[2]}' must be one of {string.Join(", ", Precisions)}");
        }

        var modalities = parts.Length == 4
            ? parts[3].Split('+', StringSplitOptions.TrimEntries).Select(m => m.ToLowerInvariant()).ToList()
            : ["text"];
        var unknown = modalities.FirstOrDefault(m => !KnownModalities.Contains(m));
        if (unknown is not null)
        {
            return Failure(text, $"modality '{unknown}' must be one of {string.Join(", ", KnownModalities)}");
        }

        return Parsed.Success(new ModelRequest(name, parameters, precision, modalities.Distinct().ToList()));
    }

    private static Parsed<ModelRequest> Failure(string text, string message) =>
        Parsed.Failure<ModelRequest>($"--model '{text}': {message}");

    [GeneratedRegex(ApiGroup.DnsLabelPattern)]
    private static partial Regex DnsLabel();
}

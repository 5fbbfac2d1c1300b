using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;

namespace SovereignOps.Api.Schema;

/// <summary>
/// The string formats the API server checks for custom resources. Unknown formats are not checked,
/// as there; numeric formats (int32…) are checked with the numeric keywords.
/// </summary>
internal static partial class FormatChecks
{
    public static bool IsValidString(string format, string text) => format switch
    {
        "date-time" or "datetime" => IsDateTime(text),
        "date" => DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _),
        "duration" => DurationPattern().IsMatch(text),
        "byte" => IsBase64(text),
        "uuid" => UuidPattern().IsMatch(text),
        "uuid3" => UuidPattern().IsMatch(text) && text[14] == '3',
        "uuid4" => UuidPattern().IsMatch(text) && text[14] == '4' && "89abAB".Contains(text[19], StringComparison.Ordinal),
        "uuid5" => UuidPattern().IsMatch(text) && text[14] == '5' && "89abAB".Contains(text[19], StringComparison.Ordinal),
        "ipv4" => IsIPv4(text),
        "ipv6" => text.Contains(':', StringComparison.Ordinal) && IPAddress.TryParse(text, out var v6) && v6.AddressFamily == AddressFamily.InterNetworkV6,
        "cidr" => IsCidr(text),
        "mac" => MacPattern().IsMatch(text),
        "hostname" => text.Length <= 253 && HostnamePattern().IsMatch(text),
        "email" => EmailPattern().IsMatch(text),
        "uri" => Uri.TryCreate(text, UriKind.Absolute, out _),
        "hexcolor" => HexColorPattern().IsMatch(text),
        "rgbcolor" => RgbColorPattern().IsMatch(text),
        "bsonobjectid" => ObjectIdPattern().IsMatch(text),
        _ => true,
    };

    private static bool IsDateTime(string text) =>
        DateTimePattern().IsMatch(text)
        && DateTimeOffset.TryParse(text.Replace('t', 'T').Replace('z', 'Z'), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out _);

    private static bool IsBase64(string text)
    {
        if (text.Length % 4 != 0)
        {
            return false;
        }

        var buffer = new byte[text.Length / 4 * 3];
        return Convert.TryFromBase64String(text, buffer, out _);
    }

    private static bool IsIPv4(string text) =>
        IPv4Pattern().IsMatch(text) && IPAddress.TryParse(text, out var address) && address.AddressFamily == AddressFamily.InterNetwork;

    private static bool IsCidr(string text)
    {
        var slash = text.IndexOf('/', StringComparison.Ordinal);
        if (slash < 0 || !int.TryParse(text.AsSpan(slash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var prefix))
        {
            return false;
        }

        var address = text[..slash];
        return IsIPv4(address) ? prefix <= 32 : IPAddress.TryParse(address, out var v6) && v6.AddressFamily == AddressFamily.InterNetworkV6 && prefix <= 128;
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$", RegexOptions.CultureInvariant)]
    private static partial Regex DateTimePattern();

    [GeneratedRegex(@"^[-+]?((\d+(\.\d*)?|\.\d+)(ns|us|µs|μs|ms|s|m|h|d|w))+$|^0$", RegexOptions.CultureInvariant)]
    private static partial Regex DurationPattern();

    [GeneratedRegex("^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$", RegexOptions.CultureInvariant)]
    private static partial Regex UuidPattern();

    [GeneratedRegex(@"^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$", RegexOptions.CultureInvariant)]
    private static partial Regex IPv4Pattern();

    [GeneratedRegex("^([0-9A-Fa-f]{2}[:-]){5}[0-9A-Fa-f]{2}$", RegexOptions.CultureInvariant)]
    private static partial Regex MacPattern();

    [GeneratedRegex(@"^[a-zA-Z0-9]([-a-zA-Z0-9]{0,61}[a-zA-Z0-9])?(\.[a-zA-Z0-9]([-a-zA-Z0-9]{0,61}[a-zA-Z0-9])?)*$", RegexOptions.CultureInvariant)]
    private static partial Regex HostnamePattern();

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s]+$", RegexOptions.CultureInvariant)]
    private static partial Regex EmailPattern();

    [GeneratedRegex("^#?([0-9a-fA-F]{3}|[0-9a-fA-F]{6})$", RegexOptions.CultureInvariant)]
    private static partial Regex HexColorPattern();

    [GeneratedRegex(@"^rgb\(\s*\d{1,3}\s*,\s*\d{1,3}\s*,\s*\d{1,3}\s*\)$", RegexOptions.CultureInvariant)]
    private static partial Regex RgbColorPattern();

    [GeneratedRegex("^[0-9a-fA-F]{24}$", RegexOptions.CultureInvariant)]
    private static partial Regex ObjectIdPattern();
}

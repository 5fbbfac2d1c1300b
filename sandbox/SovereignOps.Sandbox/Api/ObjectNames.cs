using System.Security.Cryptography;
using System.Text.RegularExpressions;

namespace SovereignOps.Sandbox.Api;

/// <summary>Name rules and generateName suffixes as the API server applies them.</summary>
public static partial class ObjectNames
{
    // The same alphabet the API server draws from: no vowels (no accidental words), no confusable digits.
    private const string SuffixAlphabet = "bcdfghjklmnpqrstvwxz2456789";

    public static string Generate(string prefix)
    {
        var trimmed = prefix.Length > 58 ? prefix[..58] : prefix;
        Span<char> suffix = stackalloc char[5];
        for (var i = 0; i < suffix.Length; i++)
        {
            suffix[i] = SuffixAlphabet[RandomNumberGenerator.GetInt32(SuffixAlphabet.Length)];
        }

        return trimmed + new string(suffix);
    }

    /// <summary>Null when the name is valid for the resource, otherwise the reason.</summary>
    public static string? Validate(string name, Registry.ResourceType type)
    {
        if (type.Group == "rbac.authorization.k8s.io")
        {
            // RBAC names are path segments, so "system:controller:x" is allowed.
            return name is "." or ".." || name.Contains('/') || name.Contains('%')
                ? "may not be '.' or '..' and may not contain '/' or '%'"
                : null;
        }

        if (type.Group.Length == 0 && type.Plural is "namespaces" or "services")
        {
            return name.Length <= 63 && DnsLabel().IsMatch(name)
                ? null
                : "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc')";
        }

        return name.Length <= 253 && DnsSubdomain().IsMatch(name)
            ? null
            : "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com')";
    }

    [GeneratedRegex("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$")]
    private static partial Regex DnsLabel();

    [GeneratedRegex("^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$")]
    private static partial Regex DnsSubdomain();
}

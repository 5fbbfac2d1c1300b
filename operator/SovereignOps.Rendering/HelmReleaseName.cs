using System.Security.Cryptography;
using System.Text;

namespace SovereignOps.Rendering;

/// <summary>
/// helm refuses release names longer than 53 characters. The charts never use the release name
/// (objects are named from values), so a longer name is cut and suffixed with a hash to satisfy helm.
/// </summary>
public static class HelmReleaseName
{
    public const int MaxLength = 53;

    public static string From(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (name.Length <= MaxLength)
        {
            return name;
        }

        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(name)))[..8];
        return name[..(MaxLength - 9)].TrimEnd('-') + "-" + hash;
    }
}

using System.Globalization;
using System.Net;

namespace SovereignOps.Planning.Guard;

/// <summary>An IPv4 or IPv6 block, compared bit by bit; host bits after the prefix are ignored.</summary>
public sealed record Cidr(byte[] Address, int PrefixLength)
{
    public static Cidr? TryParse(string? text)
    {
        var slash = text?.IndexOf('/', StringComparison.Ordinal) ?? -1;
        if (text is null || slash < 0
            || !IPAddress.TryParse(text.AsSpan(0, slash), out var address)
            || !int.TryParse(text.AsSpan(slash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var prefix))
        {
            return null;
        }

        var bytes = address.GetAddressBytes();
        return prefix <= bytes.Length * 8 ? new Cidr(bytes, prefix) : null;
    }

    /// <summary>Whether every address of <paramref name="inner"/> is inside this block.</summary>
    public bool Contains(Cidr inner)
    {
        if (inner.Address.Length != Address.Length || inner.PrefixLength < PrefixLength)
        {
            return false;
        }

        var fullBytes = PrefixLength / 8;
        for (var i = 0; i < fullBytes; i++)
        {
            if (Address[i] != inner.Address[i])
            {
                return false;
            }
        }

        var remainingBits = PrefixLength % 8;
        if (remainingBits == 0)
        {
            return true;
        }

        var mask = (byte)(0xFF << (8 - remainingBits));
        return (Address[fullBytes] & mask) == (inner.Address[fullBytes] & mask);
    }
}

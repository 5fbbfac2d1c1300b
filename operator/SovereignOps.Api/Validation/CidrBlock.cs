using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace SovereignOps.Api.Validation;

/// <summary>
/// An IPv4 or IPv6 network written as <c>address/prefix</c>. Host bits after the prefix are ignored, as
/// Kubernetes does for NetworkPolicy ipBlocks, so <c>10.1.2.3/8</c> is the network 10.0.0.0/8.
/// </summary>
public readonly record struct CidrBlock
{
    private readonly byte[] _network;

    private CidrBlock(byte[] network, int prefixLength, AddressFamily family)
    {
        _network = network;
        PrefixLength = prefixLength;
        Family = family;
    }

    public int PrefixLength { get; }

    public AddressFamily Family { get; }

    public static bool TryParse(string? text, out CidrBlock block)
    {
        block = default;
        if (text is null)
        {
            return false;
        }

        var slash = text.IndexOf('/', StringComparison.Ordinal);
        if (slash <= 0
            || !IPAddress.TryParse(text.AsSpan(0, slash), out var address)
            || !int.TryParse(text.AsSpan(slash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var prefix))
        {
            return false;
        }

        var bytes = address.GetAddressBytes();
        if (prefix > bytes.Length * 8)
        {
            return false;
        }

        block = new CidrBlock(Mask(bytes, prefix), prefix, address.AddressFamily);
        return true;
    }

    /// <summary>True when every address of <paramref name="other"/> is inside this network.</summary>
    public bool Contains(CidrBlock other) =>
        other.Family == Family
        && other.PrefixLength >= PrefixLength
        && Mask(other._network, PrefixLength).AsSpan().SequenceEqual(_network);

    /// <summary>True when <paramref name="address"/> is inside this network.</summary>
    public bool Contains(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        return address.AddressFamily == Family && Mask(address.GetAddressBytes(), PrefixLength).AsSpan().SequenceEqual(_network);
    }

    public bool Equals(CidrBlock other) =>
        Family == other.Family && PrefixLength == other.PrefixLength && _network.AsSpan().SequenceEqual(other._network);

    public override int GetHashCode() => HashCode.Combine(Family, PrefixLength, ToString());

    public override string ToString() => _network is null ? string.Empty : $"{new IPAddress(_network)}/{PrefixLength}";

    private static byte[] Mask(byte[] bytes, int prefix)
    {
        var masked = new byte[bytes.Length];
        for (var i = 0; i < bytes.Length; i++)
        {
            var bits = Math.Clamp(prefix - (i * 8), 0, 8);
            masked[i] = (byte)(bytes[i] & (0xFF << (8 - bits)));
        }

        return masked;
    }
}

namespace SovereignOps.Sandbox.Cluster.Kubelet;

/// <summary>
/// Pod IPs from a node's /24 pod CIDR, handed out in turn and reused once free, the way the host-local
/// IPAM plugin does (.1 is the node's bridge; .2 to .254 go to pods).
/// </summary>
internal sealed class PodAddressPool(string prefix)
{
    private const int First = 2;
    private const int Last = 254;

    private readonly Dictionary<string, int> _byPod = new(StringComparer.Ordinal);
    private readonly HashSet<int> _used = [];
    private int _cursor = First;

    /// <summary>The first three octets of the node's pod CIDR, e.g. "10.64.3".</summary>
    public string Prefix { get; } = prefix;

    public string? Allocate(string podUid)
    {
        if (_byPod.TryGetValue(podUid, out var held))
        {
            return Address(held);
        }

        for (var tried = 0; tried <= Last - First; tried++)
        {
            var candidate = _cursor;
            _cursor = _cursor == Last ? First : _cursor + 1;
            if (_used.Add(candidate))
            {
                _byPod[podUid] = candidate;
                return Address(candidate);
            }
        }

        return null;
    }

    public void Release(string podUid)
    {
        if (_byPod.Remove(podUid, out var held))
        {
            _used.Remove(held);
        }
    }

    private string Address(int host) => $"{Prefix}.{host}";

    /// <summary>The pod CIDR of the node with the given index: 10.64.0.0/24, 10.64.1.0/24, … within 10.64.0.0/10.</summary>
    public static string CidrFor(int index) => $"10.{64 + (index / 256)}.{index % 256}.0/24";

    /// <summary>The pool for a /24 CIDR such as "10.64.3.0/24"; null for any other shape.</summary>
    public static PodAddressPool? ForCidr(string cidr)
    {
        var slash = cidr.IndexOf('/', StringComparison.Ordinal);
        if (slash < 0 || cidr[(slash + 1)..] != "24")
        {
            return null;
        }

        var octets = cidr[..slash].Split('.');
        return octets.Length == 4 ? new PodAddressPool(string.Join('.', octets[..3])) : null;
    }
}

namespace SovereignOps.Rendering.Pipeline;

/// <summary>
/// An image reference split the way registries read it: an optional registry host, the repository
/// path, a tag and a digest. The first path component is a registry host when it contains a dot or
/// a colon or is <c>localhost</c>; otherwise the reference names a path on the default registry.
/// </summary>
public sealed record ImageName(string? Host, string Path, string Tag, string Digest)
{
    public static ImageName Parse(string reference)
    {
        var rest = reference;
        var digest = string.Empty;
        var at = rest.IndexOf('@', StringComparison.Ordinal);
        if (at >= 0)
        {
            digest = rest[(at + 1)..];
            rest = rest[..at];
        }

        var tag = string.Empty;
        var colon = rest.LastIndexOf(':');
        if (colon > rest.LastIndexOf('/'))
        {
            tag = rest[(colon + 1)..];
            rest = rest[..colon];
        }

        var slash = rest.IndexOf('/', StringComparison.Ordinal);
        if (slash > 0 && IsHost(rest[..slash]))
        {
            return new ImageName(rest[..slash], rest[(slash + 1)..], tag, digest);
        }

        return new ImageName(null, rest, tag, digest);
    }

    /// <summary>The same image in <paramref name="mirror"/>: the registry host is replaced, the path kept.</summary>
    public ImageName InMirror(string mirror)
    {
        var trimmed = mirror.TrimEnd('/');
        var slash = trimmed.IndexOf('/', StringComparison.Ordinal);
        var (host, prefix) = slash < 0 ? (trimmed, string.Empty) : (trimmed[..slash], trimmed[(slash + 1)..]);
        var full = Host is null ? Path : $"{Host}/{Path}";
        if (full.StartsWith(trimmed + "/", StringComparison.Ordinal))
        {
            return this;
        }

        // Whatever registry the image came from, its path is kept below the mirror's own prefix.
        var path = prefix.Length == 0 ? Path : $"{prefix}/{Path}";
        return new ImageName(host, path, Tag, Digest);
    }

    /// <summary>Host and path: what the charts call the repository.</summary>
    public string Repository => Host is null ? Path : $"{Host}/{Path}";

    public override string ToString() =>
        Repository + (Tag.Length > 0 ? ":" + Tag : string.Empty) + (Digest.Length > 0 ? "@" + Digest : string.Empty);

    private static bool IsHost(string component) =>
        component.Contains('.', StringComparison.Ordinal) || component.Contains(':', StringComparison.Ordinal) || component == "localhost";
}

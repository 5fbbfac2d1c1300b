namespace SovereignOps.Cli.Commands;

/// <summary>
/// The SRE's list of what the in-country registry holds, one image reference per line
/// (<c>registry/repo:tag</c>, <c>registry/repo@sha256:…</c> or both); blank lines and <c>#</c> comments
/// are ignored. A cluster that cannot reach a registry can still be checked against this file.
/// </summary>
public sealed class UpgradeCheckMirrorIndex
{
    private readonly HashSet<string> tags = new(StringComparer.Ordinal);
    private readonly HashSet<string> digests = new(StringComparer.Ordinal);

    private UpgradeCheckMirrorIndex()
    {
    }

    public int Count { get; private set; }

    public static UpgradeCheckMirrorIndex Read(string file)
    {
        var index = new UpgradeCheckMirrorIndex();
        foreach (var raw in File.ReadLines(file))
        {
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var (repository, tag, digest) = Split(line);
            if (tag is not null)
            {
                index.tags.Add($"{repository}:{tag}");
            }

            if (digest is not null)
            {
                index.digests.Add($"{repository}@{digest}");
            }

            index.Count++;
        }

        return index;
    }

    /// <summary>A digest must be present as that digest; a tag-only reference needs the tag.</summary>
    public bool Contains(string reference)
    {
        var (repository, tag, digest) = Split(reference);
        return digest is not null ? digests.Contains($"{repository}@{digest}") : tag is not null && tags.Contains($"{repository}:{tag}");
    }

    /// <summary>repository, tag and digest of a reference; a reference without either means the tag latest.</summary>
    public static (string Repository, string? Tag, string? Digest) Split(string reference)
    {
        var at = reference.IndexOf('@', StringComparison.Ordinal);
        var digest = at >= 0 ? reference[(at + 1)..] : null;
        var name = at >= 0 ? reference[..at] : reference;
        var colon = name.LastIndexOf(':');
        return colon > name.LastIndexOf('/')
            ? (name[..colon], name[(colon + 1)..], digest)
            : (name, digest is null ? "latest" : null, digest);
    }
}

using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace SovereignOps.Rendering.Caching;

/// <summary>
/// SHA-256 over a chart directory's files (relative paths and contents, in ordinal path order).
/// A digest is computed once per directory and reused until the directory's fingerprint (every
/// file's path, size and modification time) changes, so an unchanged chart costs only a directory
/// listing.
/// </summary>
internal sealed class ChartDigests
{
    private readonly ConcurrentDictionary<string, (string Fingerprint, string Digest)> known = new(StringComparer.Ordinal);

    public string DigestOf(string chartDirectory)
    {
        var files = Directory.EnumerateFiles(chartDirectory, "*", SearchOption.AllDirectories)
            .Select(path => (Relative: Path.GetRelativePath(chartDirectory, path).Replace('\\', '/'), Info: new FileInfo(path)))
            .OrderBy(file => file.Relative, StringComparer.Ordinal)
            .ToList();

        var fingerprint = string.Join('\n', files.Select(file =>
            string.Create(CultureInfo.InvariantCulture, $"{file.Relative}\t{file.Info.Length}\t{file.Info.LastWriteTimeUtc.Ticks}")));
        if (known.TryGetValue(chartDirectory, out var cached) && cached.Fingerprint == fingerprint)
        {
            return cached.Digest;
        }

        var digest = Hash(files.Select(file => (file.Relative, file.Info.FullName)));
        known[chartDirectory] = (fingerprint, digest);
        return digest;
    }

    private static string Hash(IEnumerable<(string Relative, string FullName)> files)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var (relative, fullName) in files)
        {
            var content = File.ReadAllBytes(fullName);
            // Path and length frame each file, so moving bytes between files changes the digest.
            hash.AppendData(Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{relative}\0{content.Length}\0")));
            hash.AppendData(content);
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}

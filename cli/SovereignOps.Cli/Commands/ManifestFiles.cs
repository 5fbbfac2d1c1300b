using System.Text;
using SovereignOps.Rendering.Manifests;
using SovereignOps.Rendering.Pipeline;

namespace SovereignOps.Cli.Commands;

/// <summary>
/// Writes rendered manifests one file per object: <c>DIR/&lt;profile&gt;/&lt;namespace&gt;/&lt;kind&gt;-&lt;name&gt;.yaml</c>,
/// with cluster-scoped objects under <c>_cluster</c>. Each profile's folder is written aside and then
/// swapped in whole, so a reader never sees a mix of two renders and files of objects no longer
/// rendered disappear; other folders in DIR are left alone.
/// </summary>
public static class ManifestFiles
{
    public const string ClusterScoped = "_cluster";

    /// <summary>
    /// Relative path and content of every file, in manifest order. Objects are serialised in parallel:
    /// YAML serialisation is the largest cost left once helm has finished.
    /// </summary>
    public static IReadOnlyList<(string Path, string Content)> Layout(ProfileManifest manifest) =>
        manifest.Objects
            .AsParallel()
            .AsOrdered()
            .Select(rendered => (Path.Combine(manifest.Profile, rendered.Namespace ?? ClusterScoped, rendered.FileName), ManifestYaml.Serialize(rendered)))
            .ToList();

    /// <summary>Writes every profile's folder; returns the folders written.</summary>
    public static IReadOnlyList<string> Write(string outDirectory, IReadOnlyList<ProfileManifest> manifests)
    {
        Directory.CreateDirectory(outDirectory);
        var staging = Path.Combine(outDirectory, $".staging-{Guid.NewGuid():N}");
        var retired = Path.Combine(outDirectory, $".retired-{Guid.NewGuid():N}");
        try
        {
            foreach (var manifest in manifests)
            {
                foreach (var (path, content) in Layout(manifest))
                {
                    var file = Path.Combine(staging, path);
                    Directory.CreateDirectory(Path.GetDirectoryName(file)!);
                    File.WriteAllBytes(file, Encoding.UTF8.GetBytes(content));
                }
            }

            var written = new List<string>();
            foreach (var manifest in manifests)
            {
                var target = Path.Combine(outDirectory, manifest.Profile);
                if (Directory.Exists(target))
                {
                    Directory.CreateDirectory(retired);
                    Directory.Move(target, Path.Combine(retired, manifest.Profile));
                }

                Directory.Move(Path.Combine(staging, manifest.Profile), target);
                written.Add(target);
            }

            return written;
        }
        finally
        {
            foreach (var scratch in new[] { staging, retired })
            {
                if (Directory.Exists(scratch))
                {
                    Directory.Delete(scratch, recursive: true);
                }
            }
        }
    }
}

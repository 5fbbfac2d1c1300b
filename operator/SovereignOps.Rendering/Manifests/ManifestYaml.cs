using System.Text;
using System.Text.Json;
using k8s;
using SovereignOps.Api.Yaml;

namespace SovereignOps.Rendering.Manifests;

/// <summary>
/// YAML for rendered objects. The output depends only on the objects: fields in model order, maps
/// in the order the chart rendered them (helm sorts keys), LF line endings. Serialising the same
/// render twice gives the same bytes.
/// </summary>
public static class ManifestYaml
{
    /// <summary>One object as a YAML document (no leading separator), ending in a newline.</summary>
    public static string Serialize(RenderedObject rendered)
    {
        ArgumentNullException.ThrowIfNull(rendered);
        using var json = JsonDocument.Parse(KubernetesJson.Serialize(rendered.Object));
        return YamlWriter.Write(json.RootElement);
    }

    /// <summary>Every object of the manifest as a multi-document YAML stream, each headed by <c>---</c>.</summary>
    public static string Serialize(RenderedManifest manifest)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        var builder = new StringBuilder();
        foreach (var rendered in manifest)
        {
            builder.Append("---\n").Append(Serialize(rendered));
        }

        return builder.ToString();
    }
}

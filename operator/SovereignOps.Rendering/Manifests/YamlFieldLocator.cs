using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace SovereignOps.Rendering.Manifests;

/// <summary>
/// Turns the position where a deserialiser stopped into the path of the field there, e.g.
/// <c>spec.template.spec.containers[0].imagez</c>. The deserialiser reports the start of the
/// offending key (an unknown field) or of the offending value (a wrong type), so the search looks
/// for the node that starts exactly there. Node end marks are not used: YamlDotNet does not set them
/// to the true end of a block mapping.
/// </summary>
internal static class YamlFieldLocator
{
    public static string? PathAt(YamlNode root, Mark position)
    {
        var path = new List<string>();
        return Find(root, position.Index, path) ? Format(path) : null;
    }

    private static bool Find(YamlNode node, long index, List<string> path)
    {
        switch (node)
        {
            case YamlMappingNode mapping:
                foreach (var (key, value) in mapping.Children)
                {
                    path.Add(key is YamlScalarNode scalar ? scalar.Value ?? string.Empty : key.ToString());
                    if (key.Start.Index == index || value.Start.Index == index || Find(value, index, path))
                    {
                        return true;
                    }

                    path.RemoveAt(path.Count - 1);
                }

                return false;

            case YamlSequenceNode sequence:
                for (var item = 0; item < sequence.Children.Count; item++)
                {
                    path.Add("[" + item.ToString(CultureInfo.InvariantCulture) + "]");
                    if (sequence.Children[item].Start.Index == index || Find(sequence.Children[item], index, path))
                    {
                        return true;
                    }

                    path.RemoveAt(path.Count - 1);
                }

                return false;

            default:
                return false;
        }
    }

    private static string Format(List<string> path) =>
        string.Concat(path.Select((segment, position) => position == 0 || segment.StartsWith('[') ? segment : "." + segment));
}

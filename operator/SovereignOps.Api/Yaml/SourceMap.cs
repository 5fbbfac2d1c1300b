namespace SovereignOps.Api.Yaml;

/// <summary>
/// Where each field of one YAML document was written, keyed by <see cref="FieldPath"/>.
/// A mapping entry maps to the position of its key; a list item to the position of the item.
/// Values that came from an alias or a merge key map to the alias or the <c>&lt;&lt;</c> key.
/// </summary>
public sealed class SourceMap
{
    private readonly Dictionary<string, SourcePosition> _positions;

    internal SourceMap(Dictionary<string, SourcePosition> positions, SourcePosition documentStart)
    {
        _positions = positions;
        DocumentStart = documentStart;
    }

    /// <summary>The position where the document's content starts.</summary>
    public SourcePosition DocumentStart { get; }

    public int Count => _positions.Count;

    public IEnumerable<KeyValuePair<string, SourcePosition>> Entries => _positions;

    public bool TryGetPosition(string path, out SourcePosition position) => _positions.TryGetValue(path, out position);

    /// <summary>
    /// The position of <paramref name="path"/>, or of its nearest ancestor that was written in the file
    /// (a missing required field is reported at the object that lacks it), or the document start.
    /// </summary>
    public SourcePosition Locate(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        for (string? current = path; current is not null; current = FieldPath.Parent(current))
        {
            if (_positions.TryGetValue(current, out var position))
            {
                return position;
            }
        }

        return DocumentStart;
    }
}

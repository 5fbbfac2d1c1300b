using System.Text.Json.Nodes;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace SovereignOps.Api.Yaml;

/// <summary>
/// Builds JSON trees from YamlDotNet parser events, enforcing the limits while it reads: nesting depth
/// and the node budget count what aliases expand to, so an alias bomb is stopped at the alias that
/// would cross the budget instead of after memory is gone.
/// </summary>
/// <remarks>
/// Merge keys (<c>&lt;&lt;</c>) are supported because kubectl accepts them: the value must be a mapping
/// or a list of mappings; keys written explicitly in the mapping win over merged ones, and among merged
/// mappings the earlier one wins (the YAML merge-key rules).
/// </remarks>
internal sealed class YamlTreeBuilder
{
    private readonly string _sourceName;
    private readonly YamlLimits _limits;
    private readonly List<YamlError> _errors;
    private readonly List<YamlDocument> _documents = [];
    private readonly List<Frame> _stack = [];
    private readonly Dictionary<string, AnchoredNode> _anchors = new(StringComparer.Ordinal);
    private Dictionary<string, SourcePosition> _positions = new(StringComparer.Ordinal);
    private SourcePosition _rootPosition;
    private JsonNode? _root;
    private int _documentStartLine;
    private int _nodeCount;

    public YamlTreeBuilder(string sourceName, YamlLimits limits, List<YamlError> errors)
    {
        _sourceName = sourceName;
        _limits = limits;
        _errors = errors;
    }

    public IReadOnlyList<YamlDocument> Documents => _documents;

    /// <summary>The position of the last event seen, for reporting failures that carry none.</summary>
    public Mark LastMark { get; private set; } = Mark.Empty;

    /// <summary>Consumes every event; returns false when a fatal error stopped reading.</summary>
    public bool Run(IParser parser)
    {
        while (parser.MoveNext())
        {
            var current = parser.Current!;
            LastMark = current.Start;
            if (!Handle(current))
            {
                return false;
            }
        }

        return true;
    }

    private bool Handle(ParsingEvent parsingEvent)
    {
        switch (parsingEvent)
        {
            case DocumentStart start:
                StartDocument(start);
                return true;
            case DocumentEnd:
                EndDocument();
                return true;
            case Scalar scalar:
                return OnScalar(scalar);
            case AnchorAlias alias:
                return OnAlias(alias);
            case MappingStart mapping:
                return OnCollectionStart(mapping, new JsonObject(), YamlTags.Map, "mapping");
            case SequenceStart sequence:
                return OnCollectionStart(sequence, new JsonArray(), YamlTags.Seq, "sequence");
            case MappingEnd or SequenceEnd:
                OnCollectionEnd();
                return true;
            default:
                return true;
        }
    }

    private void StartDocument(DocumentStart start)
    {
        _anchors.Clear();
        _stack.Clear();
        _positions = new Dictionary<string, SourcePosition>(StringComparer.Ordinal);
        _root = null;
        _nodeCount = 0;
        _documentStartLine = Position(start.Start).Line;
        _rootPosition = Position(start.Start);
    }

    private void EndDocument()
    {
        if (_root is not null)
        {
            _documents.Add(new YamlDocument(_sourceName, _documents.Count, _documentStartLine, _root, new SourceMap(_positions, _rootPosition)));
        }

        _root = null;
    }

    private bool OnScalar(Scalar scalar)
    {
        if (!ScalarResolver.TryResolve(scalar, out var resolved, out var tagError))
        {
            AddError(scalar.Start, tagError!);
        }

        if (Parent is { IsMapping: true, ExpectingValue: false } mapping)
        {
            AcceptKey(mapping, scalar, resolved);
            return true;
        }

        if (resolved.Kind == ScalarKind.Merge)
        {
            resolved = ResolvedScalar.FromString("<<");
        }

        if (!JsonScalarConversion.TryToJson(resolved, scalar.Value, out var node, out var conversionError))
        {
            AddError(scalar.Start, conversionError!);
        }

        if (!CountNodes(1, scalar.Start, alias: null))
        {
            return false;
        }

        var path = BeginChild(scalar.Start);
        if (!scalar.Anchor.IsEmpty)
        {
            _anchors[scalar.Anchor.Value] = new AnchoredNode(node, 1, 0, JsonScalarConversion.ToKeyText(resolved));
        }

        CompleteChild(node, 0, path);
        return true;
    }

    private bool OnAlias(AnchorAlias alias)
    {
        var name = alias.Value.Value;
        _anchors.TryGetValue(name, out var anchored);
        if (Parent is { IsMapping: true, ExpectingValue: false } mapping)
        {
            AcceptAliasKey(mapping, alias, name, anchored);
            return true;
        }

        var path = BeginChild(alias.Start);
        if (anchored is null || !anchored.Complete)
        {
            AddError(alias.Start, anchored is null
                ? $"alias *{name} refers to an anchor &{name} that is not defined before it in this document"
                : $"alias *{name} refers to the node that contains it; recursive structures cannot be represented");
            CompleteChild(null, 0, path);
            return true;
        }

        if (_stack.Count + anchored.Height > _limits.MaxDepth)
        {
            AddError(alias.Start, $"alias *{name} would nest the document deeper than the limit of {_limits.MaxDepth} levels");
            return false;
        }

        if (!CountNodes(anchored.Nodes, alias.Start, name))
        {
            return false;
        }

        CompleteChild(anchored.Value?.DeepClone(), anchored.Height, path);
        return true;
    }

    private bool OnCollectionStart(NodeEvent start, JsonNode collection, string standardTag, string kind)
    {
        if (Parent is { IsMapping: true, ExpectingValue: false })
        {
            AddError(start.Start, $"a {kind} cannot be used as a mapping key; keys must be scalars");
            return false;
        }

        if (!YamlTags.IsCollectionTagAllowed(start.Tag, standardTag))
        {
            AddError(start.Start, $"unsupported tag {YamlTags.Display(start.Tag)} on a {kind}");
        }

        if (_stack.Count + 1 > _limits.MaxDepth)
        {
            AddError(start.Start, $"nesting is deeper than the limit of {_limits.MaxDepth} levels");
            return false;
        }

        var countBefore = _nodeCount;
        if (!CountNodes(1, start.Start, alias: null))
        {
            return false;
        }

        var path = BeginChild(start.Start);
        AnchoredNode? anchored = null;
        if (!start.Anchor.IsEmpty)
        {
            // Registered now, completed at the end: an alias met before then is recursive.
            anchored = new AnchoredNode(null, 0, 0, null) { Complete = false };
            _anchors[start.Anchor.Value] = anchored;
        }

        _stack.Add(new Frame(collection, path, countBefore, anchored));
        return true;
    }

    private void OnCollectionEnd()
    {
        var frame = _stack[^1];
        _stack.RemoveAt(_stack.Count - 1);
        var height = frame.MaxChildHeight + 1;
        if (frame.Anchored is { } anchored)
        {
            anchored.Value = frame.Node;
            anchored.Nodes = _nodeCount - frame.NodeCountBefore;
            anchored.Height = height;
            anchored.Complete = true;
        }

        CompleteChild(frame.Node, height, frame.Path);
    }

    private void AcceptKey(Frame mapping, Scalar scalar, ResolvedScalar resolved)
    {
        mapping.BeginValue(Position(scalar.Start));
        if (!scalar.Anchor.IsEmpty)
        {
            JsonScalarConversion.TryToJson(resolved, scalar.Value, out var keyNode, out _);
            _anchors[scalar.Anchor.Value] = new AnchoredNode(keyNode, 1, 0, JsonScalarConversion.ToKeyText(resolved));
        }

        if (resolved.Kind == ScalarKind.Merge)
        {
            mapping.PendingMerge = true;
            return;
        }

        var key = JsonScalarConversion.ToKeyText(resolved);
        if (key is null)
        {
            AddError(scalar.Start, "a null mapping key cannot be represented in JSON");
            mapping.DiscardValue = true;
            return;
        }

        mapping.PendingKey = key;
    }

    private void AcceptAliasKey(Frame mapping, AnchorAlias alias, string name, AnchoredNode? anchored)
    {
        mapping.BeginValue(Position(alias.Start));
        if (anchored is { Complete: true, KeyText: { } keyText })
        {
            mapping.PendingKey = keyText;
            return;
        }

        AddError(alias.Start, anchored is null
            ? $"alias *{name} refers to an anchor &{name} that is not defined before it in this document"
            : $"alias *{name} cannot be a mapping key: keys must be non-null scalars");
        mapping.DiscardValue = true;
    }

    /// <summary>Computes the path of the value about to be read and records where it was written.</summary>
    private string BeginChild(Mark start)
    {
        var parent = Parent;
        if (parent is null)
        {
            _rootPosition = Position(start);
            _positions[FieldPath.Root] = _rootPosition;
            return FieldPath.Root;
        }

        if (parent.Array is { } array)
        {
            var itemPath = FieldPath.Index(parent.Path, array.Count);
            _positions[itemPath] = Position(start);
            return itemPath;
        }

        if (parent.PendingKey is { } key && !parent.PendingMerge)
        {
            var childPath = FieldPath.Child(parent.Path, key);
            if (parent.HasExplicitKey(key))
            {
                // A duplicate: keep pointing at the first definition.
                _positions.TryAdd(childPath, parent.PendingKeyPosition);
            }
            else
            {
                _positions[childPath] = parent.PendingKeyPosition;
            }

            return childPath;
        }

        return parent.Path;
    }

    private void CompleteChild(JsonNode? node, int height, string path)
    {
        var parent = Parent;
        if (parent is null)
        {
            _root = node;
            return;
        }

        parent.MaxChildHeight = Math.Max(parent.MaxChildHeight, height);
        if (parent.Array is { } array)
        {
            array.Add(node);
            return;
        }

        var mapping = parent.Object!;
        if (parent.DiscardValue)
        {
            // The key was refused; the value is read and dropped.
        }
        else if (parent.PendingMerge)
        {
            Merge(parent, node);
        }
        else
        {
            var key = parent.PendingKey!;
            if (parent.ExplicitKeyLines.TryGetValue(key, out var firstLine))
            {
                AddError(parent.PendingKeyPosition, $"duplicate key \"{key}\" at {path} (first defined at line {firstLine})");
            }
            else
            {
                parent.ExplicitKeyLines[key] = parent.PendingKeyPosition.Line;
                parent.MergedKeys?.Remove(key);
                mapping[key] = node;
            }
        }

        parent.EndValue();
    }

    private void Merge(Frame frame, JsonNode? value)
    {
        var sources = value switch
        {
            JsonObject single => [single],
            JsonArray list when list.All(item => item is JsonObject) => list.Cast<JsonObject>().ToList(),
            _ => null,
        };
        if (sources is null)
        {
            AddError(frame.PendingKeyPosition, "the merge key << needs a mapping, an alias to one, or a list of them");
            return;
        }

        frame.MergedKeys ??= new HashSet<string>(StringComparer.Ordinal);
        foreach (var source in sources)
        {
            foreach (var (key, item) in source)
            {
                if (frame.ExplicitKeyLines.ContainsKey(key) || !frame.MergedKeys.Add(key))
                {
                    continue;
                }

                frame.Object![key] = item?.DeepClone();
                _positions.TryAdd(FieldPath.Child(frame.Path, key), frame.PendingKeyPosition);
            }
        }
    }

    private bool CountNodes(int count, Mark at, string? alias)
    {
        _nodeCount += count;
        if (_nodeCount <= _limits.MaxNodes)
        {
            return true;
        }

        AddError(at, alias is null
            ? $"document has more than {_limits.MaxNodes} nodes"
            : $"alias *{alias} would expand the document past {_limits.MaxNodes} nodes; aliases that multiply content (an alias bomb) are refused");
        return false;
    }

    private Frame? Parent => _stack.Count == 0 ? null : _stack[^1];

    private void AddError(Mark at, string message) => AddError(Position(at), message);

    private void AddError(SourcePosition at, string message) =>
        _errors.Add(new YamlError(_sourceName, at.Line, at.Column, message));

    internal static SourcePosition Position(Mark mark) => new((int)Math.Clamp(mark.Line, 1, int.MaxValue), (int)Math.Clamp(mark.Column, 1, int.MaxValue));

    private sealed class AnchoredNode(JsonNode? value, int nodes, int height, string? keyText)
    {
        public JsonNode? Value { get; set; } = value;

        public int Nodes { get; set; } = nodes;

        public int Height { get; set; } = height;

        public string? KeyText { get; } = keyText;

        public bool Complete { get; set; } = true;
    }

    private sealed class Frame(JsonNode node, string path, int nodeCountBefore, AnchoredNode? anchored)
    {
        private Dictionary<string, int>? _explicitKeyLines;

        public JsonNode Node { get; } = node;

        public JsonObject? Object { get; } = node as JsonObject;

        public JsonArray? Array { get; } = node as JsonArray;

        public bool IsMapping => Object is not null;

        public string Path { get; } = path;

        public int NodeCountBefore { get; } = nodeCountBefore;

        public AnchoredNode? Anchored { get; } = anchored;

        public int MaxChildHeight { get; set; }

        public bool ExpectingValue { get; private set; }

        public string? PendingKey { get; set; }

        public SourcePosition PendingKeyPosition { get; private set; }

        public bool PendingMerge { get; set; }

        public bool DiscardValue { get; set; }

        public Dictionary<string, int> ExplicitKeyLines => _explicitKeyLines ??= new Dictionary<string, int>(StringComparer.Ordinal);

        public HashSet<string>? MergedKeys { get; set; }

        public bool HasExplicitKey(string key) => _explicitKeyLines?.ContainsKey(key) == true;

        public void BeginValue(SourcePosition keyPosition)
        {
            ExpectingValue = true;
            PendingKeyPosition = keyPosition;
        }

        public void EndValue()
        {
            ExpectingValue = false;
            PendingKey = null;
            PendingMerge = false;
            DiscardValue = false;
        }
    }
}

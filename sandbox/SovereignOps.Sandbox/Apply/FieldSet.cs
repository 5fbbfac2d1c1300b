using System.Text.Json.Nodes;

namespace SovereignOps.Sandbox.Apply;

/// <summary>
/// A set of field paths in the managedFields "FieldsV1" shape: a tree whose keys are path elements
/// (<c>f:name</c> a field, <c>k:{"name":"x"}</c> a list item by key, <c>v:"x"</c> a set value) and where
/// a node is a member when it is a leaf or holds a <c>"."</c> entry.
/// </summary>
internal sealed class FieldSet
{
    private readonly SortedDictionary<string, FieldSet> _children = new(StringComparer.Ordinal);

    public bool IsMember { get; set; }

    public bool IsEmpty => !IsMember && _children.Count == 0;

    public IReadOnlyDictionary<string, FieldSet> Children => _children;

    public FieldSet Child(string element)
    {
        if (!_children.TryGetValue(element, out var child))
        {
            child = new FieldSet();
            _children[element] = child;
        }

        return child;
    }

    /// <summary>Every member path, parents before children.</summary>
    public List<FieldPath> Members()
    {
        var result = new List<FieldPath>();
        Collect(FieldPath.Root, result);
        return result;
    }

    public bool Contains(FieldPath path) => Find(path) is { IsMember: true };

    /// <summary>True when the path or anything below it is a member.</summary>
    public bool ContainsAtOrBelow(FieldPath path) => Find(path) is { } node && !node.IsEmpty;

    public void Add(FieldPath path)
    {
        var node = this;
        foreach (var element in path)
        {
            node = node.Child(element);
        }

        node.IsMember = true;
    }

    public void Remove(FieldPath path) => Remove(path, 0);

    public FieldSet Clone()
    {
        var copy = new FieldSet { IsMember = IsMember };
        foreach (var (key, child) in _children)
        {
            copy._children[key] = child.Clone();
        }

        return copy;
    }

    public bool SetEquals(FieldSet other)
    {
        if (IsMember != other.IsMember || _children.Count != other._children.Count)
        {
            return false;
        }

        foreach (var (key, child) in _children)
        {
            if (!other._children.TryGetValue(key, out var theirs) || !child.SetEquals(theirs))
            {
                return false;
            }
        }

        return true;
    }

    public JsonObject ToFieldsV1()
    {
        var obj = new JsonObject();
        if (IsMember && _children.Count > 0)
        {
            obj["."] = new JsonObject();
        }

        foreach (var (key, child) in _children)
        {
            obj[key] = child.ToFieldsV1();
        }

        return obj;
    }

    public static FieldSet FromFieldsV1(JsonObject? fields)
    {
        var set = new FieldSet();
        if (fields is null)
        {
            return set;
        }

        foreach (var (key, value) in fields)
        {
            if (key == ".")
            {
                set.IsMember = true;
                continue;
            }

            var child = FromFieldsV1(value as JsonObject);
            if (child._children.Count == 0)
            {
                child.IsMember = true;
            }

            set._children[key] = child;
        }

        return set;
    }

    private FieldSet? Find(FieldPath path)
    {
        var node = this;
        foreach (var element in path)
        {
            if (!node._children.TryGetValue(element, out node!))
            {
                return null;
            }
        }

        return node;
    }

    private bool Remove(FieldPath path, int depth)
    {
        if (depth == path.Count)
        {
            IsMember = false;
            return IsEmpty;
        }

        if (_children.TryGetValue(path[depth], out var child) && child.Remove(path, depth + 1))
        {
            _children.Remove(path[depth]);
        }

        return IsEmpty;
    }

    private void Collect(FieldPath prefix, List<FieldPath> into)
    {
        foreach (var (key, child) in _children)
        {
            var path = prefix.Append(key);
            if (child.IsMember)
            {
                into.Add(path);
            }

            child.Collect(path, into);
        }
    }
}

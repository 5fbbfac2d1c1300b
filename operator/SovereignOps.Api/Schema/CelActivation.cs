using System.Collections;
using System.Diagnostics.CodeAnalysis;

namespace SovereignOps.Api.Schema;

/// <summary>
/// The variables of one rule evaluation (<c>self</c>, <c>oldSelf</c>). The Cel package first asks its
/// variables for a field selection's whole text (<c>self.spec.replicas</c>) before resolving it step by
/// step, and its step-by-step path is slow; answering dotted paths here makes plain field access cheap.
/// A path that does not resolve is left to the evaluator, so missing fields keep CEL's semantics.
/// </summary>
internal sealed class CelActivation : IDictionary<string, object?>
{
    private readonly object? _self;
    private readonly object? _oldSelf;
    private readonly bool _hasOldSelf;

    public CelActivation(object? self, object? oldSelf, bool hasOldSelf)
    {
        _self = self;
        _oldSelf = oldSelf;
        _hasOldSelf = hasOldSelf;
    }

    public int Count => _hasOldSelf ? 2 : 1;

    public bool IsReadOnly => true;

    public ICollection<string> Keys => _hasOldSelf ? ["self", "oldSelf"] : ["self"];

    public ICollection<object?> Values => _hasOldSelf ? [_self, _oldSelf] : [_self];

    public object? this[string key]
    {
        get => TryGetValue(key, out var value) ? value : throw new KeyNotFoundException(key);
        set => throw new NotSupportedException("rule variables are read-only");
    }

    public bool TryGetValue(string key, [MaybeNullWhen(false)] out object? value)
    {
        value = null;
        var dot = key.IndexOf('.', StringComparison.Ordinal);
        var root = dot < 0 ? key : key[..dot];
        object? current;
        if (root == "self")
        {
            current = _self;
        }
        else if (root == "oldSelf" && _hasOldSelf)
        {
            current = _oldSelf;
        }
        else
        {
            return false;
        }

        while (dot >= 0)
        {
            var next = key.IndexOf('.', dot + 1);
            var field = next < 0 ? key[(dot + 1)..] : key[(dot + 1)..next];
            if (current is not Dictionary<string, object?> map || !Yaml.FieldPath.IsIdentifier(field) || !map.TryGetValue(field, out current))
            {
                return false;
            }

            dot = next;
        }

        value = current;
        return true;
    }

    public bool ContainsKey(string key) => TryGetValue(key, out _);

    public bool Contains(KeyValuePair<string, object?> item) => TryGetValue(item.Key, out var value) && Equals(value, item.Value);

    public void CopyTo(KeyValuePair<string, object?>[] array, int arrayIndex)
    {
        foreach (var pair in this)
        {
            array[arrayIndex++] = pair;
        }
    }

    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator()
    {
        yield return new KeyValuePair<string, object?>("self", _self);
        if (_hasOldSelf)
        {
            yield return new KeyValuePair<string, object?>("oldSelf", _oldSelf);
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public void Add(string key, object? value) => throw new NotSupportedException("rule variables are read-only");

    public void Add(KeyValuePair<string, object?> item) => throw new NotSupportedException("rule variables are read-only");

    public bool Remove(string key) => throw new NotSupportedException("rule variables are read-only");

    public bool Remove(KeyValuePair<string, object?> item) => throw new NotSupportedException("rule variables are read-only");

    public void Clear() => throw new NotSupportedException("rule variables are read-only");
}

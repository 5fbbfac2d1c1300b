using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;

namespace SovereignOps.Runtime.Client;

/// <summary>
/// One shared copy of each short string read from the API. Cached objects repeat the same label keys,
/// label values, kinds, API versions, condition types and container settings thousands of times; read
/// naively, each object holds its own copies, and at scale those copies are the largest part of the
/// informer caches (<c>app.kubernetes.io/instance</c> alone was 19,000 strings in a 9,000-object fleet).
/// </summary>
/// <remarks>
/// Lookups decode into a stack buffer and probe the pool without allocating, so a repeated value costs no
/// allocation at all. Only strings up to <see cref="MaxLength"/> characters are pooled (long ones are
/// rarely repeated). The pool is bounded: once it holds <see cref="Capacity"/> strings it starts over,
/// which bounds what values that were seen once (resource versions, uids) can keep alive.
/// </remarks>
public sealed class StringPool
{
    public const int MaxLength = 96;

    private readonly ConcurrentDictionary<string, string> _strings = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    // Kept apart from the dictionary, whose own Count takes every one of its locks.
    private int _count;

    public StringPool(int capacity = 65_536)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(capacity);
        Capacity = capacity;
        _lookup = _strings.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>The pool every API read of the runtime shares.</summary>
    public static StringPool Shared { get; } = new();

    public int Capacity { get; }

    public int Count => Volatile.Read(ref _count);

    /// <summary>The pooled copy of <paramref name="text"/>.</summary>
    public string Get(ReadOnlySpan<char> text)
    {
        if (text.Length > MaxLength)
        {
            return text.ToString();
        }

        if (_lookup.TryGetValue(text, out var pooled))
        {
            return pooled;
        }

        if (Volatile.Read(ref _count) >= Capacity)
        {
            _strings.Clear();
            Volatile.Write(ref _count, 0);
        }

        var created = text.ToString();
        if (_strings.TryAdd(created, created))
        {
            Interlocked.Increment(ref _count);
            return created;
        }

        return _strings.GetValueOrDefault(created, created);
    }

    /// <summary>The string token the reader is on, pooled when it is short enough.</summary>
    public string Read(ref Utf8JsonReader reader)
    {
        if (reader.TokenType is not (JsonTokenType.String or JsonTokenType.PropertyName)
            || reader.ValueIsEscaped
            || reader.HasValueSequence
            || reader.ValueSpan.Length > MaxLength)
        {
            // Escaped, split or long values, and the token-type error, take the reader's own path.
            return reader.GetString()!;
        }

        var utf8 = reader.ValueSpan;
        Span<char> chars = stackalloc char[MaxLength];
        var length = Encoding.UTF8.GetChars(utf8, chars);
        return Get(chars[..length]);
    }
}

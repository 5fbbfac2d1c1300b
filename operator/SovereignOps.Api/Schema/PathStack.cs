using System.Text;
using SovereignOps.Api.Yaml;

namespace SovereignOps.Api.Schema;

/// <summary>
/// The path of the value being validated, kept as a stack of segments and only turned into a
/// <see cref="FieldPath"/> string when a violation is reported, so valid input allocates no paths.
/// </summary>
internal sealed class PathStack
{
    private (string? Name, int Index)[] _segments = new (string?, int)[16];
    private int _count;

    public int Depth => _count;

    public void PushName(string name) => Push((name, -1));

    public void PushIndex(int index) => Push((null, index));

    public void Pop() => _count--;

    /// <summary>Drops segments pushed since the stack had <paramref name="depth"/> of them.</summary>
    public void TruncateTo(int depth) => _count = depth;

    public override string ToString()
    {
        if (_count == 0)
        {
            return FieldPath.Root;
        }

        var builder = new StringBuilder();
        for (var i = 0; i < _count; i++)
        {
            var (name, index) = _segments[i];
            if (name is not null)
            {
                FieldPath.AppendChild(builder, name);
            }
            else
            {
                FieldPath.AppendIndex(builder, index);
            }
        }

        return builder.ToString();
    }

    private void Push((string?, int) segment)
    {
        if (_count == _segments.Length)
        {
            Array.Resize(ref _segments, _segments.Length * 2);
        }

        _segments[_count++] = segment;
    }
}

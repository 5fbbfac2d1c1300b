using System.Buffers;
using System.Text;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace SovereignOps.Api.Yaml;

/// <summary>
/// Turns a scalar event into its value: quoted and block scalars are strings, plain scalars are
/// resolved like go-yaml v2, and the standard tags (<c>!!str</c>, <c>!!int</c>, <c>!!float</c>,
/// <c>!!bool</c>, <c>!!null</c>, <c>!!binary</c>, <c>!!timestamp</c>) force or check the type.
/// </summary>
internal static class ScalarResolver
{
    /// <summary>Resolves <paramref name="scalar"/>; on failure returns false with a message for the user.</summary>
    public static bool TryResolve(Scalar scalar, out ResolvedScalar value, out string? error)
    {
        error = null;
        var tag = scalar.Tag;
        var text = scalar.Value;
        if (tag.IsEmpty)
        {
            value = scalar.Style == ScalarStyle.Plain ? PlainScalarResolver.Resolve(text) : ResolvedScalar.FromString(text);
            return true;
        }

        if (tag.IsNonSpecific)
        {
            value = ResolvedScalar.FromString(text);
            return true;
        }

        switch (tag.Value)
        {
            case YamlTags.Str:
            case YamlTags.Timestamp:
                value = ResolvedScalar.FromString(text);
                return true;
            case YamlTags.Binary:
                return TryDecodeBinary(text, out value, out error);
            case YamlTags.Int:
                return Expect(text, tag, r => r.Kind is ScalarKind.Int or ScalarKind.UInt, r => r, out value, out error);
            case YamlTags.Float:
                return Expect(
                    text,
                    tag,
                    r => r.IsNumber,
                    r => r.Kind switch
                    {
                        ScalarKind.Int => ResolvedScalar.FromFloat(r.Int),
                        ScalarKind.UInt => ResolvedScalar.FromFloat(r.UInt),
                        _ => r,
                    },
                    out value,
                    out error);
            case YamlTags.Bool:
                return Expect(text, tag, r => r.Kind == ScalarKind.Bool, r => r, out value, out error);
            case YamlTags.Null:
                return Expect(text, tag, r => r.Kind == ScalarKind.Null, r => r, out value, out error);
            case YamlTags.Merge when text == "<<":
                value = ResolvedScalar.Merge;
                return true;
            default:
                value = ResolvedScalar.FromString(text);
                error = $"unsupported tag {YamlTags.Display(tag)}: only the standard tags (!!str, !!int, !!float, !!bool, !!null, !!binary, !!timestamp) are understood";
                return false;
        }
    }

    private static bool Expect(
        string text,
        TagName tag,
        Func<ResolvedScalar, bool> accepts,
        Func<ResolvedScalar, ResolvedScalar> convert,
        out ResolvedScalar value,
        out string? error)
    {
        var resolved = PlainScalarResolver.Resolve(text);
        if (accepts(resolved))
        {
            value = convert(resolved);
            error = null;
            return true;
        }

        value = ResolvedScalar.FromString(text);
        error = $"cannot read \"{Shorten(text)}\" as {YamlTags.Display(tag)}";
        return false;
    }

    private static bool TryDecodeBinary(string text, out ResolvedScalar value, out string? error)
    {
        value = ResolvedScalar.FromString(text);
        var compact = new string(text.Where(c => !char.IsWhiteSpace(c)).ToArray());
        var buffer = new byte[((compact.Length + 3) / 4) * 3];
        if (!Convert.TryFromBase64String(compact, buffer, out var written))
        {
            error = "!!binary value is not valid base64";
            return false;
        }

        if (System.Text.Unicode.Utf8.ToUtf16(buffer.AsSpan(0, written), new char[written], out _, out _, replaceInvalidSequences: false) != OperationStatus.Done)
        {
            error = "!!binary value does not decode to UTF-8 text, so it cannot be carried in JSON";
            return false;
        }

        value = ResolvedScalar.FromString(Encoding.UTF8.GetString(buffer, 0, written));
        error = null;
        return true;
    }

    internal static string Shorten(string text) => text.Length <= 40 ? text : text[..37] + "...";
}

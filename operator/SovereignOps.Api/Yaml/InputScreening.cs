using System.Buffers;
using System.Text.Unicode;

namespace SovereignOps.Api.Yaml;

/// <summary>
/// Checks raw input before the YAML parser sees it: size, strict UTF-8, no byte-order mark past the
/// start, and none of the control characters YAML forbids (go-yaml refuses them too).
/// </summary>
internal static class InputScreening
{
    private const char ByteOrderMark = '\uFEFF';

    public static bool TryDecode(ReadOnlySpan<byte> utf8, string sourceName, YamlLimits limits, out string text, out YamlError? error)
    {
        text = string.Empty;
        if (utf8.Length > limits.MaxInputBytes)
        {
            error = TooLarge(sourceName, utf8.Length, limits, exact: true);
            return false;
        }

        if (utf8.StartsWith("\uFEFF"u8))
        {
            utf8 = utf8[3..];
        }

        var chars = new char[utf8.Length];
        var status = Utf8.ToUtf16(utf8, chars, out var bytesRead, out var charsWritten, replaceInvalidSequences: false);
        if (status != OperationStatus.Done)
        {
            var (line, column) = LineAndColumn(utf8[..bytesRead]);
            error = new YamlError(sourceName, line, column, $"input is not valid UTF-8 (invalid byte 0x{utf8[bytesRead]:X2} at byte offset {bytesRead})");
            return false;
        }

        text = new string(chars, 0, charsWritten);
        return TryCheckCharacters(text, sourceName, out error);
    }

    public static bool TryScreen(string input, string sourceName, YamlLimits limits, out string text, out YamlError? error)
    {
        text = input.Length > 0 && input[0] == ByteOrderMark ? input[1..] : input;
        long bytes = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                bytes += 4;
                i++;
            }
            else if (char.IsSurrogate(c))
            {
                var (line, column) = LineAndColumn(text, i);
                error = new YamlError(sourceName, line, column, "input is not valid Unicode (unpaired surrogate), so it cannot be UTF-8");
                return false;
            }
            else
            {
                bytes += c < 0x80 ? 1 : c < 0x800 ? 2 : 3;
            }

            if (bytes > limits.MaxInputBytes)
            {
                error = TooLarge(sourceName, bytes, limits, exact: false);
                return false;
            }
        }

        return TryCheckCharacters(text, sourceName, out error);
    }

    private static bool TryCheckCharacters(string text, string sourceName, out YamlError? error)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            string? problem = c switch
            {
                ByteOrderMark => "a byte-order mark (U+FEFF) is only allowed at the start of the input",
                '\t' or '\n' or '\r' or '\u0085' => null,
                < ' ' or (>= '\u007F' and <= '\u009F') or '\uFFFE' or '\uFFFF' => $"control character U+{(int)c:X4} is not allowed in YAML",
                _ => null,
            };
            if (problem is not null)
            {
                var (line, column) = LineAndColumn(text, i);
                error = new YamlError(sourceName, line, column, problem);
                return false;
            }
        }

        error = null;
        return true;
    }

    private static YamlError TooLarge(string sourceName, long bytes, YamlLimits limits, bool exact) =>
        new(sourceName, 1, 1, exact
            ? $"input is {bytes} bytes, larger than the limit of {limits.MaxInputBytes} bytes"
            : $"input is larger than the limit of {limits.MaxInputBytes} bytes");

    private static (int Line, int Column) LineAndColumn(ReadOnlySpan<byte> before)
    {
        var line = before.Count((byte)'\n') + 1;
        var lastNewline = before.LastIndexOf((byte)'\n');
        return (line, before.Length - lastNewline);
    }

    private static (int Line, int Column) LineAndColumn(string text, int index)
    {
        var before = text.AsSpan(0, index);
        var line = before.Count('\n') + 1;
        var lastNewline = before.LastIndexOf('\n');
        return (line, index - lastNewline);
    }
}

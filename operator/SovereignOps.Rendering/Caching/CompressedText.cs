using System.IO.Compression;
using System.Text;

namespace SovereignOps.Rendering.Caching;

/// <summary>
/// Text kept Brotli-compressed (fastest level). Helm output is repetitive YAML that shrinks four- to
/// tenfold, so a cache sized for every chart of a large fleet stays small; expanding one render
/// takes a fraction of a millisecond, far below parsing it. The operator keeps each customer's desired
/// objects as compressed JSON the same way.
/// </summary>
public sealed class CompressedText
{
    private readonly byte[] compressed;
    private readonly int length;

    private CompressedText(byte[] compressed, int length)
    {
        this.compressed = compressed;
        this.length = length;
    }

    /// <summary>Bytes held.</summary>
    public int Size => compressed.Length;

    public static CompressedText From(string text) => FromUtf8(Encoding.UTF8.GetBytes(text));

    public static CompressedText FromUtf8(ReadOnlySpan<byte> utf8)
    {
        var buffer = new byte[BrotliEncoder.GetMaxCompressedLength(utf8.Length)];
        if (!BrotliEncoder.TryCompress(utf8, buffer, out var written, quality: 1, window: 22))
        {
            throw new InvalidOperationException("Brotli could not compress the text into a buffer of its maximum compressed length");
        }

        return new CompressedText(buffer[..written], utf8.Length);
    }

    public override string ToString() => Encoding.UTF8.GetString(Utf8());

    /// <summary>The text as UTF-8.</summary>
    public byte[] Utf8()
    {
        var utf8 = new byte[length];
        if (!BrotliDecoder.TryDecompress(compressed, utf8, out var written) || written != length)
        {
            throw new InvalidOperationException("compressed text could not be expanded");
        }

        return utf8;
    }
}

using System.Buffers;
using System.Buffers.Binary;

namespace Parallax.Fits.Compression;

/// <summary>
/// PLIO_1 decoding and encoding: IRAF's line-list encoding of masks, 16-bit words (a 1PI column). After a
/// header (3 words in the old format, whose third word is the list length; 7 in the new one,
/// with the header length in word 1 and the list length in words 3 and 4) each word holds a
/// 4-bit opcode and 12 bits of data. A "current value" starts at 1:
/// 0 zeros ×data · 1 value = next word × 4096 + data · 2/3 value ± data ·
/// 4 value ×data · 5 zeros ×(data−1) then the value · 6/7 value ± data, then one pixel of it.
/// Pixels after the list are zero.
/// </summary>
/// <remarks>
/// Values are non-negative and below 2²⁴. CFITSIO stores unsigned 16-bit images (BZERO 32768)
/// offset by +32768 in PLIO tiles; undoing that belongs to the image layer, not to this codec.
/// </remarks>
internal static class PlioCodec
{
    private const string Codec = "PLIO_1";

    /// <summary>Encodes a tile's pixels (0 ≤ v &lt; 2²⁴) into the big-endian words of its heap entry; see <see cref="PlioEncoder"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A value outside 0 ≤ v &lt; 2²⁴.</exception>
    public static byte[] Encode(ReadOnlySpan<int> pixels) => PlioEncoder.EncodeToBytes(pixels);

    /// <summary>Decodes a tile from its heap bytes (big-endian 16-bit words).</summary>
    /// <exception cref="FitsFormatException">An odd byte count or a corrupt line list.</exception>
    public static void Decode(ReadOnlySpan<byte> src, Span<int> dst)
    {
        if (src.Length % 2 != 0) throw CorruptTile.Error(Codec, $"{src.Length} bytes are not whole 16-bit words");
        var count = src.Length / 2;
        var rented = ArrayPool<short>.Shared.Rent(Math.Max(1, count));
        try
        {
            var words = rented.AsSpan(0, count);
            for (var i = 0; i < count; i++) words[i] = BinaryPrimitives.ReadInt16BigEndian(src[(2 * i)..]);
            Decode((ReadOnlySpan<short>)words, dst);
        }
        finally
        {
            ArrayPool<short>.Shared.Return(rented);
        }
    }

    /// <summary>Decodes a tile from its line-list words.</summary>
    /// <exception cref="FitsFormatException">A line list shorter than its header says, or a value word missing.</exception>
    public static void Decode(ReadOnlySpan<short> words, Span<int> dst)
    {
        var npix = dst.Length;
        if (words.Length < 3) throw CorruptTile.Error(Codec, $"{words.Length} words are too few for a line-list header");
        int length, first;
        if (words[2] > 0)
        {
            length = words[2];
            first = 3;
        }
        else
        {
            if (words.Length < 5) throw CorruptTile.Error(Codec, $"{words.Length} words are too few for a new-format line-list header");
            length = (words[4] << 15) + words[3];
            first = words[1];
        }
        if (length > words.Length)
            throw CorruptTile.Error(Codec, $"the line list claims {length} words but the tile holds {words.Length}");
        if (first < 0) throw CorruptTile.Error(Codec, $"the line list starts at word {first}");

        var written = 0;        // pixels output so far (the output index)
        var x1 = 1;             // one-based position of the next pixel
        var value = 1;
        for (var ip = first; ip < length && x1 <= npix; ip++)
        {
            int word = words[ip];
            var opcode = word / 4096;          // C division: a negative word gives opcode 0 or below, as in IRAF's C
            var data = word & 4095;
            switch (opcode)
            {
                case 0:
                case 4:
                case 5:
                {
                    var x2 = x1 + data - 1;
                    var last = Math.Min(x2, npix);
                    var n = last - x1 + 1;
                    if (n > 0)
                    {
                        var run = dst.Slice(written, n);
                        if (opcode == 4) run.Fill(value);
                        else
                        {
                            run.Clear();
                            if (opcode == 5 && last == x2) run[^1] = value;
                        }
                        written += n;
                    }
                    x1 = x2 + 1;
                    break;
                }
                case 1:
                    if (ip + 1 >= words.Length) throw CorruptTile.Error(Codec, $"the value word after word {ip} is missing");
                    value = (words[ip + 1] << 12) + data;
                    ip++;
                    break;
                case 2:
                    value += data;
                    break;
                case 3:
                    value -= data;
                    break;
                case 6:
                case 7:
                    value += opcode == 6 ? data : -data;
                    dst[written++] = value;
                    x1++;
                    break;
                default:
                    break;  // words with the top bit set carry no IRAF opcode; the reference decoder skips them
            }
        }
        dst[written..].Clear();
    }
}

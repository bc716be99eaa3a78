using System.Buffers;

namespace Parallax.Fits.Compression;

/// <summary>
/// Writes PLIO_1 line lists as CFITSIO's pl_p2li does (new 7-word header), so tiles are
/// word-for-word those of fpack — except in the one case where that encoder is wrong: a zero
/// run of exactly a multiple of 4095 pixels followed by a single pixel. It folds the pixel into
/// the last zero word as "4095 zeros then one pixel", which overflows the 12-bit count into the
/// opcode (fpack -p then funpack loses that tile's pixels). Here the pixel gets its own run word.
/// </summary>
internal static class PlioEncoder
{
    /// <summary>Largest value a line list holds (values are 0 ≤ v &lt; 2²⁴).</summary>
    public const int MaxValue = (1 << 24) - 1;

    private const int HeaderWords = 7;

    /// <summary>Encodes a tile's pixels into line-list words.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A value outside 0 ≤ v &lt; 2²⁴.</exception>
    public static short[] Encode(ReadOnlySpan<int> pixels)
    {
        foreach (var v in pixels)
            if ((uint)v > MaxValue) throw new ArgumentOutOfRangeException(nameof(pixels), v, "PLIO_1 holds values from 0 to 2^24 - 1 only");
        // at worst a pixel costs a two-word value change and a one-word run
        var buffer = ArrayPool<short>.Shared.Rent(HeaderWords + 3 * pixels.Length + 1);
        try
        {
            var count = Encode(pixels, buffer);
            return buffer.AsSpan(0, count).ToArray();
        }
        finally
        {
            ArrayPool<short>.Shared.Return(buffer);
        }
    }

    /// <summary>Encodes into the big-endian bytes of the tile's 1PI heap entry.</summary>
    public static byte[] EncodeToBytes(ReadOnlySpan<int> pixels) => ToBigEndian(Encode(pixels));

    private static int Encode(ReadOnlySpan<int> px, Span<short> w)
    {
        w[..HeaderWords].Clear();
        w[1] = HeaderWords;        // where the list starts
        w[2] = -100;               // marks the new header format
        var op = HeaderWords;
        var n = px.Length;
        if (n > 0)
        {
            int pv = px[0], x1 = 0, zerosFrom = 0, hi = 1, nv = 0;
            for (var ip = 0; ip < n; ip++)
            {
                if (ip < n - 1)
                {
                    nv = px[ip + 1];
                    if (nv == pv) continue;
                    if (pv == 0)
                    {
                        // a non-zero run starts after zeros; the zeros are written with it
                        pv = nv;
                        x1 = ip + 1;
                        continue;
                    }
                }
                else if (pv == 0)
                {
                    x1 = n;
                }

                // write the run [x1, ip] of value pv, preceded by the zeros [zerosFrom, x1)
                var np = ip - x1 + 1;
                var nz = x1 - zerosFrom;
                var done = false;
                if (pv > 0 && pv != hi)
                {
                    var dv = pv - hi;
                    hi = pv;
                    if (Math.Abs(dv) > 4095)
                    {
                        w[op++] = (short)((pv & 4095) + 0x1000);        // 1: value = next word × 4096 + data
                        w[op++] = (short)(pv / 4096);
                    }
                    else
                    {
                        w[op++] = (short)(dv < 0 ? 0x3000 - dv : 0x2000 + dv);   // 3/2: value −/+ data
                        if (np == 1 && nz == 0)
                        {
                            w[op - 1] |= 0x4000;                         // 7/6: change and write one pixel
                            done = true;
                        }
                    }
                }
                if (!done && nz > 0)
                {
                    for (; nz > 0; nz -= 4095) w[op++] = (short)Math.Min(4095, nz);   // 0: zeros
                    if (np == 1 && pv > 0 && w[op - 1] < 4095)
                    {
                        w[op - 1] += 0x5001;                             // 5: (data − 1) zeros then one pixel
                        done = true;
                    }
                }
                if (!done)
                    for (; np > 0; np -= 4095) w[op++] = (short)(0x4000 + Math.Min(4095, np));   // 4: run of value
                x1 = ip + 1;
                zerosFrom = x1;
                pv = nv;
            }
        }
        w[3] = (short)(op % 32768);
        w[4] = (short)(op / 32768);
        return op;
    }

    private static byte[] ToBigEndian(short[] words)
    {
        var bytes = new byte[2 * words.Length];
        BigEndianValues.Write(words, bytes);
        return bytes;
    }
}

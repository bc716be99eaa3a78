using System.Buffers;
using System.Numerics;

namespace Parallax.Fits.Compression;

/// <summary>
/// Writes the RICE_1 bitstream exactly as CFITSIO's fits_rcomp, fits_rcomp_short and
/// fits_rcomp_byte do, so a tile compressed here is byte-identical to fpack's. The choice of
/// split level per block (from the block's mean mapped difference, with C's integer
/// truncations) is what makes the bytes identical, not just decodable.
/// </summary>
internal static class RiceEncoder
{
    /// <summary>Encodes pixels given as int (only the low BBITS bits count); returns the bytes written.</summary>
    /// <exception cref="ArgumentException"><paramref name="dst"/> is shorter than <see cref="RiceCodec.MaxEncodedLength"/>.</exception>
    public static int Encode<TWidth>(ReadOnlySpan<int> src, int blockSize, Span<byte> dst)
        where TWidth : struct, IRiceWidth
    {
        var count = src.Length;
        if (count == 0) return 0;
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(blockSize);
        var bytePix = TWidth.BBits / 8;
        var needed = RiceCodec.MaxEncodedLength(count, bytePix, blockSize);
        if (dst.Length < needed)
            throw new ArgumentException($"the destination holds {dst.Length} bytes; Rice coding {count} pixels may need {needed}", nameof(dst));

        int fsBits = TWidth.FsBits, fsMax = TWidth.FsMax, bBits = TWidth.BBits;
        var writer = new RiceBitWriter(dst);
        writer.Write((uint)src[0], bBits);

        var rented = blockSize > 1024 ? ArrayPool<uint>.Shared.Rent(blockSize) : null;
        var mapped = rented is null ? stackalloc uint[blockSize] : rented.AsSpan(0, blockSize);
        try
        {
            var last = src[0];
            for (var i = 0; i < count; i += blockSize)
            {
                var thisBlock = Math.Min(blockSize, count - i);
                var sum = 0.0;
                for (var j = 0; j < thisBlock; j++)
                {
                    var next = src[i + j];
                    var difference = TWidth.Narrow(next - last);
                    var value = (uint)((difference << 1) ^ (difference >> 31));
                    mapped[j] = value;
                    sum += value;
                    last = next;
                }

                // C: dpsum = (pixelsum - (thisblock/2) - 1)/thisblock, with integer thisblock/2
                var mean = (sum - thisBlock / 2 - 1) / thisBlock;
                if (mean < 0) mean = 0;
                var fs = 32 - BitOperations.LeadingZeroCount(TWidth.HalfMean(mean));

                if (fs >= fsMax)
                {
                    writer.Write((uint)(fsMax + 1), fsBits);
                    for (var j = 0; j < thisBlock; j++) writer.Write(mapped[j], bBits);
                }
                else if (fs == 0 && sum == 0)
                {
                    writer.Write(0, fsBits);
                }
                else
                {
                    writer.Write((uint)(fs + 1), fsBits);
                    for (var j = 0; j < thisBlock; j++)
                    {
                        var value = mapped[j];
                        writer.WriteUnary(value >> fs);
                        if (fs > 0) writer.Write(value, fs);
                    }
                }
            }
        }
        finally
        {
            if (rented is not null) ArrayPool<uint>.Shared.Return(rented);
        }
        return writer.Finish();
    }
}

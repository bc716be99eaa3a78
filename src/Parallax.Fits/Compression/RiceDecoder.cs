using System.Buffers.Binary;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Parallax.Fits.Compression;

/// <summary>
/// Decodes the RICE_1 bitstream: the first pixel raw in BBITS bits, then per block of
/// BLOCKSIZE pixels an FSBITS code: 0 = all differences zero (low entropy), FSMAX+1 = raw
/// BBITS-bit mapped differences (high entropy), otherwise split level fs = code − 1 and each
/// mapped difference as a unary quotient (zeros ended by a one) followed by fs low bits.
/// Mapped differences are zig-zag coded (0, −1, 1, −2 … → 0, 1, 2, 3 …) and wrap at the pixel width.
/// </summary>
/// <remarks>
/// Reads through a 64-bit bit buffer refilled with unaligned 8-byte loads, so a pixel costs a
/// leading-zero count and a few shifts. Reading past the input yields zeros and is bounded: a
/// block that ends beyond the data, or a run of zeros into the padding, throws
/// <see cref="FitsFormatException"/> rather than reading further.
/// </remarks>
internal static class RiceDecoder
{
    private const string Codec = "RICE_1";

    /// <summary>Decodes into pixels of the coded width (byte for BYTEPIX 1, short for 2, int for 4) or sign/zero-extends into int.</summary>
    public static void Decode<TWidth, TPixel>(ReadOnlySpan<byte> src, Span<TPixel> dst, int blockSize)
        where TWidth : struct, IRiceWidth
        where TPixel : unmanaged
    {
        var count = dst.Length;
        if (count == 0) return;
        if (blockSize <= 0) throw CorruptTile.Error(Codec, $"BLOCKSIZE {blockSize} is not positive");
        int fsBits = TWidth.FsBits, fsMax = TWidth.FsMax, bBits = TWidth.BBits;
        if (src.Length < bBits / 8 + 1)
            throw CorruptTile.Error(Codec, $"{src.Length} bytes are too few to hold {count} pixels");

        ref var source = ref MemoryMarshal.GetReference(src);
        var length = src.Length;
        var totalBits = (long)length * 8;
        ref var target = ref MemoryMarshal.GetReference(dst);

        // the bit reader: the next bits of the stream, most significant first; at least `avail`
        // of them are valid (the bits below are the stream's following bits, or zero)
        ulong bits = 0;
        var avail = 0;
        long next = 0;
        Refill(ref source, length, ref bits, ref avail, ref next);
        var last = (uint)(bits >> (64 - bBits));
        bits <<= bBits;
        avail -= bBits;

        var i = 0;
        while (i < count)
        {
            Refill(ref source, length, ref bits, ref avail, ref next);
            var fs = (int)(bits >> (64 - fsBits)) - 1;
            bits <<= fsBits;
            avail -= fsBits;
            var end = count - i > blockSize ? i + blockSize : count;
            if (fs < 0)
            {
                for (; i < end; i++) Store<TWidth, TPixel>(ref Unsafe.Add(ref target, i), last);
            }
            else if (fs == fsMax)
            {
                for (; i < end; i++)
                {
                    Refill(ref source, length, ref bits, ref avail, ref next);
                    var mapped = (uint)(bits >> (64 - bBits));
                    bits <<= bBits;
                    avail -= bBits;
                    last += Unmap(mapped);
                    Store<TWidth, TPixel>(ref Unsafe.Add(ref target, i), last);
                }
            }
            else if (fs > fsMax)
            {
                throw CorruptTile.Error(Codec, $"block code {fs + 1} at pixel {i} is above the largest valid code {fsMax + 1}");
            }
            else
            {
                for (; i < end; i++)
                {
                    Refill(ref source, length, ref bits, ref avail, ref next);
                    var zeros = BitOperations.LeadingZeroCount(bits);
                    uint quotient = 0;
                    while (zeros > 32)
                    {
                        // a unary run longer than the reader holds: only corrupt or padded data get here
                        bits <<= 32;
                        avail -= 32;
                        quotient += 32;
                        Refill(ref source, length, ref bits, ref avail, ref next);
                        if (next * 8 - avail > totalBits) throw EndOfData(i, count);
                        zeros = BitOperations.LeadingZeroCount(bits);
                    }
                    // zeros + 1 + fs <= 32 + 1 + 24 <= 57 <= avail: all from the reader
                    quotient += (uint)zeros;
                    bits = bits << zeros << 1;
                    var low = (uint)((bits >> 1) >> (63 - fs));
                    bits <<= fs;
                    avail -= zeros + 1 + fs;
                    last += Unmap((quotient << fs) | low);
                    Store<TWidth, TPixel>(ref Unsafe.Add(ref target, i), last);
                }
            }
            if (next * 8 - avail > totalBits) throw EndOfData(i, count);
        }
    }

    /// <summary>
    /// Tops the reader up to at least 57 valid bits. Fast path: one unaligned 8-byte load OR-ed in
    /// (bits already there are the same stream bits, so OR is harmless); near the end byte by
    /// byte, with zeros past the input so that reading on is bounded by the callers' checks.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Refill(ref byte source, int length, ref ulong bits, ref int avail, ref long next)
    {
        if (avail > 56) return;
        if ((ulong)next + 8 <= (ulong)length)
        {
            var word = BinaryPrimitives.ReadUInt64BigEndian(MemoryMarshal.CreateReadOnlySpan(ref Unsafe.Add(ref source, (nint)next), 8));
            bits |= word >> avail;
            next += (63 - avail) >> 3;
            avail |= 56;
        }
        else
        {
            RefillTail(ref source, length, ref bits, ref avail, ref next);
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void RefillTail(ref byte source, int length, ref ulong bits, ref int avail, ref long next)
    {
        while (avail <= 56)
        {
            ulong value = (ulong)next < (ulong)length ? Unsafe.Add(ref source, (nint)next) : 0u;
            bits |= value << (56 - avail);
            next++;
            avail += 8;
        }
    }

    private static FitsFormatException EndOfData(int pixel, int count)
        => CorruptTile.Error(Codec, $"the compressed data end before pixel {pixel} of {count}");

    /// <summary>Undoes the zig-zag mapping; the sum with the previous pixel wraps at the pixel width.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint Unmap(uint mapped) => (mapped >> 1) ^ (0u - (mapped & 1));   // branch-free: noise makes the sign unpredictable

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Store<TWidth, TPixel>(ref TPixel slot, uint value)
        where TWidth : struct, IRiceWidth
        where TPixel : unmanaged
    {
        if (typeof(TPixel) == typeof(byte)) Unsafe.As<TPixel, byte>(ref slot) = (byte)value;
        else if (typeof(TPixel) == typeof(short)) Unsafe.As<TPixel, short>(ref slot) = (short)value;
        else if (typeof(TPixel) == typeof(int))
        {
            // BITPIX 8 is unsigned, 16 and 32 are signed
            Unsafe.As<TPixel, int>(ref slot) = TWidth.BBits switch
            {
                8 => (byte)value,
                16 => (short)value,
                _ => (int)value,
            };
        }
        else throw new NotSupportedException($"Rice pixels of type {typeof(TPixel).Name}");
    }
}

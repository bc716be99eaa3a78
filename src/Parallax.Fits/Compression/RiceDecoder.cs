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
/// Reads through a 64-bit window so a typical pixel costs one unaligned load. Every read past
/// the input is bounded: a block that runs beyond the data, or a run of zeros into the padding,
/// throws <see cref="FitsFormatException"/> rather than reading further.
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

        var last = (uint)(Peek(ref source, length, 0) >> (64 - bBits));
        long position = bBits;
        var i = 0;
        while (i < count)
        {
            var fs = (int)(Peek(ref source, length, position) >> (64 - fsBits)) - 1;
            position += fsBits;
            var end = count - i > blockSize ? i + blockSize : count;
            if (fs < 0)
            {
                for (; i < end; i++) Store<TWidth, TPixel>(ref Unsafe.Add(ref target, i), last);
            }
            else if (fs == fsMax)
            {
                for (; i < end; i++)
                {
                    var mapped = (uint)(Peek(ref source, length, position) >> (64 - bBits));
                    position += bBits;
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
                    var window = Peek(ref source, length, position);
                    uint quotient = 0;
                    while (window == 0)
                    {
                        // a unary run longer than the window: only corrupt or padded data get here
                        quotient += 56;
                        position += 56;
                        if (position > totalBits) throw EndOfData(i, count);
                        window = Peek(ref source, length, position);
                    }
                    var zeros = BitOperations.LeadingZeroCount(window);
                    quotient += (uint)zeros;
                    position += zeros + 1;
                    // the window holds at least 57 valid bits; take the fs low bits from it when they fit
                    var rest = zeros + 1 + fs <= 57 ? window << zeros << 1 : Peek(ref source, length, position);
                    var low = (uint)((rest >> 1) >> (63 - fs));
                    position += fs;
                    last += Unmap((quotient << fs) | low);
                    Store<TWidth, TPixel>(ref Unsafe.Add(ref target, i), last);
                }
            }
            if (position > totalBits) throw EndOfData(i, count);
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

    /// <summary>
    /// The 64 bits starting at a bit position, most significant first. At least 57 of them are
    /// input bits (the rest are zero); past the end of the input all bits read as zero.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Peek(ref byte source, int length, long bitPosition)
    {
        var byteIndex = (ulong)(bitPosition >> 3);
        var word = byteIndex + 8 <= (ulong)length
            ? BinaryPrimitives.ReadUInt64BigEndian(MemoryMarshal.CreateReadOnlySpan(ref Unsafe.Add(ref source, (nint)byteIndex), 8))
            : PeekTail(ref source, length, byteIndex);
        return word << (int)(bitPosition & 7);
    }

    private static ulong PeekTail(ref byte source, int length, ulong byteIndex)
    {
        ulong word = 0;
        for (var k = 0UL; k < 8; k++)
        {
            var index = byteIndex + k;
            word = (word << 8) | (index < (ulong)length ? Unsafe.Add(ref source, (nint)index) : 0u);
        }
        return word;
    }
}

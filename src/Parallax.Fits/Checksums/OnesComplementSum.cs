using System.Buffers.Binary;
using System.Numerics;
using System.Runtime.InteropServices;

namespace Parallax.Fits.Checksums;

/// <summary>
/// The 32-bit ones'-complement sum of big-endian words used by the FITS checksum convention
/// (Seaman, Pence and Rots 2002). Accumulates in 64 bits, vectorised, and folds the carries at the
/// end; bytes may be added in pieces of any length.
/// </summary>
public struct OnesComplementSum
{
    private ulong _total;
    private uint _pending;
    private int _pendingBytes;

    /// <summary>Starts from an earlier 32-bit sum (e.g. a DATASUM).</summary>
    public OnesComplementSum(uint initial) => _total = initial;

    /// <summary>Adds bytes (a continuation of earlier ones: words may straddle calls).</summary>
    public void Add(ReadOnlySpan<byte> bytes)
    {
        while (_pendingBytes != 0 && bytes.Length > 0)
        {
            _pending = (_pending << 8) | bytes[0];
            bytes = bytes[1..];
            if (++_pendingBytes == 4)
            {
                _total += _pending;
                _pending = 0;
                _pendingBytes = 0;
            }
        }
        var whole = bytes.Length & ~3;
        _total += SumWords(bytes[..whole]);
        // Fold now and then so the 64-bit total never overflows.
        _total = (_total & 0xFFFF_FFFF) + (_total >> 32);
        foreach (var b in bytes[whole..])
        {
            _pending = (_pending << 8) | b;
            _pendingBytes++;
        }
    }

    /// <summary>The folded 32-bit sum (bytes of an unfinished word count as if padded with zeros).</summary>
    public readonly uint Value
    {
        get
        {
            var t = _total;
            if (_pendingBytes != 0) t += _pending << (8 * (4 - _pendingBytes));
            while (t >> 32 != 0) t = (t & 0xFFFF_FFFF) + (t >> 32);
            return (uint)t;
        }
    }

    /// <summary>Adds two 32-bit ones'-complement sums.</summary>
    public static uint Combine(uint a, uint b)
    {
        var t = (ulong)a + b;
        while (t >> 32 != 0) t = (t & 0xFFFF_FFFF) + (t >> 32);
        return (uint)t;
    }

    private static ulong SumWords(ReadOnlySpan<byte> bytes)
    {
        var words = MemoryMarshal.Cast<byte, uint>(bytes);
        ulong total = 0;
        var i = 0;
        if (Vector.IsHardwareAccelerated && words.Length >= 4 * Vector<uint>.Count)
        {
            var acc = Vector<ulong>.Zero;
            Span<uint> tmp = stackalloc uint[Vector<uint>.Count];
            for (; i <= words.Length - Vector<uint>.Count; i += Vector<uint>.Count)
            {
                var v = new Vector<uint>(words[i..]);
                if (BitConverter.IsLittleEndian)
                {
                    v.CopyTo(tmp);
                    BinaryPrimitives.ReverseEndianness(tmp, tmp);
                    v = new Vector<uint>(tmp);
                }
                Vector.Widen(v, out var lo, out var hi);
                acc += lo + hi;
            }
            for (var k = 0; k < Vector<ulong>.Count; k++) total += acc[k];
        }
        for (; i < words.Length; i++) total += BitConverter.IsLittleEndian ? BinaryPrimitives.ReverseEndianness(words[i]) : words[i];
        return total;
    }
}

namespace Parallax.Fits.Compression;

/// <summary>
/// Appends bits most-significant first to a byte span; the last byte is padded with zero bits,
/// as CFITSIO's done_outputing_bits does.
/// </summary>
internal ref struct RiceBitWriter(Span<byte> destination)
{
    private readonly Span<byte> _destination = destination;
    private ulong _pending;      // the low _count bits are not yet written
    private int _count;
    private int _position;

    /// <summary>Appends the low <paramref name="bits"/> (1 to 32) bits of <paramref name="value"/>.</summary>
    public void Write(uint value, int bits)
    {
        _pending = (_pending << bits) | (value & ((1UL << bits) - 1));
        _count += bits;
        while (_count >= 8)
        {
            _count -= 8;
            _destination[_position++] = (byte)(_pending >> _count);
        }
    }

    /// <summary>Appends <paramref name="zeros"/> zero bits and a one bit.</summary>
    public void WriteUnary(uint zeros)
    {
        while (zeros >= 32)
        {
            Write(0, 32);
            zeros -= 32;
        }
        Write(1, (int)zeros + 1);
    }

    /// <summary>Pads the last byte and returns the number of bytes written.</summary>
    public int Finish()
    {
        if (_count > 0)
        {
            _destination[_position++] = (byte)(_pending << (8 - _count));
            _count = 0;
        }
        return _position;
    }
}

namespace Parallax.Fits.Compression;

/// <summary>
/// Reads bits most-significant first from an HCOMPRESS_1 stream, as the bit_input routines of
/// the H-compress decoder do; running out of bytes throws instead of reading on.
/// </summary>
internal ref struct HCompressBitReader(ReadOnlySpan<byte> data, int start)
{
    private readonly ReadOnlySpan<byte> _data = data;
    private int _next = start;
    private int _buffer;
    private int _bitsLeft;

    /// <summary>Drops the bits left in the current byte; the next read starts at a byte boundary.</summary>
    public void AlignToByte() => _bitsLeft = 0;

    /// <summary>One bit.</summary>
    public int Bit()
    {
        if (_bitsLeft == 0)
        {
            _buffer = NextByte();
            _bitsLeft = 8;
        }
        _bitsLeft--;
        return (_buffer >> _bitsLeft) & 1;
    }

    /// <summary><paramref name="count"/> bits (at most 8).</summary>
    public int Bits(int count)
    {
        if (_bitsLeft < count)
        {
            _buffer = (_buffer << 8) | NextByte();
            _bitsLeft += 8;
        }
        _bitsLeft -= count;
        return (_buffer >> _bitsLeft) & ((1 << count) - 1);
    }

    /// <summary>Four bits.</summary>
    public int Nybble() => Bits(4);

    /// <summary>
    /// One 4-bit quadtree code of the fixed Huffman table of H-compress: codes 1, 2, 4, 8 take 3 bits;
    /// 3, 5, 10, 12, 15 take 4; 6, 7, 9, 11, 13 take 5; 0 and 14 take 6.
    /// </summary>
    public int Huffman()
    {
        var c = Bits(3);
        if (c < 4) return 1 << c;
        c = (c << 1) | Bit();
        switch (c)
        {
            case 8: return 3;
            case 9: return 5;
            case 10: return 10;
            case 11: return 12;
            case 12: return 15;
        }
        c = (c << 1) | Bit();
        switch (c)
        {
            case 26: return 6;
            case 27: return 7;
            case 28: return 9;
            case 29: return 11;
            case 30: return 13;
        }
        c = (c << 1) | Bit();
        return c == 62 ? 0 : 14;
    }

    private int NextByte()
    {
        if (_next >= _data.Length) throw CorruptTile.Error("HCOMPRESS_1", $"the compressed data end after {_data.Length} bytes, before the tile is complete");
        return _data[_next++];
    }
}

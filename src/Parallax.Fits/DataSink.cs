using Parallax.Fits.Checksums;

namespace Parallax.Fits;

/// <summary>Receives the bytes of one data unit, counting them and keeping their checksum, then pads to 2880.</summary>
internal sealed class DataSink(Stream stream)
{
    private OnesComplementSum _sum;

    /// <summary>Bytes written so far (without padding).</summary>
    public long Written { get; private set; }

    /// <summary>The ones'-complement sum of the bytes written (including padding once padded).</summary>
    public uint Sum => _sum.Value;

    /// <summary>Writes big-endian data bytes.</summary>
    public void Write(ReadOnlySpan<byte> bytes)
    {
        stream.Write(bytes);
        _sum.Add(bytes);
        Written += bytes.Length;
    }

    /// <summary>Pads the data unit to a whole 2880-byte block: with zeros, or for an ASCII table with blanks (FITS 4.0 section 7.2.3).</summary>
    public void Pad(byte fill = 0)
    {
        var pad = (int)((2880 - Written % 2880) % 2880);
        if (pad == 0) return;
        Span<byte> padding = stackalloc byte[pad];
        padding.Fill(fill);
        stream.Write(padding);
        _sum.Add(padding);
    }
}

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

    /// <summary>Pads the data unit with zeros to a whole 2880-byte block.</summary>
    public void Pad()
    {
        var pad = (int)((2880 - Written % 2880) % 2880);
        if (pad == 0) return;
        Span<byte> zeros = stackalloc byte[pad];
        zeros.Clear();
        stream.Write(zeros);
        _sum.Add(zeros);
    }
}

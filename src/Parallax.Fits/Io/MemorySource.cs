namespace Parallax.Fits.Io;

/// <summary>A FITS file held in memory (a decompressed .gz file, or bytes given by the caller).</summary>
internal sealed class MemorySource(ReadOnlyMemory<byte> bytes) : FitsSource
{
    public override long Length => bytes.Length;

    public override int Read(long offset, Span<byte> destination)
    {
        if (offset >= bytes.Length) return 0;
        var n = (int)Math.Min(destination.Length, bytes.Length - offset);
        bytes.Span.Slice((int)offset, n).CopyTo(destination);
        return n;
    }

    public override void Dispose() { }
}

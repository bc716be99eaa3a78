namespace Parallax.Fits.Io;

/// <summary>
/// Random-access bytes of a FITS file: a file handle read with positional reads (thread-safe, so row
/// bands can be read in parallel), or a memory buffer (a gunzipped file).
/// </summary>
internal abstract class FitsSource : IDisposable
{
    /// <summary>Total length in bytes.</summary>
    public abstract long Length { get; }

    /// <summary>Reads up to <c>destination.Length</c> bytes at <paramref name="offset"/>; returns how many were read (short only at end of file).</summary>
    public abstract int Read(long offset, Span<byte> destination);

    /// <summary>Reads exactly <c>destination.Length</c> bytes or returns false when the source ends first.</summary>
    public bool TryReadExactly(long offset, Span<byte> destination)
    {
        var done = 0;
        while (done < destination.Length)
        {
            var n = Read(offset + done, destination[done..]);
            if (n <= 0) return false;
            done += n;
        }
        return true;
    }

    /// <inheritdoc/>
    public abstract void Dispose();
}

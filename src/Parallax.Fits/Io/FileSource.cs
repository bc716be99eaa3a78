using Microsoft.Win32.SafeHandles;

namespace Parallax.Fits.Io;

/// <summary>A file read through positional reads on one handle (opened once, shared by all readers).</summary>
internal sealed class FileSource(SafeFileHandle handle) : FitsSource
{
    private readonly long _length = RandomAccess.GetLength(handle);

    public override long Length => _length;

    public override int Read(long offset, Span<byte> destination)
        => offset >= _length ? 0 : RandomAccess.Read(handle, destination, offset);

    public override void Dispose() => handle.Dispose();
}

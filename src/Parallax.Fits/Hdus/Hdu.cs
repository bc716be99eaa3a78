using Parallax.Fits.Headers;
using Parallax.Fits.Io;

namespace Parallax.Fits.Hdus;

/// <summary>
/// One header-data unit of an open FITS file. The header is parsed when the file is opened; the
/// data are read only when asked for, by positional reads that never load the rest of the file.
/// </summary>
public abstract class Hdu
{
    private protected Hdu(Header header, HduLayout layout, FitsSource? source, Header? storedHeader = null)
    {
        Header = header;
        StoredHeader = storedHeader ?? header;
        Layout = layout;
        Source = source;
    }

    /// <summary>The header (cards in file order). For a tile-compressed image, the image's header restored from the table's (see <see cref="StoredHeader"/>).</summary>
    public Header Header { get; }

    /// <summary>
    /// The header as it is in the file: the same as <see cref="Header"/>, except for a tile-compressed image, whose
    /// stored header is the binary table's (ZIMAGE, ZCMPTYPE, ZNAXISn ...). CHECKSUM and DATASUM are checked against this one.
    /// </summary>
    public Header StoredHeader { get; }

    /// <summary>What the HDU holds.</summary>
    public abstract HduKind Kind { get; }

    /// <summary>Zero-based position in the file (0 = primary).</summary>
    public int Index => Layout.Index;

    /// <summary>EXTNAME, or null when absent (the primary HDU usually has none).</summary>
    public string? Name => Header.GetString("EXTNAME", null)?.Trim();

    /// <summary>EXTVER, 1 when absent.</summary>
    public int Version => Header.TryGetInt64("EXTVER", out var v) ? (int)v : 1;

    /// <summary>Byte offset of the header in the (decompressed) file.</summary>
    public long HeaderOffset => Layout.HeaderOffset;

    /// <summary>Byte offset of the data unit.</summary>
    public long DataOffset => Layout.DataOffset;

    /// <summary>Size of the data unit in bytes, without the padding to 2880.</summary>
    public long DataSize => Layout.DataSize;

    /// <summary>True when the file ends before the data unit does; reading the data then throws <see cref="FitsFormatException"/>.</summary>
    public bool IsTruncated => Layout.DataOffset + Layout.DataSize > (Source?.Length ?? long.MaxValue);

    /// <summary>Where this HDU is, for messages.</summary>
    public FitsLocation Location => Header.Location;

    internal HduLayout Layout { get; }

    internal FitsSource? Source { get; }

    /// <summary>Throws when the data unit is incomplete, before anything is allocated for it.</summary>
    /// <exception cref="FitsFormatException">The file ends before the data unit does.</exception>
    protected void EnsureDataComplete()
    {
        if (IsTruncated)
            throw FitsFormatException.At(Location, $"data unit is truncated: it needs {DataSize:N0} bytes from offset {DataOffset:N0} but the file is {Source!.Length:N0} bytes long");
    }

    /// <summary>Reads the raw data unit bytes (big-endian, as stored) of the given range of the data unit.</summary>
    /// <exception cref="FitsFormatException">The range lies past the end of a truncated file, or the file is closed.</exception>
    public void ReadDataBytes(long offsetInData, Span<byte> destination)
    {
        if (offsetInData < 0 || offsetInData + destination.Length > DataSize)
            throw new ArgumentOutOfRangeException(nameof(offsetInData), $"bytes {offsetInData}..{offsetInData + destination.Length} lie outside the {DataSize}-byte data unit");
        var source = Source ?? throw FitsFormatException.At(Location, "this HDU was built in memory and has no data unit to read");
        try
        {
            if (!source.TryReadExactly(DataOffset + offsetInData, destination))
                throw FitsFormatException.At(Location, $"data unit is truncated: it needs {DataSize:N0} bytes from offset {DataOffset:N0} but the file is {source.Length:N0} bytes long");
        }
        catch (ObjectDisposedException e)
        {
            throw FitsFormatException.At(Location, "the file has been closed", inner: e);
        }
    }

    /// <inheritdoc/>
    public override string ToString() => $"HDU {Index} {Kind}{(Name is { } n ? $" '{n}'" : "")}";
}

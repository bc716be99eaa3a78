using Parallax.Fits.Compression;
using Parallax.Fits.Headers;
using Parallax.Fits.Images;
using Parallax.Fits.Io;
using Parallax.Fits.Tables;

namespace Parallax.Fits.Hdus;

/// <summary>
/// An image HDU: the primary array, an IMAGE extension, or a tile-compressed image (a binary
/// table with ZIMAGE = T, .fz files), which reads exactly like the others: <see cref="Header"/> is
/// the image's header restored from the table's, <see cref="Bitpix"/> is ZBITPIX, and only the
/// tiles a read touches are decompressed (<see cref="Compression"/> says how it is stored).
/// (<see cref="Hdu.DataOffset"/>, <see cref="Hdu.DataSize"/> and <see cref="Hdu.ReadDataBytes"/> describe the
/// data unit as stored: for a compressed image, the table's rows and heap.)
/// Pixels are returned as physical values (BSCALE/BZERO applied, BLANK as NaN) in FITS order:
/// NAXIS1 varies fastest, so pixel (x, y, plane) is at index x + y·NAXIS1 + plane·NAXIS1·NAXIS2,
/// with x and y zero-based. Reads are positional and thread-safe: row bands can be read from
/// several threads at once.
/// </summary>
public sealed class ImageHdu : Hdu
{
    private readonly int[] _axes;
    private readonly PixelSource _pixels;

    /// <summary>An image stored in its data unit.</summary>
    internal ImageHdu(Header header, HduLayout layout, FitsSource? source, int[] axes, PixelScaling scaling)
        : base(header, layout, source)
    {
        _axes = axes;
        Scaling = scaling;
        _pixels = new DataUnitPixelSource(this);
    }

    /// <summary>A tile-compressed image held by <paramref name="table"/>.</summary>
    internal ImageHdu(BinaryTableHdu table, CompressedImageLayout layout, FitsReadOptions options)
        : base(CompressedImageHeader.Restore(table.Header, layout), table.Layout, table.Source, table.Header)
    {
        _axes = layout.Axes;
        Scaling = layout.Scaling;
        _pixels = new TiledPixelSource(table, layout, options);
        Compression = new TileCompressionInfo(table, layout.Algorithm, layout.Grid?.TileAxes ?? [], layout.Grid?.TileCount ?? 0,
            layout.IsFloat ? layout.Method : null);
    }

    /// <summary><see cref="HduKind.CompressedImage"/> for a tile-compressed image, else <see cref="HduKind.Image"/>.</summary>
    public override HduKind Kind => Compression is null ? HduKind.Image : HduKind.CompressedImage;

    /// <summary>How the image is tile-compressed, or null for an image stored in its data unit.</summary>
    public TileCompressionInfo? Compression { get; }

    /// <summary>BITPIX of the image (ZBITPIX for a compressed one): 8, 16, 32, 64 (integers) or -32, -64 (IEEE floats).</summary>
    public int Bitpix => Scaling.Bitpix;

    /// <summary>Axis lengths in FITS order (NAXIS1 first; ZNAXISn for a compressed image). Empty for a header-only HDU.</summary>
    public IReadOnlyList<int> Axes => _axes;

    /// <summary>BSCALE, BZERO and BLANK.</summary>
    public PixelScaling Scaling { get; }

    /// <summary>Number of pixels (product of the axes; 0 when NAXIS = 0).</summary>
    public long PixelCount => _axes.Length == 0 ? 0 : _axes.Aggregate(1L, (a, b) => a * b);

    /// <summary>True when the HDU has pixels.</summary>
    public bool HasData => PixelCount > 0;

    /// <summary>NAXIS1, or 0 when there are no axes.</summary>
    public int Width => _axes.Length > 0 ? _axes[0] : 0;

    /// <summary>NAXIS2, or 1 for a 1-D image, 0 when there are no axes.</summary>
    public int Height => _axes.Length > 1 ? _axes[1] : _axes.Length;

    /// <summary>Number of 2-D planes (product of NAXIS3 and beyond; 1 for a 2-D image).</summary>
    public int Planes => _axes.Length > 2 ? (int)Math.Min(int.MaxValue, _axes.Skip(2).Aggregate(1L, (a, b) => a * b)) : (_axes.Length > 0 ? 1 : 0);

    /// <summary>Reads every pixel as float32 physical values (a compressed image decodes its tiles in parallel).</summary>
    /// <exception cref="FitsFormatException">Truncated or corrupt data, or more pixels than one array can hold.</exception>
    public float[] ReadFloat32()
    {
        var result = GC.AllocateUninitializedArray<float>(CheckedCount(PixelCount));
        _pixels.ReadFloat32(0, result);
        return result;
    }

    /// <summary>Reads every pixel as float64 physical values (no rounding to float32).</summary>
    /// <exception cref="FitsFormatException">Truncated or corrupt data, or more pixels than one array can hold.</exception>
    public double[] ReadFloat64()
    {
        var result = GC.AllocateUninitializedArray<double>(CheckedCount(PixelCount));
        _pixels.ReadFloat64(0, result);
        return result;
    }

    /// <summary>Reads <c>destination.Length</c> consecutive pixels starting at linear pixel index <paramref name="firstPixel"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The pixels lie outside the image.</exception>
    /// <exception cref="FitsFormatException">Truncated or corrupt data.</exception>
    public void ReadFloat32(long firstPixel, Span<float> destination)
    {
        if (firstPixel < 0 || firstPixel + destination.Length > PixelCount)
            throw new ArgumentOutOfRangeException(nameof(firstPixel), $"pixels {firstPixel}..{firstPixel + destination.Length} lie outside the {PixelCount}-pixel image");
        if (destination.IsEmpty) return;
        _pixels.ReadFloat32(firstPixel, destination);
    }

    /// <summary>Reads whole rows <paramref name="firstRow"/> .. firstRow+rowCount-1 of one plane, without reading the rest of the file
    /// (for a compressed image, only the tiles those rows touch are decoded).</summary>
    public float[] ReadRows(int firstRow, int rowCount, int plane = 0)
    {
        CheckRect(0, firstRow, Width, rowCount, plane);
        var result = new float[(long)Width * rowCount];
        if (result.Length > 0) _pixels.ReadSection(0, firstRow, Width, rowCount, plane, result);
        return result;
    }

    /// <summary>Reads a sub-rectangle (zero-based corner x0, y0) of one plane; only the rows (or, compressed, the tiles) it covers are read.</summary>
    /// <returns>width × height pixels, row by row.</returns>
    public float[] ReadSection(int x0, int y0, int width, int height, int plane = 0)
    {
        CheckRect(x0, y0, width, height, plane);
        var result = new float[(long)width * height];
        if (result.Length > 0) _pixels.ReadSection(x0, y0, width, height, plane, result);
        return result;
    }

    /// <summary>Reads the stored values without scaling, as the natural .NET array for BITPIX
    /// (byte[], short[], int[], long[], float[] or double[]) in host byte order. For a compressed image these are
    /// the values funpack would store: the integers, or the (dequantised) floats.</summary>
    public Array ReadRaw() => _pixels.ReadRaw(CheckedCount(PixelCount));

    private void CheckRect(int x0, int y0, int width, int height, int plane)
    {
        if (!HasData) throw FitsFormatException.At(Location, "the image has no pixels (NAXIS = 0)");
        if (x0 < 0 || y0 < 0 || width < 0 || height < 0 || x0 + width > Width || y0 + height > Math.Max(1, Height) || plane < 0 || plane >= Planes)
            throw new ArgumentOutOfRangeException(nameof(x0), $"section [{x0}:{x0 + width}, {y0}:{y0 + height}] plane {plane} lies outside the {Width}×{Height}×{Planes} image");
    }

    private int CheckedCount(long count)
    {
        if (count > 0) _pixels.EnsureReadable();
        return count <= Array.MaxLength ? (int)count : throw FitsFormatException.At(Location, $"{count:N0} pixels do not fit in one array; read it by sections");
    }
}

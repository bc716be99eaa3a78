using System.Buffers;
using Parallax.Fits.Headers;
using Parallax.Fits.Images;
using Parallax.Fits.Io;

namespace Parallax.Fits.Hdus;

/// <summary>
/// An image HDU (the primary array or an IMAGE extension). Pixels are returned as physical
/// values (BSCALE/BZERO applied, BLANK as NaN) in FITS order: NAXIS1 varies fastest, so pixel
/// (x, y, plane) is at index x + y·NAXIS1 + plane·NAXIS1·NAXIS2, with x and y zero-based.
/// Reads are positional and thread-safe: row bands can be read from several threads at once.
/// </summary>
public sealed class ImageHdu : Hdu
{
    private const int ChunkBytes = 1 << 20;
    private readonly int[] _axes;

    internal ImageHdu(Header header, HduLayout layout, FitsSource? source, int[] axes, PixelScaling scaling)
        : base(header, layout, source)
    {
        _axes = axes;
        Scaling = scaling;
    }

    /// <inheritdoc/>
    public override HduKind Kind => HduKind.Image;

    /// <summary>BITPIX: 8, 16, 32, 64 (integers) or -32, -64 (IEEE floats).</summary>
    public int Bitpix => Scaling.Bitpix;

    /// <summary>Axis lengths in FITS order (NAXIS1 first). Empty for a header-only HDU.</summary>
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

    /// <summary>Reads every pixel as float32 physical values.</summary>
    /// <exception cref="FitsFormatException">Truncated data, or more pixels than one array can hold.</exception>
    public float[] ReadFloat32()
    {
        var result = GC.AllocateUninitializedArray<float>(CheckedCount(PixelCount));
        ReadFloat32(0, result);
        return result;
    }

    /// <summary>Reads every pixel as float64 physical values (no rounding to float32).</summary>
    public double[] ReadFloat64()
    {
        var result = GC.AllocateUninitializedArray<double>(CheckedCount(PixelCount));
        DecodeRange(0, result.Length, (bytes, in s, start, count) => PixelDecoder.ToFloat64(bytes, s, result.AsSpan(start, count)));
        return result;
    }

    /// <summary>Reads <c>destination.Length</c> consecutive pixels starting at linear pixel index <paramref name="firstPixel"/>.</summary>
    public void ReadFloat32(long firstPixel, Span<float> destination)
    {
        if (firstPixel < 0 || firstPixel + destination.Length > PixelCount)
            throw new ArgumentOutOfRangeException(nameof(firstPixel), $"pixels {firstPixel}..{firstPixel + destination.Length} lie outside the {PixelCount}-pixel image");
        EnsurePixelsFit();
        if (destination.Length >= 4 * ChunkBytes / Scaling.BytesPerPixel)
        {
            // Large reads: decode 1 MiB chunks in parallel; positional reads make this safe.
            unsafe
            {
                fixed (float* p = destination)
                {
                    var ptr = (nint)p;
                    var length = destination.Length;
                    DecodeRange(firstPixel, length, (bytes, in s, start, count) =>
                        PixelDecoder.ToFloat32(bytes, s, new Span<float>((float*)ptr + start, count)));
                }
            }
            return;
        }
        var buffer = ArrayPool<byte>.Shared.Rent((int)Math.Min(ChunkBytes, (long)destination.Length * Scaling.BytesPerPixel));
        try
        {
            var perChunk = buffer.Length / Scaling.BytesPerPixel;
            for (var done = 0; done < destination.Length; done += perChunk)
            {
                var count = Math.Min(perChunk, destination.Length - done);
                var bytes = buffer.AsSpan(0, count * Scaling.BytesPerPixel);
                ReadDataBytes((firstPixel + done) * Scaling.BytesPerPixel, bytes);
                PixelDecoder.ToFloat32(bytes, Scaling, destination.Slice(done, count));
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Reads whole rows <paramref name="firstRow"/> .. firstRow+rowCount-1 of one plane, without reading the rest of the file.</summary>
    public float[] ReadRows(int firstRow, int rowCount, int plane = 0)
    {
        CheckRect(0, firstRow, Width, rowCount, plane);
        var result = new float[(long)Width * rowCount];
        ReadFloat32(PlaneOffset(plane) + (long)firstRow * Width, result);
        return result;
    }

    /// <summary>Reads a sub-rectangle (zero-based corner x0, y0) of one plane; only the rows it covers are read.</summary>
    /// <returns>width × height pixels, row by row.</returns>
    public float[] ReadSection(int x0, int y0, int width, int height, int plane = 0)
    {
        CheckRect(x0, y0, width, height, plane);
        var result = new float[(long)width * height];
        if (width == Width) ReadFloat32(PlaneOffset(plane) + (long)y0 * Width, result);
        else
        {
            for (var r = 0; r < height; r++)
                ReadFloat32(PlaneOffset(plane) + (long)(y0 + r) * Width + x0, result.AsSpan(r * width, width));
        }
        return result;
    }

    /// <summary>Reads the stored values without scaling, as the natural .NET array for BITPIX
    /// (byte[], short[], int[], long[], float[] or double[]) in host byte order.</summary>
    public Array ReadRaw()
    {
        var n = CheckedCount(PixelCount);
        var bytes = new byte[n * (long)Scaling.BytesPerPixel];
        ReadDataBytes(0, bytes);
        switch (Bitpix)
        {
            case 8: return bytes;
            case 16: return PixelDecoder.Swap16(bytes, n).ToArray();
            case 32: return PixelDecoder.Swap32(bytes, n).ToArray();
            case 64: return PixelDecoder.Swap64(bytes, n).ToArray();
            case -32: return System.Runtime.InteropServices.MemoryMarshal.Cast<int, float>(PixelDecoder.Swap32(bytes, n)).ToArray();
            default: return System.Runtime.InteropServices.MemoryMarshal.Cast<long, double>(PixelDecoder.Swap64(bytes, n)).ToArray();
        }
    }

    private delegate void ChunkDecoder(Span<byte> bytes, in PixelScaling scaling, int start, int count);

    private void DecodeRange(long firstPixel, int count, ChunkDecoder decode)
    {
        var bpp = Scaling.BytesPerPixel;
        var perChunk = ChunkBytes / bpp;
        var chunks = (count + perChunk - 1) / perChunk;
        var scaling = Scaling;
        void Work(int c)
        {
            var start = c * perChunk;
            var n = Math.Min(perChunk, count - start);
            var buffer = ArrayPool<byte>.Shared.Rent(n * bpp);
            try
            {
                var bytes = buffer.AsSpan(0, n * bpp);
                ReadDataBytes((firstPixel + start) * bpp, bytes);
                decode(bytes, scaling, start, n);
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }
        }
        if (chunks <= 2) { for (var c = 0; c < chunks; c++) Work(c); }
        else
        {
            try { Parallel.For(0, chunks, Work); }
            catch (AggregateException e) when (e.InnerException is FitsFormatException f) { throw f; }
        }
    }

    private long PlaneOffset(int plane) => (long)plane * Width * Math.Max(1, Height);

    private void CheckRect(int x0, int y0, int width, int height, int plane)
    {
        if (!HasData) throw FitsFormatException.At(Location, "the image has no pixels (NAXIS = 0)");
        if (x0 < 0 || y0 < 0 || width < 0 || height < 0 || x0 + width > Width || y0 + height > Math.Max(1, Height) || plane < 0 || plane >= Planes)
            throw new ArgumentOutOfRangeException(nameof(x0), $"section [{x0}:{x0 + width}, {y0}:{y0 + height}] plane {plane} lies outside the {Width}×{Height}×{Planes} image");
    }

    private void EnsurePixelsFit()
    {
        if (PixelCount * Scaling.BytesPerPixel > DataSize)
            throw FitsFormatException.At(Location, $"the axes promise {PixelCount:N0} pixels but the data unit holds only {DataSize:N0} bytes (check PCOUNT and GCOUNT)");
    }

    private int CheckedCount(long count)
    {
        EnsureDataComplete();
        EnsurePixelsFit();
        return count <= Array.MaxLength ? (int)count : throw FitsFormatException.At(Location, $"{count:N0} pixels do not fit in one array; read it by sections");
    }
}

using System.Buffers;
using Parallax.Fits;
using Parallax.Fits.Hdus;
using Parallax.Fits.Headers;
using Parallax.Imaging.Combine;

namespace Parallax.Imaging.Io;

/// <summary>
/// A stack input read from an already open FITS file: a Parallax product (SCI, with VAR and DQ
/// when present) or a raw frame (the first image HDU with pixels). Only the rows asked for are
/// read, with positional reads, so the file is opened once by the caller and each byte of it is
/// read once per combination. The caller owns the <see cref="FitsFile"/> and disposes it after combining.
/// </summary>
public sealed class FitsFrameSource : IFrameSource
{
    /// <summary>Mask values converted per chunk: bounds the scratch memory of a mask read.</summary>
    private const int MaskChunk = 1 << 16;

    /// <summary>Wraps an open file.</summary>
    /// <param name="file">The open file (not disposed by this object).</param>
    /// <param name="name">Name for messages; default: the file name.</param>
    /// <exception cref="FitsFormatException">The file has no 2-D image with pixels, or its VAR/DQ planes do not match SCI in size.</exception>
    public FitsFrameSource(FitsFile file, string? name = null)
    {
        ArgumentNullException.ThrowIfNull(file);
        File = file;
        Name = name ?? file.FileName ?? "<memory>";
        Science = MaskedImageFits.FindScience(file);
        VarianceHdu = MaskedImageFits.FindPlane(file, MaskedImageFits.VarianceExtension, Science);
        MaskHdu = MaskedImageFits.FindPlane(file, MaskedImageFits.MaskExtension, Science);
        Unit = MaskedImageFits.UnitOf(Science.Header);
        ExposureTime = ExposureOf(Science.Header) ?? ExposureOf(file.Primary.Header);
    }

    /// <summary>The open file.</summary>
    public FitsFile File { get; }

    /// <summary>The image HDU read as data.</summary>
    public ImageHdu Science { get; }

    /// <summary>The VAR HDU, or null.</summary>
    public ImageHdu? VarianceHdu { get; }

    /// <summary>The DQ HDU, or null.</summary>
    public ImageHdu? MaskHdu { get; }

    /// <inheritdoc/>
    public string Name { get; }

    /// <inheritdoc/>
    public int Width => Science.Width;

    /// <inheritdoc/>
    public int Height => Science.Height;

    /// <inheritdoc/>
    public string Unit { get; }

    /// <inheritdoc/>
    public bool HasVariance => VarianceHdu is not null;

    /// <inheritdoc/>
    public bool HasMask => MaskHdu is not null;

    /// <summary>EXPTIME (or EXPOSURE) from the science header, else from the primary header; null when absent.</summary>
    public double? ExposureTime { get; }

    /// <inheritdoc/>
    public void ReadRows(int firstRow, int rowCount, Span<float> data, Span<float> variance, Span<ushort> mask)
    {
        FrameRows.Check(this, firstRow, rowCount, data.Length, variance.Length, mask.Length);
        var first = (long)firstRow * Width;
        Science.ReadFloat32(first, data);
        if (!variance.IsEmpty)
        {
            if (VarianceHdu is { } v) v.ReadFloat32(first, variance);
            else variance.Clear();
        }
        if (!mask.IsEmpty)
        {
            if (MaskHdu is { } m) ReadMask(m, first, mask);
            else mask.Clear();
        }
    }

    /// <summary>Reads mask values of any BITPIX through a small float buffer (exact for 16-bit values).</summary>
    internal static void ReadMask(ImageHdu hdu, long firstPixel, Span<ushort> destination)
    {
        var buffer = ArrayPool<float>.Shared.Rent(Math.Min(MaskChunk, Math.Max(1, destination.Length)));
        try
        {
            for (var done = 0; done < destination.Length; done += buffer.Length)
            {
                var n = Math.Min(buffer.Length, destination.Length - done);
                var chunk = buffer.AsSpan(0, n);
                hdu.ReadFloat32(firstPixel + done, chunk);
                MaskedImageFits.ToMaskBits(chunk, destination.Slice(done, n));
            }
        }
        finally
        {
            ArrayPool<float>.Shared.Return(buffer);
        }
    }

    private static double? ExposureOf(Header h)
        => h.TryGetDouble("EXPTIME", out var t) ? t : h.TryGetDouble("EXPOSURE", out var e) ? e : null;
}

using Parallax.Fits.Coordinates;
using Parallax.Fits.Headers;

namespace Parallax.Imaging;

/// <summary>
/// An image with its variance and data-quality mask: the unit of data every step of Parallax
/// reads and returns. Pixel (x, y) is at index <c>x + y·Width</c> of each array (FITS order, x
/// fastest, zero-based). <see cref="Variance"/> holds σ² in <see cref="Unit"/>², not σ, because
/// independent variances add. A pixel whose <see cref="Mask"/> has any <see cref="MaskBits.Unusable"/>
/// bit set carries a value that measurements must ignore; NaN data are treated the same way by
/// the statistics.
/// </summary>
public sealed partial class MaskedImage
{
    /// <summary>Creates a zero image: data 0, variance 0, mask 0.</summary>
    /// <param name="width">Columns (NAXIS1), ≥ 0.</param>
    /// <param name="height">Rows (NAXIS2), ≥ 0.</param>
    /// <param name="unit">Pixel unit, e.g. <see cref="PixelUnits.Adu"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException">A negative size, or more pixels than one array holds.</exception>
    public MaskedImage(int width, int height, string unit = PixelUnits.Adu)
        : this(width, height, new float[CheckedCount(width, height)], null, null, null, unit)
    {
    }

    /// <summary>Wraps existing arrays (not copied). A null variance or mask is created as zeros.</summary>
    /// <param name="width">Columns (NAXIS1).</param>
    /// <param name="height">Rows (NAXIS2).</param>
    /// <param name="data">width × height values, row by row.</param>
    /// <param name="variance">width × height variances (σ², in unit²), or null for zeros.</param>
    /// <param name="mask">width × height <see cref="MaskBits"/> values, or null for zeros.</param>
    /// <param name="header">FITS cards describing the image (WCS, exposure, ...); a new empty header when null.</param>
    /// <param name="unit">Pixel unit.</param>
    /// <exception cref="ArgumentException">An array's length is not width × height.</exception>
    public MaskedImage(int width, int height, float[] data, float[]? variance = null, ushort[]? mask = null, Header? header = null, string unit = PixelUnits.Adu)
    {
        var n = CheckedCount(width, height);
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(unit);
        if (data.Length != n) throw new ArgumentException($"data holds {data.Length} values but {width}×{height} = {n} were expected", nameof(data));
        if (variance is not null && variance.Length != n) throw new ArgumentException($"variance holds {variance.Length} values but {width}×{height} = {n} were expected", nameof(variance));
        if (mask is not null && mask.Length != n) throw new ArgumentException($"mask holds {mask.Length} values but {width}×{height} = {n} were expected", nameof(mask));
        Width = width;
        Height = height;
        Data = data;
        Variance = variance ?? new float[n];
        Mask = mask ?? new ushort[n];
        Header = header ?? new Header();
        Unit = unit;
    }

    /// <summary>Columns (NAXIS1).</summary>
    public int Width { get; }

    /// <summary>Rows (NAXIS2).</summary>
    public int Height { get; }

    /// <summary>Number of pixels, Width × Height.</summary>
    public int PixelCount => Data.Length;

    /// <summary>Pixel values in <see cref="Unit"/>, row by row. NaN marks a missing value.</summary>
    public float[] Data { get; }

    /// <summary>Variance (σ²) of each pixel in <see cref="Unit"/>². Zero means "known exactly" (or not yet estimated).</summary>
    public float[] Variance { get; }

    /// <summary>Data-quality bits (<see cref="MaskBits"/>) of each pixel; 0 is good.</summary>
    public ushort[] Mask { get; }

    /// <summary>FITS cards describing the image (WCS, exposure time, filter, ...), written to the SCI extension.</summary>
    public Header Header { get; }

    /// <summary>
    /// The celestial WCS mapping this image's zero-based pixels to the sky, or null when unknown. It is kept apart
    /// from <see cref="Header"/> so resampling and alignment need not parse cards; <see cref="Io.MaskedImageFits"/>
    /// reads it from and writes it to the SCI header (where it then replaces any WCS cards of <see cref="Header"/>).
    /// Arithmetic does not carry it over; <see cref="Clone"/> does (a <see cref="Fits.Coordinates.Wcs"/> is immutable).
    /// </summary>
    public Wcs? Wcs { get; set; }

    /// <summary>The pixel unit (BUNIT), e.g. "adu", "electron", "electron/s". Set it when a step changes the unit (gain, exposure normalisation).</summary>
    public string Unit { get; set; }

    /// <summary>Row <paramref name="y"/> of the data.</summary>
    public Span<float> DataRow(int y) => Data.AsSpan(RowStart(y), Width);

    /// <summary>Row <paramref name="y"/> of the variance.</summary>
    public Span<float> VarianceRow(int y) => Variance.AsSpan(RowStart(y), Width);

    /// <summary>Row <paramref name="y"/> of the mask.</summary>
    public Span<ushort> MaskRow(int y) => Mask.AsSpan(RowStart(y), Width);

    /// <summary>True when <paramref name="other"/> has the same width and height.</summary>
    public bool HasSameShape(MaskedImage other) => other.Width == Width && other.Height == Height;

    /// <summary>The shape as text for messages: "2048×4096" (width × height).</summary>
    public string ShapeText => $"{Width}×{Height}";

    /// <summary>A deep copy: new arrays and a copied header.</summary>
    public MaskedImage Clone() => new(Width, Height, (float[])Data.Clone(), (float[])Variance.Clone(), (ushort[])Mask.Clone(), Header.Clone(), Unit) { Wcs = Wcs };

    /// <summary>Sets <paramref name="bits"/> on every pixel whose data value is NaN or infinite; returns how many were flagged.</summary>
    public int FlagNonFinite(MaskBits bits = MaskBits.BadPixel)
    {
        var count = 0;
        for (var i = 0; i < Data.Length; i++)
        {
            if (float.IsFinite(Data[i])) continue;
            Mask[i] |= (ushort)bits;
            count++;
        }
        return count;
    }

    /// <inheritdoc/>
    public override string ToString() => $"MaskedImage {Width}×{Height} [{Unit}]";

    private int RowStart(int y)
    {
        if ((uint)y >= (uint)Height) throw new ArgumentOutOfRangeException(nameof(y), $"row {y} is outside 0..{Height - 1}");
        return y * Width;
    }

    private static int CheckedCount(int width, int height)
    {
        if (width < 0 || height < 0) throw new ArgumentOutOfRangeException(nameof(width), $"image size {width}×{height} is negative");
        var n = (long)width * height;
        if (n > Array.MaxLength) throw new ArgumentOutOfRangeException(nameof(width), $"{width}×{height} = {n:N0} pixels do not fit in one array");
        return (int)n;
    }
}

using Parallax.Fits.Headers;

namespace Parallax.Pipeline.Recipes;

/// <summary>
/// An image as recipes exchange it: float32 data, variance (σ², not σ: variances add) and a
/// 16-bit mask of data-quality bits (<see cref="MaskFlags"/>; 0 is good), plus the header of its
/// data HDU and its pixel unit. Pixel (x, y) is at index <c>x + y·Width</c>. It has the shape of
/// the imaging core's <c>MaskedImage</c>, which will replace it in the recipe contract.
/// </summary>
public sealed class FrameImage
{
    /// <summary>Wraps arrays (not copied); a null variance or mask is created as zeros.</summary>
    /// <exception cref="ArgumentException">An array's length is not width × height.</exception>
    public FrameImage(int width, int height, float[] data, float[]? variance = null, ushort[]? mask = null, Header? header = null, string unit = "adu")
    {
        ArgumentOutOfRangeException.ThrowIfNegative(width);
        ArgumentOutOfRangeException.ThrowIfNegative(height);
        var n = (long)width * height;
        if (data.Length != n) throw new ArgumentException($"data holds {data.Length} values but {width}×{height} = {n} were expected", nameof(data));
        if (variance is not null && variance.Length != n) throw new ArgumentException($"variance holds {variance.Length} values but {n} were expected", nameof(variance));
        if (mask is not null && mask.Length != n) throw new ArgumentException($"mask holds {mask.Length} values but {n} were expected", nameof(mask));
        Width = width;
        Height = height;
        Data = data;
        Variance = variance ?? new float[n];
        Mask = mask ?? new ushort[n];
        Header = header ?? new Header();
        Unit = unit;
    }

    /// <summary>A zero image (data, variance and mask 0).</summary>
    public FrameImage(int width, int height, string unit = "adu")
        : this(width, height, new float[(long)width * height], null, null, null, unit)
    {
    }

    /// <summary>Columns (NAXIS1).</summary>
    public int Width { get; }

    /// <summary>Rows (NAXIS2).</summary>
    public int Height { get; }

    /// <summary>Number of pixels.</summary>
    public int PixelCount => Data.Length;

    /// <summary>Pixel values in <see cref="Unit"/>, row by row; NaN marks a missing value.</summary>
    public float[] Data { get; }

    /// <summary>Variance of each pixel in <see cref="Unit"/>²; zero when unknown.</summary>
    public float[] Variance { get; }

    /// <summary>Data-quality bits of each pixel (<see cref="MaskFlags"/>).</summary>
    public ushort[] Mask { get; }

    /// <summary>Cards describing the image, written to the product's SCI extension.</summary>
    public Header Header { get; }

    /// <summary>The pixel unit (BUNIT): "adu", "electron", "" for a ratio.</summary>
    public string Unit { get; set; }

    /// <summary>True when both images have the same width and height.</summary>
    public bool SameShape(FrameImage other) => other.Width == Width && other.Height == Height;

    /// <summary>"2048×2048".</summary>
    public string ShapeText => $"{Width}×{Height}";
}

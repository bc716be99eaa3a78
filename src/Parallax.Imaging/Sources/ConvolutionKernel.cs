namespace Parallax.Imaging.Sources;

/// <summary>
/// A detection filter: an odd-sized kernel normalised so that its absolute values sum to 1 (as
/// SExtractor's <c>CONV NORM</c> and sep do), so a filtered flat image keeps its level and the
/// threshold stays in the units of the unfiltered RMS.
/// </summary>
public sealed class ConvolutionKernel
{
    private readonly float[] _values;

    /// <summary>A kernel of width × height weights, row by row (normalised here by Σ|w|).</summary>
    /// <exception cref="ArgumentException">Even or non-positive sizes, a wrong count, or weights that are all zero or not finite.</exception>
    public ConvolutionKernel(int width, int height, ReadOnlySpan<float> weights)
    {
        if (width < 1 || height < 1 || width % 2 == 0 || height % 2 == 0) throw new ArgumentException($"kernel size {width}×{height} must be positive odd numbers", nameof(width));
        if (weights.Length != width * height) throw new ArgumentException($"{weights.Length} weights given for a {width}×{height} kernel", nameof(weights));
        double sum = 0;
        foreach (var w in weights)
        {
            if (!float.IsFinite(w)) throw new ArgumentException("kernel weights must be finite", nameof(weights));
            sum += Math.Abs(w);
        }
        if (sum == 0) throw new ArgumentException("kernel weights are all zero", nameof(weights));
        _values = new float[weights.Length];
        for (var i = 0; i < weights.Length; i++) _values[i] = (float)(weights[i] / sum);
        Width = width;
        Height = height;
    }

    /// <summary>SExtractor's default.conv: the 3 × 3 pyramid [1 2 1; 2 4 2; 1 2 1] (sep's default kernel).</summary>
    public static ConvolutionKernel Default { get; } = new(3, 3, [1, 2, 1, 2, 4, 2, 1, 2, 1]);

    /// <summary>A Gaussian of the given FWHM (pixels) sampled at pixel centres on a size × size grid (size odd; by default 2·⌈FWHM⌉ + 1, at most 15).</summary>
    /// <exception cref="ArgumentException">A FWHM that is not positive and finite, or an even size.</exception>
    public static ConvolutionKernel Gaussian(double fwhm, int? size = null)
    {
        if (!(fwhm > 0) || !double.IsFinite(fwhm)) throw new ArgumentException($"FWHM {fwhm} must be a positive number of pixels", nameof(fwhm));
        var n = size ?? Math.Min(15, 2 * (int)Math.Ceiling(fwhm) + 1);
        var sigma = fwhm / (2 * Math.Sqrt(2 * Math.Log(2)));
        var w = new float[n * n];
        var c = n / 2;
        for (var y = 0; y < n; y++)
            for (var x = 0; x < n; x++)
                w[y * n + x] = (float)Math.Exp(-((x - c) * (x - c) + (y - c) * (y - c)) / (2 * sigma * sigma));
        return new ConvolutionKernel(n, n, w);
    }

    /// <summary>Columns (odd).</summary>
    public int Width { get; }

    /// <summary>Rows (odd).</summary>
    public int Height { get; }

    /// <summary>The normalised weights, row by row.</summary>
    public ReadOnlySpan<float> Values => _values;
}

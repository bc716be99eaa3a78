namespace Parallax.Imaging.Background;

/// <summary>
/// Estimates the sky background of an image as SExtractor and sep do (see
/// <see cref="BackgroundParameters"/>): per-box clipped mode and RMS, unusable boxes filled from
/// their neighbours, a median filter over the mesh, and a bicubic spline back to full resolution.
/// </summary>
public static class BackgroundEstimator
{
    /// <summary>
    /// The background of <paramref name="image"/>. Pixels that are NaN or infinite, or whose mask
    /// has a bit of <see cref="BackgroundParameters.RejectMask"/>, are ignored; a box with fewer
    /// than <see cref="BackgroundParameters.MinGoodFraction"/> usable pixels takes the mean of the
    /// nearest usable boxes. Boxes run in parallel.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">Invalid parameters.</exception>
    /// <exception cref="ArgumentException">An empty image.</exception>
    public static BackgroundModel Estimate(MaskedImage image, BackgroundParameters? parameters = null)
    {
        ArgumentNullException.ThrowIfNull(image);
        return Estimate(image.Data, image.Mask, image.Width, image.Height, parameters);
    }

    /// <summary>The background of width × height values (row by row) with an optional mask of the same size (empty: none).</summary>
    /// <exception cref="ArgumentOutOfRangeException">Invalid parameters.</exception>
    /// <exception cref="ArgumentException">An empty image or arrays of the wrong length.</exception>
    public static BackgroundModel Estimate(float[] data, ushort[]? mask, int width, int height, BackgroundParameters? parameters = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        var p = parameters ?? BackgroundParameters.Default;
        p.Validate();
        if (width < 1 || height < 1) throw new ArgumentException($"image {width}×{height} has no pixels", nameof(width));
        if (data.Length != width * height) throw new ArgumentException($"{data.Length} values given for a {width}×{height} image", nameof(data));
        var m = mask is { Length: > 0 } ? mask : new ushort[data.Length];
        if (m.Length != data.Length) throw new ArgumentException($"mask holds {m.Length} values for a {width}×{height} image", nameof(mask));
        var nx = (width - 1) / p.BoxWidth + 1;
        var ny = (height - 1) / p.BoxHeight + 1;
        var level = new float[nx * ny];
        var rms = new float[nx * ny];
        var reject = (ushort)p.RejectMask;
        void Box(int b, int[] histogram)
        {
            int bx = b % nx, by = b / nx;
            var x0 = bx * p.BoxWidth;
            var y0 = by * p.BoxHeight;
            var w = Math.Min(p.BoxWidth, width - x0);
            var h = Math.Min(p.BoxHeight, height - y0);
            var (mode, sigma) = BoxStatistics.Estimate(data, m, width, x0, y0, w, h, reject, p.MinGoodFraction * w * h, histogram);
            level[b] = mode;
            rms[b] = sigma;
        }
        if ((long)width * height < Arithmetic.ParallelRows.InlineBelowPixels || Environment.ProcessorCount == 1)
        {
            var histogram = new int[BoxStatistics.MaxLevels];
            for (var b = 0; b < nx * ny; b++) Box(b, histogram);
        }
        else
        {
            Parallel.For(0, nx * ny, () => new int[BoxStatistics.MaxLevels], (b, _, histogram) =>
            {
                Box(b, histogram);
                return histogram;
            }, _ => { });
        }
        MeshFilter.FillUnusable(level, rms, nx, ny);
        MeshFilter.Median(level, rms, nx, ny, p.FilterWidth, p.FilterHeight, p.FilterThreshold);
        return new BackgroundModel(width, height, p.BoxWidth, p.BoxHeight, nx, ny, level, rms);
    }
}

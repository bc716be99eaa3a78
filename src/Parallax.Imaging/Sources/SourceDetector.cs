using Parallax.Imaging.Background;

namespace Parallax.Imaging.Sources;

/// <summary>
/// Finds and measures the sources of an image as SExtractor and sep.extract do: background
/// subtraction, a matched filter (<see cref="DetectionParameters.Kernel"/>), a threshold in units of
/// the global background RMS, 8-connected groups of at least MinArea pixels, multi-threshold
/// deblending, then isophotal and windowed measurements (<see cref="Source"/>). Not done: SExtractor's
/// "cleaning" of spurious detections in the wings of bright sources.
/// </summary>
public static class SourceDetector
{
    /// <summary>
    /// Detects the sources of <paramref name="image"/> against <paramref name="background"/>. Pixels
    /// that are NaN or carry a bit of <see cref="DetectionParameters.IgnoreMask"/> count as zero above
    /// the background and flag the sources that include them; saturated pixels are used and flagged.
    /// Flux errors come from the variance plane, or from the global RMS where the variance is 0.
    /// </summary>
    /// <exception cref="ArgumentException">The background was made for another image size.</exception>
    /// <exception cref="ArgumentOutOfRangeException">Invalid parameters.</exception>
    public static SourceCatalog Detect(MaskedImage image, BackgroundModel background, DetectionParameters? parameters = null)
    {
        ArgumentNullException.ThrowIfNull(image);
        ArgumentNullException.ThrowIfNull(background);
        var p = parameters ?? DetectionParameters.Default;
        p.Validate();
        if (background.Width != image.Width || background.Height != image.Height)
            throw new ArgumentException($"the background was made for {background.Width}×{background.Height}, the image is {image.Width}×{image.Height}", nameof(background));
        var frame = Prepare(image, background, p);
        var threshold = (float)(p.Threshold * background.GlobalRms);
        var components = ComponentLabeller.Label(frame.Filtered, image.Width, image.Height, threshold, p.MinArea);
        var found = new List<Source>[components.Count];
        void One(int c)
        {
            var blob = new Blob(components[c], frame.Filtered, image.Width);
            var parts = Deblender.Split(blob, threshold, p.DeblendThresholds, p.DeblendMinContrast, p.MinArea);
            var list = new List<Source>(parts.Count);
            foreach (var part in parts) list.Add(SourceMeasurer.Measure(frame, blob, part, parts.Count > 1));
            found[c] = list;
        }
        if (components.Count < 64 || Environment.ProcessorCount == 1)
            for (var c = 0; c < components.Count; c++) One(c);
        else
            Parallel.For(0, components.Count, One);
        var sources = new List<Source>();
        foreach (var list in found)
            foreach (var s in list) sources.Add(s with { Number = sources.Count + 1 });
        return new SourceCatalog(sources, image.Width, image.Height, background.GlobalLevel, background.GlobalRms, threshold, image.Unit);
    }

    private static DetectionFrame Prepare(MaskedImage image, BackgroundModel background, DetectionParameters p)
    {
        var w = image.Width;
        var h = image.Height;
        var sub = new float[image.PixelCount];
        var unusable = new bool[image.PixelCount];
        var ignore = (ushort)p.IgnoreMask;
        Rows.For(h, w, (y0, y1) =>
        {
            var level = new float[w];
            for (var y = y0; y < y1; y++)
            {
                background.LevelRow(y, level);
                var o = y * w;
                var subRow = sub.AsSpan(o, w);
                System.Numerics.Tensors.TensorPrimitives.Subtract(image.Data.AsSpan(o, w), level, subRow);
                // Most rows have no mask bits and no NaN: two vector checks skip the pixel loop.
                if (image.Mask.AsSpan(o, w).IndexOfAnyExcept((ushort)0) < 0 && float.IsFinite(System.Numerics.Tensors.TensorPrimitives.Sum(subRow))) continue;
                for (var x = 0; x < w; x++)
                {
                    if (float.IsFinite(sub[o + x]) && (image.Mask[o + x] & ignore) == 0) continue;
                    sub[o + x] = 0;
                    unusable[o + x] = true;
                }
            }
        });
        float[] filtered;
        if (p.Kernel is { } k)
        {
            filtered = new float[sub.Length];
            ImageConvolution.Convolve(sub, filtered, w, h, k);
        }
        else filtered = sub;
        var rms = background.GlobalRms;
        return new DetectionFrame
        {
            Width = w,
            Height = h,
            Subtracted = sub,
            Filtered = filtered,
            Variance = image.Variance,
            Mask = image.Mask,
            Ignore = ignore,
            FallbackVariance = (double)rms * rms,
            Unusable = unusable,
        };
    }
}

using Parallax.Imaging;
using Parallax.Imaging.Background;
using Parallax.Imaging.Fitting;
using Parallax.Imaging.Statistics;

namespace Parallax.Recipes.Imaging;

/// <summary>The two image steps of <see cref="Illumination"/>: a sky-normalised frame with its sources masked, and the smooth surface through the combined sky.</summary>
public static class IlluminationSky
{
    /// <summary>
    /// A copy of <paramref name="frame"/> divided by the median of its sky model, with pixels more than
    /// <paramref name="detectSigma"/> sky sigmas above the model (sources, cosmic rays) and their
    /// neighbours within <paramref name="dilate"/> pixels flagged <see cref="MaskBits.Rejected"/>, so that a
    /// median combination leaves them out. Null when the sky is not positive.
    /// </summary>
    public static MaskedImage? Normalise(MaskedImage frame, double detectSigma, int dilate, int skyBox)
    {
        ArgumentNullException.ThrowIfNull(frame);
        var model = BackgroundEstimator.Estimate(frame, new BackgroundParameters { BoxWidth = Math.Min(skyBox, frame.Width), BoxHeight = Math.Min(skyBox, frame.Height) });
        var level = model.LevelImage();
        var rms = model.RmsImage();
        var sky = RobustStatistics.Median(level);
        if (!(sky > 0)) return null;
        var (w, h) = (frame.Width, frame.Height);
        var source = new bool[w * h];
        for (var i = 0; i < source.Length; i++)
        {
            var d = frame.Data[i];
            source[i] = float.IsFinite(d) && d - level[i] > detectSigma * rms[i];
        }
        var grown = Dilate(source, w, h, dilate);
        var result = frame.Clone();
        result.MultiplyInPlace(new ValueWithVariance((float)(1 / sky), 0));
        for (var i = 0; i < grown.Length; i++)
            if (grown[i]) result.Mask[i] |= (ushort)MaskBits.Rejected;
        return result;
    }

    /// <summary>Square dilation by <paramref name="radius"/> pixels, separably: a running count along rows, then along columns.</summary>
    private static bool[] Dilate(bool[] mask, int w, int h, int radius)
    {
        if (radius <= 0) return mask;
        var rows = new bool[mask.Length];
        for (var y = 0; y < h; y++)
        {
            var count = 0;
            var o = y * w;
            for (var x = 0; x < Math.Min(radius, w); x++) count += mask[o + x] ? 1 : 0;
            for (var x = 0; x < w; x++)
            {
                if (x + radius < w && mask[o + x + radius]) count++;
                if (x - radius - 1 >= 0 && mask[o + x - radius - 1]) count--;
                rows[o + x] = count > 0;
            }
        }
        var result = new bool[mask.Length];
        for (var x = 0; x < w; x++)
        {
            var count = 0;
            for (var y = 0; y < Math.Min(radius, h); y++) count += rows[y * w + x] ? 1 : 0;
            for (var y = 0; y < h; y++)
            {
                if (y + radius < h && rows[(y + radius) * w + x]) count++;
                if (y - radius - 1 >= 0 && rows[(y - radius - 1) * w + x]) count--;
                result[y * w + x] = count > 0;
            }
        }
        return result;
    }

    /// <summary>
    /// The smooth illumination through <paramref name="combined"/> (the median of sky-normalised frames):
    /// the median of each <paramref name="block"/>² block of usable pixels, a Legendre surface of order
    /// <paramref name="order"/> in x and y fitted to the block centres with 3σ rejection, evaluated at every
    /// pixel and scaled to mean 1. Returns the image (dimensionless, variance 0, mask 0) and the rms of the
    /// blocks about the surface.
    /// </summary>
    /// <exception cref="InvalidOperationException">Too few usable blocks for the surface.</exception>
    public static (MaskedImage Correction, double Rms) Smooth(MaskedImage combined, int order, int block)
    {
        ArgumentNullException.ThrowIfNull(combined);
        var (w, h) = (combined.Width, combined.Height);
        var nx = (w + block - 1) / block;
        var ny = (h + block - 1) / block;
        var xs = new List<double>();
        var ys = new List<double>();
        var zs = new List<double>();
        var values = new float[block * block];
        for (var by = 0; by < ny; by++)
            for (var bx = 0; bx < nx; bx++)
            {
                var n = 0;
                for (var y = by * block; y < Math.Min(h, (by + 1) * block); y++)
                    for (var x = bx * block; x < Math.Min(w, (bx + 1) * block); x++)
                    {
                        var i = y * w + x;
                        var v = combined.Data[i];
                        if (float.IsFinite(v) && (combined.Mask[i] & (ushort)MaskBits.Unusable) == 0) values[n++] = v;
                    }
                // A block mostly masked (a bright star, a bad column) says little about the illumination.
                if (n < block * block / 4 || n < 1) continue;
                var x0 = bx * block;
                var y0 = by * block;
                xs.Add(0.5 * (x0 + Math.Min(w, x0 + block) - 1));
                ys.Add(0.5 * (y0 + Math.Min(h, y0 + block) - 1));
                zs.Add(RobustStatistics.Median(values.AsSpan(0, n)));
            }
        var fit = SurfaceFitter.Fit(xs.ToArray(), ys.ToArray(), zs.ToArray(), new SurfaceFitOptions
        {
            XOrder = order,
            YOrder = order,
            XDomain = (0, w - 1),
            YDomain = (0, h - 1),
            Rejection = RejectionOptions.Default,
        });
        var surface = fit.Model.EvaluateImage(w, h);
        var mean = 0.0;
        foreach (var v in surface) mean += v;
        mean /= surface.Length;
        System.Numerics.Tensors.TensorPrimitives.Multiply(surface, (float)(1 / mean), surface);
        var image = new MaskedImage(w, h, surface, new float[surface.Length], new ushort[surface.Length], combined.Header.Clone(), "");
        return (image, fit.Rms / mean);
    }
}

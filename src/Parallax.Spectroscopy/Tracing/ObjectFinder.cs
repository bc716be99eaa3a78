using Parallax.Imaging;
using Parallax.Imaging.Statistics;
using Parallax.Spectroscopy.Slits;

namespace Parallax.Spectroscopy.Tracing;

/// <summary>
/// Finds objects along a long slit (dispersion along x). The frame, less a sky (the fitted model, or else each column's
/// median inside the slit), is sampled at fixed offsets above the slit's lower edge at every column (linear
/// interpolation between rows, so a curved slit is followed), averaged in blocks of columns, and the median of the
/// blocks is the spatial profile. Objects are its peaks above <see cref="ObjectFinderOptions.MinimumSignalToNoise"/>
/// times its robust noise, centred by a parabola through the peak and its neighbours, with the FWHM from the
/// half-maximum crossings; NaN and <see cref="MaskBits.Unusable"/> pixels take no part.
/// </summary>
public static class ObjectFinder
{
    /// <summary>Finds the objects on <paramref name="frame"/>, strongest first.</summary>
    /// <param name="frame">The detrended frame.</param>
    /// <param name="edges">The slit on this frame's geometry.</param>
    /// <param name="sky">Optional sky model (row-major as the frame) to subtract; null: each column's median.</param>
    /// <param name="options">Blocks, threshold; <see cref="ObjectFinderOptions.Default"/> when null.</param>
    /// <returns>The objects ordered by decreasing signal-to-noise; empty when none passes the threshold.</returns>
    public static IReadOnlyList<SlitObject> Find(MaskedImage frame, SlitEdges edges, float[]? sky = null, ObjectFinderOptions? options = null)
    {
        options ??= ObjectFinderOptions.Default;
        options.Validate();
        var profile = Profile(frame, edges, sky, options);
        var valid = profile.Where(double.IsFinite).Select(v => (float)v).ToArray();
        if (valid.Length < 5) return [];
        var median = Selection.Median(valid.ToArray());
        var noise = RobustStatistics.MadSigma(valid);
        if (!(noise > 0)) return [];
        var length = MeanLength(edges);
        var found = new List<SlitObject>();
        var candidates = new List<int>();
        for (var k = options.EdgeMargin; k < profile.Length - options.EdgeMargin; k++)
        {
            var p = profile[k];
            if (!double.IsFinite(p) || !((p - median) / noise >= options.MinimumSignalToNoise)) continue;
            var left = k > 0 ? profile[k - 1] : double.NegativeInfinity;
            var right = k < profile.Length - 1 ? profile[k + 1] : double.NegativeInfinity;
            if (p >= (double.IsFinite(left) ? left : double.NegativeInfinity) && p > (double.IsFinite(right) ? right : double.NegativeInfinity)) candidates.Add(k);
        }
        foreach (var k in candidates.OrderByDescending(k => profile[k]))
        {
            var (centre, fwhm) = Measure(profile, k, median);
            if (found.Any(o => Math.Abs(o.Offset - centre) < Math.Max(2, 0.75 * (o.Fwhm + fwhm)))) continue;
            found.Add(new SlitObject(centre, centre / length, fwhm, profile[k] - median, (profile[k] - median) / noise));
            if (found.Count == options.MaximumObjects) break;
        }
        return found;
    }

    /// <summary>An object the user places at fractional slit position <paramref name="slitPosition"/> (0 lower edge, 1 upper), with an expected FWHM in rows.</summary>
    public static SlitObject AtSlitPosition(SlitEdges edges, double slitPosition, double fwhm)
    {
        if (!double.IsFinite(slitPosition)) throw new ArgumentException("the slit position must be finite", nameof(slitPosition));
        return new SlitObject(slitPosition * MeanLength(edges), slitPosition, fwhm, double.NaN, double.NaN, UserDefined: true);
    }

    /// <summary>The collapsed spatial profile: element k is the median over blocks of the mean of (D − sky) at offset k above the lower edge.</summary>
    internal static double[] Profile(MaskedImage frame, SlitEdges edges, float[]? sky, ObjectFinderOptions options)
    {
        var (w, h) = (frame.Width, frame.Height);
        var value = ColumnSky.Subtracted(frame, edges, sky, options.EdgeMargin);
        var rows = (int)Math.Floor(MaxLength(edges)) + 1;
        var blocks = Math.Max(1, w / options.BlockWidth);
        var means = new double[blocks * rows];
        Parallel.For(0, blocks, b =>
        {
            var x0 = b * options.BlockWidth;
            var x1 = b == blocks - 1 ? w : x0 + options.BlockWidth;
            for (var k = 0; k < rows; k++)
            {
                double sum = 0;
                var n = 0;
                for (var x = x0; x < x1; x++)
                {
                    var y = edges.Lower.RowAt(x) + k;
                    if (y > edges.Upper.RowAt(x)) continue;
                    var y0 = (int)Math.Floor(y);
                    if (y0 < 0 || y0 + 1 >= h) continue;
                    var f = y - y0;
                    var v = value(x, y0) * (1 - f) + value(x, y0 + 1) * f;
                    if (!double.IsFinite(v)) continue;
                    sum += v;
                    n++;
                }
                means[b * rows + k] = n == 0 ? double.NaN : sum / n;
            }
        });
        var profile = new double[rows];
        var scratch = new double[blocks];
        for (var k = 0; k < rows; k++)
        {
            var n = 0;
            for (var b = 0; b < blocks; b++)
            {
                var v = means[b * rows + k];
                if (double.IsFinite(v)) scratch[n++] = v;
            }
            profile[k] = n == 0 ? double.NaN : Selection.Median(scratch.AsSpan(0, n));
        }
        return profile;
    }

    // Parabola vertex through the peak and its neighbours; FWHM between the interpolated half-maximum crossings.
    private static (double Centre, double Fwhm) Measure(double[] p, int k, double baseline)
    {
        var centre = (double)k;
        if (k > 0 && k < p.Length - 1 && double.IsFinite(p[k - 1]) && double.IsFinite(p[k + 1]))
        {
            var d = p[k - 1] - 2 * p[k] + p[k + 1];
            if (d < 0) centre = k + 0.5 * (p[k - 1] - p[k + 1]) / d;
        }
        var half = baseline + 0.5 * (p[k] - baseline);
        double left = double.NaN, right = double.NaN;
        for (var i = k; i > 0; i--)
            if (double.IsFinite(p[i - 1]) && p[i - 1] < half) { left = i - (p[i] - half) / (p[i] - p[i - 1]); break; }
        for (var i = k; i < p.Length - 1; i++)
            if (double.IsFinite(p[i + 1]) && p[i + 1] < half) { right = i + (p[i] - half) / (p[i] - p[i + 1]); break; }
        return (centre, right - left);
    }

    internal static double MeanLength(SlitEdges edges)
    {
        double s = 0;
        for (var x = 0; x < edges.Width; x++) s += edges.Length(x);
        return s / edges.Width;
    }

    private static double MaxLength(SlitEdges edges)
    {
        double m = 0;
        for (var x = 0; x < edges.Width; x++) m = Math.Max(m, edges.Length(x));
        return m;
    }
}

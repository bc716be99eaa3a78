using Parallax.Imaging;
using Parallax.Imaging.Statistics;
using Parallax.Spectroscopy.Fitting;

namespace Parallax.Spectroscopy.Slits;

/// <summary>
/// Finds the two edges of a long slit on a flat (dispersion along x, slit along y). The columns are collapsed in
/// bands into spatial profiles (median over the band's columns, skipping NaN and <see cref="MaskBits.Unusable"/>
/// pixels); in the brightest band the edges are the strongest rise and the strongest fall of the profile's
/// gradient, and from there each edge is followed band by band to both ends of the detector, searching near
/// its last position. In each band the edge row is the half-light point of the step, measured as the position
/// of the sharp step with the same area as the profile inside a small window (exact for any step symmetric
/// about its midpoint, whatever its width). The band measurements are then fitted with a Legendre polynomial
/// in x with iterative rejection.
/// </summary>
public static class SlitEdgeFinder
{
    /// <summary>Finds and fits the slit edges on <paramref name="flat"/>.</summary>
    /// <param name="flat">A flat lit through the slit; any units (only shapes are used).</param>
    /// <param name="options">Band width, window, thresholds and fit; <see cref="SlitEdgeOptions.Default"/> when null.</param>
    /// <exception cref="InvalidOperationException">No slit edge stands out of the noise, or an edge could not be fitted.</exception>
    public static SlitEdges Find(MaskedImage flat, SlitEdgeOptions? options = null)
    {
        options ??= SlitEdgeOptions.Default;
        options.Validate();
        var (w, h, b) = (flat.Width, flat.Height, options.BandWidth);
        if (h < 2 * options.EdgeWindow + 4) throw new InvalidOperationException($"the flat has {h} rows: too few to find slit edges");
        var bands = Math.Max(1, w / b);
        var profiles = Profiles(flat, bands, b);
        var start = Brightest(profiles);
        var first = profiles[start];
        var gradient = Gradient(first);
        var noise = GradientNoise(gradient);
        var (rise, fall) = (ArgMax(gradient, 1, h - 2, +1), ArgMax(gradient, 1, h - 2, -1));
        if (!(gradient[rise] > options.MinimumSignificance * noise) || !(-gradient[fall] > options.MinimumSignificance * noise))
            throw new InvalidOperationException($"no slit edge stands out of the noise on the flat (strongest rise {gradient[rise]:G4}, fall {gradient[fall]:G4}, gradient noise {noise:G4} in columns {start * b}..{start * b + b - 1})");
        if (rise >= fall)
            throw new InvalidOperationException($"the flat's strongest rise (row {rise}) is not below its strongest fall (row {fall}): no slit between two edges");
        var lower = Follow(profiles, start, rise, rising: true, options);
        var upper = Follow(profiles, start, fall, rising: false, options);
        return new SlitEdges(Fit(lower, b, w, options, "lower"), Fit(upper, b, w, options, "upper"), w, h);
    }

    /// <summary>Spatial profile of each band of columns: the median of the band's usable pixels on each row (NaN where none).</summary>
    internal static double[][] Profiles(MaskedImage image, int bands, int bandWidth)
    {
        var (w, h) = (image.Width, image.Height);
        var profiles = new double[bands][];
        Parallel.For(0, bands, () => new float[bandWidth + w], (k, _, scratch) =>
        {
            var x0 = k * bandWidth;
            var x1 = k == bands - 1 ? w : x0 + bandWidth;
            var p = new double[h];
            for (var y = 0; y < h; y++)
            {
                var data = image.DataRow(y);
                var mask = image.MaskRow(y);
                var n = 0;
                for (var x = x0; x < x1; x++)
                {
                    var v = data[x];
                    if (float.IsFinite(v) && (mask[x] & (ushort)MaskBits.Unusable) == 0) scratch[n++] = v;
                }
                p[y] = n == 0 ? double.NaN : Selection.Median(scratch.AsSpan(0, n));
            }
            profiles[k] = p;
            return scratch;
        }, _ => { });
        return profiles;
    }

    private static int Brightest(double[][] profiles)
    {
        var best = 0;
        var level = double.NegativeInfinity;
        var scratch = new double[profiles[0].Length];
        for (var k = 0; k < profiles.Length; k++)
        {
            var n = 0;
            foreach (var v in profiles[k]) if (double.IsFinite(v)) scratch[n++] = v;
            if (n == 0) continue;
            var m = Selection.Percentile(scratch.AsSpan(0, n), 75);
            if (m > level) { level = m; best = k; }
        }
        return best;
    }

    // Central difference p[y+1] − p[y−1]; NaN at the ends and next to NaN.
    internal static double[] Gradient(double[] p)
    {
        var g = new double[p.Length];
        g[0] = g[^1] = double.NaN;
        for (var y = 1; y < p.Length - 1; y++) g[y] = p[y + 1] - p[y - 1];
        return g;
    }

    private static double GradientNoise(double[] g)
    {
        var values = g.Where(double.IsFinite).ToArray();
        if (values.Length == 0) return double.NaN;
        var median = Selection.Median(values.ToArray());
        for (var i = 0; i < values.Length; i++) values[i] = Math.Abs(values[i] - median);
        return 1.482602218505602 * Selection.Median(values);
    }

    private static int ArgMax(double[] g, int from, int to, int sign)
    {
        var best = -1;
        var value = double.NegativeInfinity;
        for (var y = Math.Max(1, from); y <= Math.Min(g.Length - 2, to); y++)
        {
            var v = sign * g[y];
            if (v > value) { value = v; best = y; }
        }
        return best;
    }

    private static List<(double X, double Y, double Error)> Follow(double[][] profiles, int start, int startRow, bool rising, SlitEdgeOptions options)
    {
        var samples = new List<(double, double, double)>();
        var b = options.BandWidth;
        foreach (var direction in new[] { +1, -1 })
        {
            var previous = (double)startRow;
            for (var k = direction > 0 ? start : start - 1; k >= 0 && k < profiles.Length; k += direction)
            {
                var p = profiles[k];
                var g = Gradient(p);
                var noise = GradientNoise(g);
                var centre = (int)Math.Round(previous);
                var peak = ArgMax(g, centre - options.SearchRadius, centre + options.SearchRadius, rising ? +1 : -1);
                if (peak < 0 || !((rising ? g[peak] : -g[peak]) > options.MinimumSignificance * noise)) continue;
                var (row, error) = MeasureEdge(p, peak, options.EdgeWindow, rising, noise / Math.Sqrt(2));
                if (!double.IsFinite(row)) continue;
                samples.Add((k * b + (b - 1) / 2.0, row, error));
                previous = row;
            }
        }
        samples.Sort((a, c) => a.Item1.CompareTo(c.Item1));
        return samples;
    }

    /// <summary>
    /// The half-light row of the step around <paramref name="peak"/> in profile p: within rows a..b (peak ± window) the
    /// normalised area S = Σ (p_k − L)/(H − L), L the outside level and H the inside level (means of three rows just
    /// beyond the window on each side), equals the number of rows inside the step; the edge is b + ½ − S for a rise and
    /// a − ½ + S for a fall. Returns NaN when the window leaves the profile or holds NaN.
    /// </summary>
    internal static (double Row, double Error) MeasureEdge(ReadOnlySpan<double> p, int peak, int window, bool rising, double pixelNoise)
    {
        var a = peak - window;
        var b = peak + window;
        if (a < 1 || b > p.Length - 2) return (double.NaN, double.NaN);
        double below = 0, above = 0;
        int nb = 0, na = 0;
        for (var k = Math.Max(0, a - 2); k <= a; k++) { below += p[k]; nb++; }
        for (var k = b; k <= Math.Min(p.Length - 1, b + 2); k++) { above += p[k]; na++; }
        below /= nb; above /= na;
        var (outside, inside) = rising ? (below, above) : (above, below);
        var step = inside - outside;
        if (!(Math.Abs(step) > 0)) return (double.NaN, double.NaN);
        double s = 0;
        for (var k = a; k <= b; k++) s += (p[k] - outside) / step;
        if (!double.IsFinite(s)) return (double.NaN, double.NaN);
        var row = rising ? b + 0.5 - s : a - 0.5 + s;
        var error = double.IsFinite(pixelNoise) ? pixelNoise * Math.Sqrt(b - a + 1) / Math.Abs(step) : double.NaN;
        return (row, error);
    }

    private static EdgeTrace Fit(List<(double X, double Y, double Error)> samples, int bandWidth, int width, SlitEdgeOptions options, string name)
    {
        var x = samples.Select(s => s.X).ToArray();
        var y = samples.Select(s => s.Y).ToArray();
        var e = samples.Select(s => s.Error).ToArray();
        // A floor on the errors: the bright bands' formal errors are far below the flat's own structure.
        var weights = e.Select(v => 1 / (Sq(double.IsFinite(v) ? v : 0.1) + Sq(0.05))).ToArray();
        var order = Math.Min(options.Order, Math.Max(0, samples.Count - 2));
        var fit = LeastSquares.FitSeries(x, y, weights, order, 0, Math.Max(1, width - 1), options.RejectSigma, options.MaxIterations)
            ?? throw new InvalidOperationException($"the {name} slit edge was measured in only {samples.Count} bands of {bandWidth} columns: too few to fit");
        return new EdgeTrace(x, y, e, fit);
    }

    private static double Sq(double v) => v * v;
}

using Parallax.Imaging.Statistics;

namespace Parallax.Spectroscopy.Arcs;

/// <summary>
/// Finds emission lines in a 1-D arc spectrum: the continuum (a running median) is removed, local maxima higher than
/// <see cref="ArcLineOptions.Threshold"/> × the noise are kept, and each is measured by a least-squares fit of a
/// pixel-integrated Gaussian (amplitude, centre, width; the continuum already removed) to the pixels within
/// <see cref="ArcLineOptions.FitHalfWidth"/> of the peak, the centre's error from the fit covariance. Lines judged blended are
/// flagged (<see cref="ArcLine.IsBlend"/>) rather than dropped; lines whose fit fails are dropped.
/// </summary>
public static class ArcLineFinder
{
    /// <summary>Finds the lines of <paramref name="spectrum"/>, ordered by centre.</summary>
    /// <param name="spectrum">The arc spectrum; NaN columns are skipped. With a variance (positive where known) the noise is
    /// its square root, else the median absolute deviation of the continuum-subtracted spectrum.</param>
    /// <param name="options"><see cref="ArcLineOptions.Default"/> when null.</param>
    public static IReadOnlyList<ArcLine> Find(ArcSpectrum spectrum, ArcLineOptions? options = null)
    {
        options ??= ArcLineOptions.Default;
        options.Validate();
        var n = spectrum.Length;
        var flux = spectrum.Flux;
        var background = RunningMedian(flux, options.BackgroundWindow);
        var r = new double[n];
        for (var i = 0; i < n; i++) r[i] = flux[i] - background[i];
        var globalNoise = MadSigma(r);
        var noise = new double[n];
        for (var i = 0; i < n; i++)
        {
            var v = spectrum.Variance.Length == n ? spectrum.Variance[i] : float.NaN;
            noise[i] = v > 0 && float.IsFinite(v) ? Math.Sqrt(v) : globalNoise;
        }
        var peaks = new List<int>();
        var weak = new List<int>();
        for (var i = 1; i < n - 1; i++)
        {
            if (!(r[i] > r[i - 1] && r[i] >= r[i + 1])) continue;
            if (r[i] > 3 * noise[i]) weak.Add(i);
            if (r[i] > options.Threshold * noise[i]) peaks.Add(i);
        }
        var half = options.FitHalfWidth > 0 ? options.FitHalfWidth : Math.Max(2, (int)Math.Round(options.Fwhm));
        var sigma0 = options.Fwhm / 2.3548;
        var fitted = new List<(int Peak, GaussianProfileFit.Result Fit, double Significance)>();
        Span<double> y = stackalloc double[2 * half + 1];
        Span<double> v2 = stackalloc double[2 * half + 1];
        foreach (var i in peaks)
        {
            var a = i - half;
            var b = i + half;
            if (a < 0 || b >= n) continue;
            var ok = true;
            for (var k = a; k <= b; k++)
            {
                y[k - a] = r[k];
                v2[k - a] = noise[k] * noise[k];
                ok &= double.IsFinite(r[k]);
            }
            if (!ok) continue;
            var fit = GaussianProfileFit.Fit(y, v2, a, r[i], i, sigma0, 0, fitBackground: false);
            if (!(fit.Amplitude > 0) || !(fit.Sigma > 0.2) || !(fit.Sigma < 10 * sigma0) || !double.IsFinite(fit.CentreError)) continue;
            if (fit.Centre < a || fit.Centre > b) continue;
            fitted.Add((i, fit, r[i] / noise[i]));
        }
        if (fitted.Count == 0) return [];
        var widths = fitted.Select(f => f.Fit.Sigma).ToArray();
        var typical = Selection.Median(widths);
        var lines = new List<ArcLine>(fitted.Count);
        foreach (var (peak, fit, significance) in fitted)
        {
            var fwhm = fit.Sigma * 2.3548;
            var blend = fit.Sigma > options.BlendWidthRatio * typical || Math.Abs(fit.Centre - peak) > 1;
            foreach (var other in weak)
            {
                if (other == peak) continue;
                if (Math.Abs(other - fit.Centre) < options.BlendSeparation * typical * 2.3548 + 0.5
                    && r[other] > options.BlendNeighbourFraction * fit.Amplitude) { blend = true; break; }
            }
            lines.Add(new ArcLine(fit.Centre, fit.CentreError, fit.Amplitude, fwhm, significance, blend));
        }
        lines.Sort((p, q) => p.Centre.CompareTo(q.Centre));
        return lines;
    }

    /// <summary>Running median of the finite values in a centred window (shrunk at the ends); NaN where the window holds none.</summary>
    internal static double[] RunningMedian(ReadOnlySpan<float> values, int window)
    {
        var n = values.Length;
        var result = new double[n];
        var half = window / 2;
        var scratch = new float[2 * half + 1];
        for (var i = 0; i < n; i++)
        {
            var count = 0;
            for (var k = Math.Max(0, i - half); k <= Math.Min(n - 1, i + half); k++)
                if (float.IsFinite(values[k])) scratch[count++] = values[k];
            result[i] = count == 0 ? double.NaN : Selection.Median(scratch.AsSpan(0, count));
        }
        return result;
    }

    private static double MadSigma(double[] r)
    {
        var finite = r.Where(double.IsFinite).ToArray();
        if (finite.Length == 0) return double.NaN;
        var m = Selection.Median(finite.ToArray());
        for (var i = 0; i < finite.Length; i++) finite[i] = Math.Abs(finite[i] - m);
        return 1.482602218505602 * Selection.Median(finite);
    }
}

using Parallax.Imaging;
using Parallax.Imaging.Statistics;
using Parallax.Spectroscopy.Arcs;
using Parallax.Spectroscopy.Fitting;
using Parallax.Spectroscopy.Slits;

namespace Parallax.Spectroscopy.Tracing;

/// <summary>
/// Traces an object along the dispersion: in bins of columns the sky-subtracted frame is averaged into a spatial profile
/// around the expected row (the slit-parallel curve through the object), a pixel-integrated Gaussian on a constant is
/// fitted to it (unbiased even when the profile is only a pixel or two wide), and the centres of the bins above the
/// signal-to-noise threshold are fitted with a Legendre polynomial with rejection. With too few measured bins the trace
/// falls back on the slit-parallel curve. NaN and <see cref="MaskBits.Unusable"/> pixels take no part.
/// </summary>
public static class TraceFitter
{
    /// <summary>Traces <paramref name="obj"/> on <paramref name="frame"/>.</summary>
    /// <param name="frame">The detrended frame (dispersion along x), with a variance plane.</param>
    /// <param name="edges">The slit on this frame's geometry.</param>
    /// <param name="obj">The object, found by <see cref="ObjectFinder"/> or placed by the user.</param>
    /// <param name="sky">Optional sky model (row-major as the frame); null: each column's median inside the slit.</param>
    /// <param name="options">Bins, window, fit; <see cref="TraceOptions.Default"/> when null.</param>
    public static ObjectTrace Fit(MaskedImage frame, SlitEdges edges, SlitObject obj, float[]? sky = null, TraceOptions? options = null)
    {
        options ??= TraceOptions.Default;
        options.Validate();
        var (w, h) = (frame.Width, frame.Height);
        var value = ColumnSky.Subtracted(frame, edges, sky, margin: 3);
        var fwhmGuess = double.IsFinite(obj.Fwhm) && obj.Fwhm > 0 ? obj.Fwhm : 3;
        var window = options.Window > 0 ? options.Window : Math.Max(5, 3 * fwhmGuess);
        var bins = Math.Max(1, w / options.BinWidth);
        var results = new (double X, double Row, double Error, double Fwhm, bool Ok)[bins];
        Parallel.For(0, bins, b =>
        {
            var x0 = b * options.BinWidth;
            var x1 = b == bins - 1 ? w : x0 + options.BinWidth;
            var xm = 0.5 * (x0 + x1 - 1);
            var expected = SlitParallel(edges, obj.SlitPosition, xm);
            var first = Math.Max(0, (int)Math.Round(expected - window));
            var last = Math.Min(h - 1, (int)Math.Round(expected + window));
            var n = last - first + 1;
            if (n < 5) return;
            var y = new double[n];
            var v = new double[n];
            for (var k = 0; k < n; k++)
            {
                double sum = 0, variance = 0;
                var count = 0;
                for (var x = x0; x < x1; x++)
                {
                    var d = value(x, first + k);
                    if (!double.IsFinite(d)) continue;
                    sum += d;
                    variance += frame.Variance[(first + k) * w + x];
                    count++;
                }
                y[k] = count == 0 ? double.NaN : sum / count;
                v[k] = count == 0 ? double.NaN : variance / ((double)count * count);
            }
            if (y.Any(double.IsNaN)) return;
            var peak = first + Array.IndexOf(y, y.Max());
            var fit = GaussianProfileFit.Fit(y, v, first, y.Max(), peak, fwhmGuess / 2.3548, 0);
            if (!fit.Converged || !double.IsFinite(fit.CentreError) || fit.Amplitude <= 0) return;
            if (fit.Centre < first || fit.Centre > last || fit.Sigma > window) return;
            // Signal-to-noise of the flux within ±2σ of the centre.
            double flux = 0, noise = 0;
            for (var k = 0; k < n; k++)
                if (Math.Abs(first + k - fit.Centre) <= Math.Max(1, 2 * fit.Sigma)) { flux += y[k] - fit.Background; noise += v[k]; }
            if (!(flux / Math.Sqrt(noise) >= options.MinimumSignalToNoise)) return;
            results[b] = (xm, fit.Centre, fit.CentreError, 2.3548 * fit.Sigma, true);
        });
        var good = results.Where(r => r.Ok).ToArray();
        var columns = good.Select(r => r.X).ToArray();
        var rows = good.Select(r => r.Row).ToArray();
        var errors = good.Select(r => r.Error).ToArray();
        var fwhm = good.Length > 0 ? Selection.Median(good.Select(r => r.Fwhm).ToArray()) : fwhmGuess;
        LeastSquares.SeriesFit? series = null;
        if (good.Length >= options.Order + 3)
        {
            // A floor on the errors: the formal ones of bright bins are far below the profile's departures from a Gaussian.
            var weights = errors.Select(e => 1 / (e * e + 0.01 * 0.01)).ToArray();
            series = LeastSquares.FitSeries(columns, rows, weights, options.Order, 0, Math.Max(1, w - 1), options.RejectSigma, options.MaxIterations);
        }
        if (series is not null)
            return new ObjectTrace(obj, edges, series.Polynomial, 0, columns, rows, errors, series.Used, series.Rms, fwhm);
        // Slit-parallel: shifted by the weighted mean offset of the measured bins, if any.
        double shift = 0, weightSum = 0;
        for (var i = 0; i < good.Length; i++)
        {
            var wi = 1 / (errors[i] * errors[i] + 0.01);
            shift += wi * (rows[i] - SlitParallel(edges, obj.SlitPosition, columns[i]));
            weightSum += wi;
        }
        shift = weightSum > 0 ? shift / weightSum : 0;
        var used = Enumerable.Repeat(true, good.Length).ToArray();
        var rms = good.Length == 0 ? double.NaN
            : Math.Sqrt(good.Select((r, i) => Math.Pow(r.Row - SlitParallel(edges, obj.SlitPosition, r.X) - shift, 2)).Average());
        return new ObjectTrace(obj, edges, null, shift, columns, rows, errors, used, rms, fwhm);
    }

    private static double SlitParallel(SlitEdges edges, double position, double x) => edges.Lower.RowAt(x) + position * edges.Length(x);
}

using System.Numerics.Tensors;
using Parallax.Imaging.Fitting;
using Parallax.Spectroscopy.Spectra;

namespace Parallax.Spectroscopy.FluxCalibration;

/// <summary>
/// Derives a <see cref="SensitivityFunction"/> from an extracted standard star, as IRAF's <c>standard</c> + <c>sensfunc</c>
/// and PypeIt's sensfunc do: the spectrum is turned into electrons s⁻¹ Å⁻¹, corrected to above the atmosphere by
/// 10^(0.4 k(λ) X), averaged over each flux-table band (see the band rules in the remarks), divided by the table's f_λ and
/// converted to magnitudes m = 2.5 log₁₀ S; bands in masked windows, outside the spectrum or touching an unusable pixel are
/// left out; m(λ) is fitted with a cubic B-spline or a Legendre series weighted by 1/√(σ_m² + floor²), with iterative
/// sigma rejection.
/// </summary>
/// <remarks>
/// A band is averaged over the pixels it overlaps (weights = overlap in Å); a band narrower than two pixels (Oke's 1 Å
/// "bands" on a 1.7 Å/pixel spectrum) is read by linear interpolation at its centre. The spectrum's variance gives each
/// point's σ_m = (2.5 / ln 10) σ / counts.
/// </remarks>
public static class SensitivityBuilder
{
    /// <summary>Measures and fits the sensitivity.</summary>
    /// <param name="standard">The standard star's extracted spectrum in electrons (or electrons/s), sky subtracted.</param>
    /// <param name="table">The star's flux table.</param>
    /// <param name="extinction">The site's extinction curve.</param>
    /// <param name="options">Fit settings; defaults when null.</param>
    /// <param name="exposureTime">Exposure time in s; the spectrum's metadata when null.</param>
    /// <param name="airmass">Airmass; the spectrum's metadata when null.</param>
    /// <exception cref="ArgumentException">The spectrum is not in counts, or its exposure time or airmass is unknown.</exception>
    /// <exception cref="InvalidOperationException">Too few usable bands for the fit; the message gives the counts.</exception>
    public static SensitivityFunction Build(Spectrum1D standard, FluxStandardTable table, ExtinctionCurve extinction,
        SensitivityOptions? options = null, double? exposureTime = null, double? airmass = null)
    {
        ArgumentNullException.ThrowIfNull(standard);
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(extinction);
        options ??= new SensitivityOptions();
        options.Validate();
        var scale = CountRateScale.PerPixel(standard, exposureTime, nameof(standard));
        var x = CountRateScale.Airmass(standard, airmass, nameof(standard));
        var n = standard.Length;
        var density = new double[n];
        var variance = new double[n];
        var usable = new bool[n];
        // Above the atmosphere: scale × 10^(0.4 k(λ) X), one vectorised exponential for the whole spectrum.
        var correction = new double[n];
        extinction.Evaluate(standard.Wavelength, correction);
        TensorPrimitives.Multiply(correction, 0.4 * Math.Log(10) * x, correction);
        TensorPrimitives.Exp(correction, correction);
        TensorPrimitives.Multiply(correction, scale, correction);
        for (var i = 0; i < n; i++)
        {
            var f = correction[i];
            density[i] = standard.Flux[i] * f;
            variance[i] = standard.Variance[i] * f * f;
            usable[i] = standard.IsUsable(i);
        }
        var edges = standard.BinEdges();
        var points = new SensitivityPoint[table.Points.Count];
        var candidates = new List<int>();
        for (var p = 0; p < points.Length; p++)
        {
            var band = table.Points[p];
            var (lo, hi) = (band.Wavelength - band.Bandpass / 2, band.Wavelength + band.Bandpass / 2);
            if (options.MaskedWindows.Any(w => w.Overlaps(lo, hi)))
            {
                points[p] = new SensitivityPoint(band.Wavelength, band.Bandpass, band.Flambda, double.NaN, double.NaN, double.NaN, SensitivityPointStatus.Masked);
                continue;
            }
            if (!BandAverage.TryMeasure(standard.Wavelength, edges, density, variance, usable, band.Wavelength, band.Bandpass, out var rate, out var rateVariance) || !(rate > 0))
            {
                points[p] = new SensitivityPoint(band.Wavelength, band.Bandpass, band.Flambda, double.NaN, double.NaN, double.NaN, SensitivityPointStatus.NoData);
                continue;
            }
            var m = 2.5 * Math.Log10(rate / band.Flambda);
            var sigma = 2.5 / Math.Log(10) * Math.Sqrt(Math.Max(rateVariance, 0)) / rate;
            points[p] = new SensitivityPoint(band.Wavelength, band.Bandpass, band.Flambda, rate, m, sigma, SensitivityPointStatus.Used);
            candidates.Add(p);
        }
        var needed = options.FitKind == SensitivityFitKind.Legendre ? options.Order + 1 : 4;
        if (candidates.Count < needed)
            throw new InvalidOperationException($"only {candidates.Count} flux-table band(s) of {points.Length} could be measured on the standard ({points.Count(q => q.Status == SensitivityPointStatus.Masked)} masked, {points.Count(q => q.Status == SensitivityPointStatus.NoData)} without data); the fit needs {needed}");
        var xs = new double[candidates.Count];
        var ys = new double[candidates.Count];
        var ws = new double[candidates.Count];
        for (var c = 0; c < xs.Length; c++)
        {
            var q = points[candidates[c]];
            xs[c] = q.Wavelength;
            ys[c] = q.Magnitude;
            ws[c] = 1 / Math.Sqrt(q.MagnitudeError * q.MagnitudeError + options.ErrorFloor * options.ErrorFloor);
            if (!double.IsFinite(ws[c])) ws[c] = 1; // a noise-free spectrum with no floor: equal weights
        }
        var rejection = options.MaxIterations == 0 ? RejectionOptions.None
            : new RejectionOptions { LowerSigma = options.RejectionSigma, UpperSigma = options.RejectionSigma, MaxIterations = options.MaxIterations };
        var (min, max) = (xs[0], xs[^1]);
        ICurve1D curve;
        double rms;
        bool[] rejected;
        if (options.FitKind == SensitivityFitKind.Legendre)
        {
            var fit = PolynomialFitter.Fit(xs, ys, new PolynomialFitOptions { Basis = PolynomialBasis.Legendre, Order = options.Order, DomainMin = min, DomainMax = max, Rejection = rejection }, ws);
            (curve, rms, rejected) = (fit.Model, fit.Rms, fit.Rejected);
        }
        else
        {
            var fit = BSplineFitter.Fit(xs, ys, new BSplineFitOptions { Degree = 3, BreakpointSpacing = options.BreakpointSpacing, Rejection = rejection }, ws);
            (curve, rms, rejected) = (fit.Model, fit.Rms, fit.Rejected);
        }
        for (var c = 0; c < xs.Length; c++)
            if (rejected[c]) points[candidates[c]] = points[candidates[c]] with { Status = SensitivityPointStatus.Rejected };
        var span = standard.Length > 0 ? edges[^1] - edges[0] : 0;
        var coverage = span > 0 ? Math.Clamp((Math.Min(max, edges[^1]) - Math.Max(min, edges[0])) / span, 0, 1) : 0;
        return new SensitivityFunction(curve, min, max, points, rms, coverage);
    }
}

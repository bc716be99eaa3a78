using System.Globalization;
using Parallax.Imaging.Sources;

namespace Parallax.Imaging.Photometry;

/// <summary>
/// The photometric zero point of a frame from stars of known magnitude: aperture photometry with a local sky
/// annulus at radius <see cref="ZeroPointParameters.ApertureFwhm"/> × FWHM, an aperture correction to
/// <see cref="ZeroPointParameters.TotalFwhm"/> × FWHM measured on the stars themselves (median curve of growth),
/// then per-star zero points m_cat + 2.5 log10(flux / EXPTIME), combined by a weighted mean with iterative
/// rejection about the median (optionally with a linear colour term).
/// </summary>
/// <remarks>
/// Stars whose aperture touches a masked (saturated, cosmic ray, bad) or NaN pixel, leaves the image, or has no
/// usable sky are left out, as are stars with a NaN catalog magnitude or a signal-to-noise ratio below the limit.
/// </remarks>
public static class ZeroPointCalculator
{
    /// <summary>Measures the zero point.</summary>
    /// <param name="image">The frame, in electrons (or any unit: the zero point is then for that unit per second), not background-subtracted (the annulus takes the sky).</param>
    /// <param name="stars">Stars with catalog magnitudes.</param>
    /// <param name="exposureTime">Exposure time, seconds (&gt; 0).</param>
    /// <param name="fwhm">Stellar FWHM, pixels (&gt; 0).</param>
    /// <param name="parameters">Settings; defaults when null.</param>
    /// <param name="neighbours">Every source detected on the frame (zero-based), or null: when given, only stars with no other source within the large aperture (plus 2 FWHM) measure the aperture correction.</param>
    /// <exception cref="ArgumentOutOfRangeException">A non-positive exposure time or FWHM, or invalid parameters.</exception>
    public static ZeroPointResult Measure(MaskedImage image, IReadOnlyList<ZeroPointStar> stars, double exposureTime, double fwhm, ZeroPointParameters? parameters = null,
        IReadOnlyList<(double X, double Y)>? neighbours = null)
    {
        ArgumentNullException.ThrowIfNull(image);
        ArgumentNullException.ThrowIfNull(stars);
        if (!(exposureTime > 0)) throw new ArgumentOutOfRangeException(nameof(exposureTime), exposureTime, "the exposure time must be positive");
        if (!(fwhm > 0)) throw new ArgumentOutOfRangeException(nameof(fwhm), fwhm, "the FWHM must be positive");
        var p = parameters ?? new ZeroPointParameters();
        p.Validate();
        var radius = Math.Max(p.MinRadius, p.ApertureFwhm * fwhm);
        var total = Math.Max(radius + 2, p.TotalFwhm * fwhm);
        var positions = stars.Select(s => (s.X, s.Y)).ToArray();
        var annulus = new { Inner = 1.2 * total, Outer = 1.8 * total };
        var small = AperturePhotometry.Measure(image, positions, new ApertureParameters { Radius = radius, AnnulusInner = annulus.Inner, AnnulusOuter = annulus.Outer });
        var large = AperturePhotometry.Measure(image, positions, new ApertureParameters { Radius = total, AnnulusInner = annulus.Inner, AnnulusOuter = annulus.Outer, RejectMask = MaskBits.None });
        const SourceFlags Bad = SourceFlags.ApertureMasked | SourceFlags.ApertureTruncated | SourceFlags.SkyFallback;

        var good = new List<int>();
        for (var i = 0; i < stars.Count; i++)
        {
            var m = small[i];
            if ((m.Flags & Bad) != 0 || !(m.Flux > 0) || !(m.FluxError > 0) || m.Flux / m.FluxError < p.MinSignalToNoise) continue;
            good.Add(i);
        }
        // Curve of growth from the stars with the best signal: their large apertures are least troubled by noise.
        var isolation = total + 2 * fwhm;
        bool Isolated(int i) => neighbours is null || !neighbours.Any(n =>
        {
            var d2 = (n.X - stars[i].X) * (n.X - stars[i].X) + (n.Y - stars[i].Y) * (n.Y - stars[i].Y);
            return d2 > 1.0 && d2 < isolation * isolation;
        });
        var ratios = good.Where(i => (large[i].Flags & (SourceFlags.ApertureTruncated | SourceFlags.SkyFallback)) == 0 && large[i].Flux > 0 && Isolated(i))
            .OrderByDescending(i => small[i].Flux / small[i].FluxError).Take(Math.Max(5, good.Count / 2))
            .Select(i => large[i].Flux / small[i].Flux).Where(double.IsFinite).ToArray();
        var correction = ratios.Length >= 3 ? -2.5 * Math.Log10(Median(ratios)) : 0.0;

        var instrumental = new double[stars.Count];
        Array.Fill(instrumental, double.NaN);
        foreach (var i in good) instrumental[i] = -2.5 * Math.Log10(small[i].Flux / exposureTime) + correction;
        var candidates = good.Where(i => double.IsFinite(stars[i].CatalogMagnitude) && (!p.FitColourTerm || double.IsFinite(stars[i].Colour))).ToList();
        var used = new bool[stars.Count];
        ZeroPointResult Fail(string why) => new()
        {
            Succeeded = false, Message = why, Stars = candidates.Count, ApertureRadius = radius, ApertureCorrection = correction,
            InstrumentalMagnitudes = instrumental, Used = used,
        };
        if (candidates.Count < p.MinStars)
            return Fail(Invariant($"only {candidates.Count} of {stars.Count} stars have clean photometry (S/N >= {p.MinSignalToNoise:0.#}) and a catalog magnitude (at least {p.MinStars} needed)"));

        var zp = candidates.Select(i => stars[i].CatalogMagnitude - instrumental[i]).ToArray();
        var colour = candidates.Select(i => p.FitColourTerm ? stars[i].Colour : 0.0).ToArray();
        var weight = candidates.Select(i =>
        {
            var e = 1.0857 * small[i].FluxError / small[i].Flux;
            return 1.0 / (e * e + p.ErrorFloor * p.ErrorFloor);
        }).ToArray();
        var keep = Enumerable.Repeat(true, zp.Length).ToArray();
        (double Zp, double Slope, double ZpError, double SlopeError) fit = default;
        var scatter = double.NaN;
        for (var iteration = 0; iteration < 10; iteration++)
        {
            fit = WeightedLine(zp, colour, weight, keep, p.FitColourTerm);
            var residuals = Enumerable.Range(0, zp.Length).Where(k => keep[k]).Select(k => zp[k] - fit.Zp - fit.Slope * colour[k]).ToArray();
            scatter = 1.4826 * Median([.. residuals.Select(Math.Abs)]);
            var limit = p.ClipSigma * Math.Max(scatter, p.ErrorFloor);
            var changed = false;
            for (var k = 0; k < zp.Length; k++)
            {
                var now = Math.Abs(zp[k] - fit.Zp - fit.Slope * colour[k]) <= limit;
                if (now != keep[k]) { keep[k] = now; changed = true; }
            }
            if (keep.Count(b => b) < p.MinStars) return Fail(Invariant($"rejection left fewer than {p.MinStars} stars (scatter {scatter:0.###} mag)"));
            if (!changed) break;
        }
        fit = WeightedLine(zp, colour, weight, keep, p.FitColourTerm);
        var n = keep.Count(b => b);
        for (var k = 0; k < zp.Length; k++) used[candidates[k]] = keep[k];
        return new ZeroPointResult
        {
            Succeeded = true,
            Message = Invariant($"ZP {fit.Zp:0.###} +/- {fit.ZpError:0.###} mag from {n} stars (scatter {scatter:0.###}, aperture {radius:0.##} px, correction {correction:0.###} mag{(p.FitColourTerm ? $", colour term {fit.Slope:0.###} +/- {fit.SlopeError:0.###}" : "")})"),
            ZeroPoint = fit.Zp,
            Error = fit.ZpError,
            Scatter = scatter,
            Stars = n,
            ColourTerm = p.FitColourTerm ? fit.Slope : double.NaN,
            ColourTermError = p.FitColourTerm ? fit.SlopeError : double.NaN,
            ApertureRadius = radius,
            ApertureCorrection = correction,
            InstrumentalMagnitudes = instrumental,
            Used = used,
        };
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private static double Median(double[] values)
    {
        if (values.Length == 0) return double.NaN;
        var sorted = values.Order().ToArray();
        var h = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[h] : 0.5 * (sorted[h - 1] + sorted[h]);
    }

    /// <summary>
    /// Weighted mean (or straight line in colour) of the kept values; errors from the weights, scaled up by the
    /// reduced χ² when the scatter exceeds what the weights promise.
    /// </summary>
    private static (double Zp, double Slope, double ZpError, double SlopeError) WeightedLine(double[] y, double[] x, double[] w, bool[] keep, bool slope)
    {
        double sw = 0, sx = 0, sy = 0, sxx = 0, sxy = 0;
        var n = 0;
        for (var k = 0; k < y.Length; k++)
        {
            if (!keep[k]) continue;
            n++;
            sw += w[k]; sx += w[k] * x[k]; sy += w[k] * y[k]; sxx += w[k] * x[k] * x[k]; sxy += w[k] * x[k] * y[k];
        }
        double a, b = 0, va, vb = double.NaN;
        var det = sw * sxx - sx * sx;
        if (slope && n >= 3 && det > 1e-12 * sw * sxx)
        {
            b = (sw * sxy - sx * sy) / det;
            a = (sxx * sy - sx * sxy) / det;
            va = sxx / det;
            vb = sw / det;
        }
        else
        {
            a = sy / sw;
            va = 1 / sw;
        }
        var chi2 = 0.0;
        for (var k = 0; k < y.Length; k++)
            if (keep[k]) chi2 += w[k] * Math.Pow(y[k] - a - b * x[k], 2);
        var dof = n - (slope ? 2 : 1);
        var scale = dof > 0 ? Math.Max(1.0, chi2 / dof) : 1.0;
        return (a, b, Math.Sqrt(va * scale), Math.Sqrt(vb * scale));
    }
}

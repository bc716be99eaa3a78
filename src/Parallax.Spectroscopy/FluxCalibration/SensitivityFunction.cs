using Parallax.Imaging.Fitting;

namespace Parallax.Spectroscopy.FluxCalibration;

/// <summary>
/// A fitted sensitivity function: S(λ) = (electrons s⁻¹ Å⁻¹ above the atmosphere) / f_λ, in electrons per
/// (erg cm⁻²), held as the smooth fit of m(λ) = 2.5 log₁₀ S(λ) in magnitudes. It is defined on the wavelength range of
/// the measured bands (<see cref="Min"/>..<see cref="Max"/>) and NaN outside: a fit is not extrapolated. QC: the rms of
/// the fit in magnitudes, the points used, rejected and masked, and the coverage.
/// </summary>
public sealed class SensitivityFunction
{
    private readonly ICurve1D _curve;

    /// <summary>Wraps a fitted curve with its points and QC.</summary>
    /// <param name="curve">m(λ), mag, λ in Å.</param>
    /// <param name="min">Bluest wavelength where the curve holds, Å.</param>
    /// <param name="max">Reddest wavelength where the curve holds, Å.</param>
    /// <param name="points">Every flux-table band and what became of it.</param>
    /// <param name="rms">Rms of the fit residuals of the used points, mag.</param>
    /// <param name="coverageFraction">Fraction of the standard spectrum's wavelength range inside [min, max], 0..1.</param>
    public SensitivityFunction(ICurve1D curve, double min, double max, IReadOnlyList<SensitivityPoint> points, double rms, double coverageFraction)
    {
        ArgumentNullException.ThrowIfNull(curve);
        ArgumentNullException.ThrowIfNull(points);
        _curve = curve;
        Min = min;
        Max = max;
        Points = points;
        Rms = rms;
        CoverageFraction = coverageFraction;
    }

    /// <summary>Bluest wavelength where the function is defined, Å.</summary>
    public double Min { get; }

    /// <summary>Reddest wavelength where the function is defined, Å.</summary>
    public double Max { get; }

    /// <summary>Every flux-table band with its measurement and status, ascending in wavelength.</summary>
    public IReadOnlyList<SensitivityPoint> Points { get; }

    /// <summary>QC: root-mean-square residual of the used points about the fit, mag.</summary>
    public double Rms { get; }

    /// <summary>QC: fraction (0..1) of the standard spectrum's wavelength range where the function is defined.</summary>
    public double CoverageFraction { get; }

    /// <summary>QC: bands used in the final fit.</summary>
    public int NumberUsed => Points.Count(p => p.Status == SensitivityPointStatus.Used);

    /// <summary>QC: bands removed by the sigma rejection.</summary>
    public int NumberRejected => Points.Count(p => p.Status == SensitivityPointStatus.Rejected);

    /// <summary>QC: bands inside masked windows.</summary>
    public int NumberMasked => Points.Count(p => p.Status == SensitivityPointStatus.Masked);

    /// <summary>m(λ) = 2.5 log₁₀ S(λ), mag; NaN outside [<see cref="Min"/>, <see cref="Max"/>] or for NaN λ.</summary>
    public double Magnitude(double wavelength)
        => wavelength >= Min && wavelength <= Max ? _curve.Evaluate(wavelength) : double.NaN;

    /// <summary>m(λ) at every wavelength of <paramref name="wavelengths"/>, mag; NaN outside [<see cref="Min"/>, <see cref="Max"/>].</summary>
    /// <exception cref="ArgumentException">The spans differ in length.</exception>
    public void Magnitudes(ReadOnlySpan<double> wavelengths, Span<double> result)
    {
        if (wavelengths.Length != result.Length) throw new ArgumentException($"{wavelengths.Length} wavelengths but room for {result.Length} values", nameof(result));
        for (var i = 0; i < wavelengths.Length; i++) result[i] = Magnitude(wavelengths[i]);
    }

    /// <summary>S(λ) in electrons per (erg cm⁻²) — electrons s⁻¹ Å⁻¹ per erg s⁻¹ cm⁻² Å⁻¹; NaN outside the fitted range.</summary>
    public double Evaluate(double wavelength) => Math.Pow(10, 0.4 * Magnitude(wavelength));

    /// <summary>
    /// The effective collecting area S(λ)·hc/λ in cm²: telescope area × efficiency × slit transmission of the standard's
    /// exposure (photons counted per photon arriving per cm²). NaN outside the fitted range.
    /// </summary>
    public double EffectiveArea(double wavelength) => Evaluate(wavelength) * AbMagnitudes.PlanckTimesC / wavelength;

    /// <summary>The curve m(λ) at <paramref name="count"/> evenly spaced wavelengths over [Min, Max] (for a QC plot).</summary>
    public (double[] Wavelength, double[] Magnitude) Sample(int count = 200)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 2);
        var w = new double[count];
        var m = new double[count];
        for (var i = 0; i < count; i++)
        {
            w[i] = i == count - 1 ? Max : Min + (Max - Min) * i / (count - 1);
            m[i] = Magnitude(w[i]);
        }
        return (w, m);
    }

    /// <summary>(λ, measured m) of the used points (and, when asked, the rejected ones) — the "measured" series of a QC plot.</summary>
    public IReadOnlyList<(double Wavelength, double Value)> MeasuredPoints(bool includeRejected = false)
        => [.. Points.Where(p => p.Status == SensitivityPointStatus.Used || (includeRejected && p.Status == SensitivityPointStatus.Rejected)).Select(p => (p.Wavelength, p.Magnitude))];
}

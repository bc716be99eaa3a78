namespace Parallax.Imaging.Detector;

/// <summary>
/// A polynomial linearity correction applied to bias-subtracted counts a (ADU, before gain):
/// corrected = Σ c<sub>k</sub> a<sup>k</sup>, coefficients from c<sub>0</sub> (usually [0, 1, c2, c3 …]).
/// Pixels with a above <see cref="FlagAboveAdu"/> are still corrected but flagged
/// <see cref="MaskBits.Nonlinear"/>. Immutable.
/// </summary>
public sealed record NonlinearityCorrection
{
    /// <summary>Coefficients c<sub>0</sub>, c<sub>1</sub>, … of the correction polynomial in ADU. Default [0, 1] (identity).</summary>
    public IReadOnlyList<double> Coefficients { get; init; } = [0, 1];

    /// <summary>Bias-subtracted level (ADU) above which pixels are flagged Nonlinear; null: no flag.</summary>
    public double? FlagAboveAdu { get; init; }

    /// <summary>The corrected value of <paramref name="adu"/> (Horner's rule).</summary>
    public double Apply(double adu)
    {
        var s = 0.0;
        for (var k = Coefficients.Count - 1; k >= 0; k--) s = s * adu + Coefficients[k];
        return s;
    }

    /// <summary>Checks the fields.</summary>
    /// <exception cref="ArgumentException">No coefficients, or a non-finite coefficient or limit.</exception>
    public void Validate()
    {
        if (Coefficients.Count == 0) throw new ArgumentException("a linearity correction needs at least one coefficient", nameof(Coefficients));
        foreach (var c in Coefficients)
            if (!double.IsFinite(c)) throw new ArgumentException($"linearity coefficient {c} is not finite", nameof(Coefficients));
        if (FlagAboveAdu is { } f && !double.IsFinite(f)) throw new ArgumentException($"nonlinear flag level {f} is not finite", nameof(FlagAboveAdu));
    }
}

namespace Parallax.Pipeline.Instruments;

/// <summary>
/// A detector's measured response, as the instrument file gives it: for a linear signal a (ADU above
/// bias, before gain) the detector records m = a + c2·a² + c3·a³ + …. The pipeline inverts it; pixels
/// whose recorded signal lies above <see cref="MaxAdu"/> (the range the response was measured over) are
/// still corrected but flagged Nonlinear.
/// </summary>
public sealed record DetectorNonlinearity
{
    /// <summary>Response coefficients c2, c3, … (ADU⁻¹, ADU⁻², …) of the powers a², a³, …; at least one.</summary>
    public required IReadOnlyList<double> Coefficients { get; init; }

    /// <summary>Highest recorded level above bias (ADU) the response is valid for; null: no upper limit (nothing is flagged).</summary>
    public double? MaxAdu { get; init; }

    /// <summary>The recorded level m(a) of a linear signal <paramref name="adu"/> (ADU above bias).</summary>
    public double Recorded(double adu)
    {
        var s = 0.0;
        for (var k = Coefficients.Count - 1; k >= 0; k--) s = s * adu + Coefficients[k];
        return adu + adu * adu * s;
    }

    /// <summary>dm/da at <paramref name="adu"/>: where it is not positive the response cannot be inverted.</summary>
    public double Slope(double adu)
    {
        var s = 1.0;
        var power = adu;
        for (var k = 0; k < Coefficients.Count; k++, power *= adu) s += (k + 2) * Coefficients[k] * power;
        return s;
    }
}

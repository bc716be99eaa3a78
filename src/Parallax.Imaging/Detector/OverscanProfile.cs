using Parallax.Imaging.Fitting;

namespace Parallax.Imaging.Detector;

/// <summary>
/// The overscan levels of one amplifier: the statistic of every overscan line, the (smoothed) level
/// applied to each line of the region corrected, and QC figures. Levels and noise are in raw ADU.
/// </summary>
/// <param name="Axis">The resolved axis: <see cref="OverscanAxis.PerRow"/> or <see cref="OverscanAxis.PerColumn"/>.</param>
/// <param name="BiasSection">The overscan pixels measured.</param>
/// <param name="FirstLine">Zero-based raw row (per-row) or column (per-column) of <c>Levels[0]</c>.</param>
/// <param name="Levels">The level subtracted from each line of the corrected region (ADU).</param>
/// <param name="LineLevels">The statistic of each overscan line, from the bias section's first line (ADU; NaN where every pixel of a line was masked).</param>
/// <param name="NoiseRms">Robust σ (1.4826 × MAD) of the overscan pixels about their line level (ADU): the read noise seen in the overscan.</param>
/// <param name="FitRms">Rms of the line levels about the smoothing fit (ADU); NaN without smoothing.</param>
/// <param name="Polynomial">The smoothing polynomial (x = zero-based raw line index), when Legendre/Chebyshev smoothing was used.</param>
/// <param name="Spline">The smoothing spline (x = zero-based raw line index), when B-spline smoothing was used.</param>
public sealed record OverscanProfile(OverscanAxis Axis, ImageSection BiasSection, int FirstLine, double[] Levels, double[] LineLevels,
    double NoiseRms, double FitRms, Polynomial1D? Polynomial, BSpline1D? Spline)
{
    /// <summary>Mean of the applied levels (ADU).</summary>
    public double MeanLevel => Levels.Length == 0 ? double.NaN : Levels.Average();

    /// <summary>The level applied to raw line <paramref name="line"/> (zero-based row or column).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The line lies outside the corrected region.</exception>
    public double LevelAt(int line)
    {
        var i = line - FirstLine;
        if ((uint)i >= (uint)Levels.Length) throw new ArgumentOutOfRangeException(nameof(line), $"line {line} is outside the corrected lines {FirstLine}..{FirstLine + Levels.Length - 1}");
        return Levels[i];
    }
}

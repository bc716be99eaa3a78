namespace Parallax.Imaging.Statistics;

/// <summary>The result of sigma-clipped statistics (astropy's <c>sigma_clipped_stats</c>, plus what the clipping did).</summary>
/// <param name="Mean">Mean of the values kept; NaN when none.</param>
/// <param name="Median">Median of the values kept; NaN when none.</param>
/// <param name="StandardDeviation">Standard deviation of the values kept (with the options' StdDdof); NaN when none.</param>
/// <param name="Count">How many values were kept.</param>
/// <param name="Clipped">How many valid values the clipping removed (masked and NaN values are not counted).</param>
/// <param name="Iterations">Iterations run.</param>
/// <param name="LowerBound">Lower clipping bound of the last iteration.</param>
/// <param name="UpperBound">Upper clipping bound of the last iteration.</param>
public readonly record struct SigmaClippedStatistics(
    double Mean, double Median, double StandardDeviation, int Count, int Clipped, int Iterations, double LowerBound, double UpperBound);

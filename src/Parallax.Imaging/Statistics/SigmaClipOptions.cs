namespace Parallax.Imaging.Statistics;

/// <summary>
/// Parameters of iterative sigma clipping, with astropy's <c>sigma_clip</c> / <c>sigma_clipped_stats</c>
/// meaning and defaults: each iteration measures a centre and a spread of the values kept so far
/// and keeps those with centre − SigmaLower·spread ≤ x ≤ centre + SigmaUpper·spread; it stops when
/// an iteration removes nothing or after <see cref="MaxIterations"/> iterations.
/// </summary>
public sealed record SigmaClipOptions
{
    /// <summary>astropy's defaults: 3σ both sides, at most 5 iterations, median centre, standard deviation.</summary>
    public static SigmaClipOptions Default { get; } = new();

    /// <summary>Threshold in units of the spread, for both sides unless overridden. Default 3.</summary>
    public double Sigma { get; init; } = 3;

    /// <summary>Lower threshold (values below centre − SigmaLower·spread are clipped); null: <see cref="Sigma"/>.</summary>
    public double? SigmaLower { get; init; }

    /// <summary>Upper threshold (values above centre + SigmaUpper·spread are clipped); null: <see cref="Sigma"/>.</summary>
    public double? SigmaUpper { get; init; }

    /// <summary>Most iterations; null iterates until nothing changes (astropy's <c>maxiters=None</c>). Default 5.</summary>
    public int? MaxIterations { get; init; } = 5;

    /// <summary>Centre of the clipping interval. Default median.</summary>
    public CentreFunction Centre { get; init; } = CentreFunction.Median;

    /// <summary>Spread scaling the thresholds. Default standard deviation.</summary>
    public SpreadFunction Spread { get; init; } = SpreadFunction.StandardDeviation;

    /// <summary>Delta degrees of freedom of the standard deviation <em>reported</em> by sigma-clipped statistics (astropy's <c>std_ddof</c>); the clipping itself always uses ddof = 0. Default 0.</summary>
    public int StdDdof { get; init; }

    /// <summary>The lower threshold in force.</summary>
    public double Lower => SigmaLower ?? Sigma;

    /// <summary>The upper threshold in force.</summary>
    public double Upper => SigmaUpper ?? Sigma;

    /// <summary>Checks the fields together.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A threshold is not positive and finite, MaxIterations &lt; 1, or StdDdof &lt; 0.</exception>
    public void Validate()
    {
        if (!(Lower > 0) || !double.IsFinite(Lower)) throw new ArgumentOutOfRangeException(nameof(SigmaLower), $"lower sigma {Lower} must be a positive finite number");
        if (!(Upper > 0) || !double.IsFinite(Upper)) throw new ArgumentOutOfRangeException(nameof(SigmaUpper), $"upper sigma {Upper} must be a positive finite number");
        if (MaxIterations is < 1) throw new ArgumentOutOfRangeException(nameof(MaxIterations), $"maximum iterations {MaxIterations} must be at least 1 (null: until convergence)");
        if (StdDdof < 0) throw new ArgumentOutOfRangeException(nameof(StdDdof), $"ddof {StdDdof} must be ≥ 0");
    }
}

namespace Parallax.Imaging.Fitting;

/// <summary>
/// Iterative sigma rejection around a fit, as IRAF's icfit and PypeIt's robust fits do it: fit, measure
/// σ as the root-mean-square residual of the points in use, reject points whose residual
/// r = y − model lies above +<see cref="UpperSigma"/>·σ or below −<see cref="LowerSigma"/>·σ, grow each
/// rejection by <see cref="Grow"/> neighbouring points, refit. Rejections accumulate (a rejected point
/// stays rejected); the loop stops when an iteration rejects nothing new, after
/// <see cref="MaxIterations"/> iterations, or when one more rejection would leave fewer points than
/// coefficients.
/// </summary>
public sealed record RejectionOptions
{
    /// <summary>No rejection: one plain fit.</summary>
    public static RejectionOptions None { get; } = new() { MaxIterations = 0 };

    /// <summary>Rejection of residuals beyond 3σ either side, at most 5 iterations, no growing.</summary>
    public static RejectionOptions Default { get; } = new();

    /// <summary>Points with residual below −LowerSigma·σ are rejected. Positive. Default 3.</summary>
    public double LowerSigma { get; init; } = 3;

    /// <summary>Points with residual above +UpperSigma·σ are rejected. Positive. Default 3.</summary>
    public double UpperSigma { get; init; } = 3;

    /// <summary>Most rejection iterations (refits after the first fit); 0 turns rejection off. Default 5.</summary>
    public int MaxIterations { get; init; } = 5;

    /// <summary>Neighbours (in the order the points are given, each side) rejected with each rejected point; 0: none. Default 0.</summary>
    public int Grow { get; init; }

    /// <summary>Checks the fields together.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A threshold is not positive and finite, or MaxIterations or Grow is negative.</exception>
    public void Validate()
    {
        if (!(LowerSigma > 0) || !double.IsFinite(LowerSigma)) throw new ArgumentOutOfRangeException(nameof(LowerSigma), $"lower sigma {LowerSigma} must be a positive finite number");
        if (!(UpperSigma > 0) || !double.IsFinite(UpperSigma)) throw new ArgumentOutOfRangeException(nameof(UpperSigma), $"upper sigma {UpperSigma} must be a positive finite number");
        if (MaxIterations < 0) throw new ArgumentOutOfRangeException(nameof(MaxIterations), $"maximum iterations {MaxIterations} must be ≥ 0");
        if (Grow < 0) throw new ArgumentOutOfRangeException(nameof(Grow), $"grow {Grow} must be ≥ 0");
    }
}

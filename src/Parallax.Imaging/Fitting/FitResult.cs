namespace Parallax.Imaging.Fitting;

/// <summary>
/// The outcome of a fit with rejection: the model, the root-mean-square residual of the points in
/// the final fit (unweighted, in y units), how many points that was, and which points were rejected.
/// </summary>
/// <typeparam name="TModel">The fitted model (<see cref="Polynomial1D"/>, <see cref="BSpline1D"/>, <see cref="PolynomialSurface"/>).</typeparam>
/// <param name="Model">The fitted model.</param>
/// <param name="Rms">√(Σ r² / n) over the n points used in the final fit, r = y − model (y units).</param>
/// <param name="NumberUsed">Points in the final fit: not excluded by the caller, finite, positive weight, not rejected.</param>
/// <param name="Rejected">One flag per input point: true where the sigma rejection removed it (excluded or non-finite inputs are not flagged here).</param>
/// <param name="Iterations">Rejection iterations run (0 when rejection is off or the first fit rejected nothing).</param>
public sealed record FitResult<TModel>(TModel Model, double Rms, int NumberUsed, bool[] Rejected, int Iterations)
{
    /// <summary>How many points the rejection removed.</summary>
    public int NumberRejected => Rejected.Count(r => r);
}

namespace Parallax.Imaging.Fitting;

/// <summary>A fitted 1-D model y(x) (polynomial, spline) and its evaluation over spans.</summary>
public interface ICurve1D
{
    /// <summary>y at <paramref name="x"/>.</summary>
    double Evaluate(double x);
}

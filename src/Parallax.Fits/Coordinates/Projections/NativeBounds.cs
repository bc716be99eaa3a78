namespace Parallax.Fits.Coordinates.Projections;

/// <summary>
/// The range check wcslib applies to every deprojected point: native longitude within [-180, 180] and
/// latitude within [-90, 90], allowing a rounding tolerance and snapping to the bound inside it.
/// Cylindrical projections rely on it: their plane is unbounded but only one turn of it is the sphere.
/// </summary>
internal static class NativeBounds
{
    private const double Tolerance = 1e-12;

    /// <summary>Clamps values within tolerance of a bound; returns false (and sets both to NaN) beyond it.</summary>
    public static bool Check(ref double phi, ref double theta)
    {
        if (!Within(ref phi, 180.0) || !Within(ref theta, 90.0))
        {
            phi = theta = double.NaN;
            return false;
        }
        return true;
    }

    private static bool Within(ref double v, double bound)
    {
        if (Math.Abs(v) <= bound) return true;
        if (Math.Abs(v) <= bound + Tolerance)
        {
            v = Math.CopySign(bound, v);
            return true;
        }
        return false;
    }
}

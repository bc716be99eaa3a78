namespace Parallax.Fits.Coordinates;

/// <summary>
/// Trigonometry in degrees. Multiples of 90 degrees give exact results (cos 90 is 0, not 6e-17), so a
/// rotation such as CROTA2 = 90 or a reference point on the equator gives exact matrices, as in wcslib.
/// </summary>
internal static class Degrees
{
    public const double PerRadian = 180.0 / Math.PI;
    public const double ToRadians = Math.PI / 180.0;

    public static double Sin(double degrees)
    {
        if (IsQuarterTurn(degrees, out var quarters))
        {
            // Quarter turns modulo 4, in -2..2.
            return Math.IEEERemainder(quarters, 4.0) switch { 1.0 => 1.0, -1.0 => -1.0, _ => 0.0 };
        }
        return Math.Sin(degrees * ToRadians);
    }

    public static double Cos(double degrees)
    {
        if (IsQuarterTurn(degrees, out var quarters))
        {
            return Math.Abs(Math.IEEERemainder(quarters, 4.0)) switch { 0.0 => 1.0, 1.0 => 0.0, _ => -1.0 };
        }
        return Math.Cos(degrees * ToRadians);
    }

    public static (double Sin, double Cos) SinCos(double degrees)
        => IsQuarterTurn(degrees, out _) ? (Sin(degrees), Cos(degrees)) : Math.SinCos(degrees * ToRadians);

    /// <summary>True when the angle is an exact multiple of 90 degrees (cheaper than fmod on the hot path).</summary>
    private static bool IsQuarterTurn(double degrees, out double quarters)
    {
        quarters = Math.Round(degrees / 90.0);
        return quarters * 90.0 == degrees;
    }

    public static double Atan2(double y, double x) => Math.Atan2(y, x) * PerRadian;

    public static double Asin(double v) => Math.Asin(v) * PerRadian;

    public static double Acos(double v) => Math.Acos(v) * PerRadian;

    public static double Atan(double v) => Math.Atan(v) * PerRadian;
}

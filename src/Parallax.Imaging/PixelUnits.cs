namespace Parallax.Imaging;

/// <summary>
/// Names of pixel units, written to BUNIT. Units are plain strings so that flux units from any
/// pipeline survive a round trip; these constants are the ones Parallax itself produces.
/// </summary>
public static class PixelUnits
{
    /// <summary>Analogue-to-digital units: raw detector counts, before gain.</summary>
    public const string Adu = "adu";

    /// <summary>Photo-electrons (after multiplying by the gain).</summary>
    public const string Electron = "electron";

    /// <summary>Photo-electrons per second (after dividing by the exposure time).</summary>
    public const string ElectronPerSecond = "electron/s";

    /// <summary>A ratio without unit, such as a normalised flat field.</summary>
    public const string Dimensionless = "";

    /// <summary>The unit of a product a·b: the other unit when one side is dimensionless, else "a*b".</summary>
    public static string Multiply(string a, string b)
        => a.Length == 0 ? b : b.Length == 0 ? a : $"{a}*{b}";

    /// <summary>The unit of a quotient a/b: dimensionless when the units are equal, <paramref name="a"/> when b is dimensionless, else "a/b".</summary>
    public static string Divide(string a, string b)
        => string.Equals(a, b, StringComparison.OrdinalIgnoreCase) ? Dimensionless : b.Length == 0 ? a : $"{a}/{b}";

    /// <summary>The unit of the variance of a quantity in <paramref name="unit"/> (its square), for the VAR extension's BUNIT.</summary>
    public static string Squared(string unit) => unit.Length == 0 ? Dimensionless : unit.Contains('/') || unit.Contains('*') ? $"({unit})**2" : $"{unit}**2";
}

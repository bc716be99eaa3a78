using System.Text.Json;

namespace Parallax.Testing;

/// <summary>
/// PypeIt's arc solution of the real Kast blue b1 frame (reference_pypeit/kastb_600_PYPIT_wavecalib.json): Legendre
/// coefficients on x' = 2x/(xnorm − 1) − 1 giving vacuum Angstrom, and the lines it fitted (column, vacuum wavelength, ion).
/// </summary>
internal sealed record PypeItArcSolution(double[] Coefficients, double XNorm, double[] LinePixels, double[] LineWavelengths, string[] Ions)
{
    /// <summary>Reads the Kast blue b1 solution from the shared real data (skips the test when absent).</summary>
    public static PypeItArcSolution ReadKastBlue()
    {
        var path = RepositoryLayout.RequireRealData("lick_kast_blue_longslit", "reference_pypeit", "kastb_600_PYPIT_wavecalib.json");
        using var doc = JsonDocument.Parse(File.ReadAllText(path));
        var root = doc.RootElement;
        double[] Array(string name) => root.GetProperty(name).EnumerateArray().Select(e => e.GetDouble()).ToArray();
        var xnorm = root.GetProperty("xnorm").GetDouble();
        var xfit = Array("xfit");
        // PypeIt normalises columns by (nspec − 1): xfit = tcent / (xnorm − 1), and the Legendre argument is 2·xfit − 1.
        return new PypeItArcSolution(Array("fitc"), xnorm, xfit.Select(x => x * (xnorm - 1)).ToArray(), Array("yfit"),
            root.GetProperty("ions").EnumerateArray().Select(e => e.GetString()!).ToArray());
    }

    /// <summary>Vacuum to air (the IAU standard of Morton 2000, as used by SDSS and PypeIt's own conversion), Angstrom.</summary>
    public static double VacuumToAir(double vacuum)
    {
        var s2 = 1e8 / (vacuum * vacuum);
        var n = 1 + 0.0000834254 + 0.02406147 / (130 - s2) + 0.00015998 / (38.9 - s2);
        return vacuum / n;
    }

    /// <summary>PypeIt's vacuum wavelength at column x.</summary>
    public double VacuumWavelength(double x)
    {
        var t = 2 * x / (XNorm - 1) - 1;
        double p0 = 1, p1 = t, sum = Coefficients[0] + (Coefficients.Length > 1 ? Coefficients[1] * t : 0);
        for (var k = 2; k < Coefficients.Length; k++)
        {
            var p2 = ((2 * k - 1) * t * p1 - (k - 1) * p0) / k;
            sum += Coefficients[k] * p2;
            (p0, p1) = (p1, p2);
        }
        return sum;
    }
}

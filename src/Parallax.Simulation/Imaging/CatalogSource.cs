namespace Parallax.Simulation.Imaging;

/// <summary>
/// One source of the synthetic sky: a star (a point) or a Sérsic galaxy. Magnitudes in any filter follow from
/// V and B−V through approximate main-sequence colour relations (<see cref="Magnitude"/>).
/// </summary>
/// <param name="Id">Running number in the field.</param>
/// <param name="IsGalaxy">True for a galaxy.</param>
/// <param name="Ra">Right ascension (J2000), degrees.</param>
/// <param name="Dec">Declination (J2000), degrees.</param>
/// <param name="V">V magnitude (total for a galaxy).</param>
/// <param name="BMinusV">B−V colour.</param>
/// <param name="SersicIndex">Sérsic index n (galaxies).</param>
/// <param name="EffectiveRadius">Half-light radius along the major axis, arcsec (galaxies).</param>
/// <param name="AxisRatio">Minor over major axis (galaxies).</param>
/// <param name="PositionAngle">Major axis from north through east, degrees (galaxies).</param>
internal sealed record CatalogSource(int Id, bool IsGalaxy, double Ra, double Dec, double V, double BMinusV,
    double SersicIndex = 0, double EffectiveRadius = 0, double AxisRatio = 1, double PositionAngle = 0)
{
    // Colour term c(λ) with m(λ) = V + c·(B−V): B (4400 A) = V + (B−V); R and I from V−R ≈ 0.55 (B−V) and
    // R−I ≈ 0.50 (B−V), main-sequence approximations in the Johnson–Cousins system. Linear in wavelength between.
    private static readonly (double Wavelength, double Term)[] ColourTerms = [(3600, 1.9), (4400, 1.0), (5500, 0), (6500, -0.55), (8000, -1.05), (9000, -1.3)];

    /// <summary>Magnitude in a filter of effective wavelength <paramref name="wavelength"/> (Angstrom).</summary>
    public double Magnitude(double wavelength) => V + ColourTerm(wavelength) * BMinusV;

    /// <summary>The colour term at a wavelength (clamped at the ends of the table).</summary>
    public static double ColourTerm(double wavelength)
    {
        if (wavelength <= ColourTerms[0].Wavelength) return ColourTerms[0].Term;
        for (var i = 1; i < ColourTerms.Length; i++)
        {
            var (w1, t1) = ColourTerms[i];
            if (wavelength <= w1)
            {
                var (w0, t0) = ColourTerms[i - 1];
                return t0 + (t1 - t0) * (wavelength - w0) / (w1 - w0);
            }
        }
        return ColourTerms[^1].Term;
    }
}

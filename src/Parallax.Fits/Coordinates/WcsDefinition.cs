namespace Parallax.Fits.Coordinates;

/// <summary>
/// Everything a <see cref="Wcs"/> is made from, as read from a header or given to a factory, before the
/// derived state (inverse matrix, celestial rotation) is computed. Axis-ordered values (CRPIX, CRVAL,
/// CDELT, PC, CD) follow the FITS axis numbers 1 and 2.
/// </summary>
internal sealed record WcsDefinition
{
    public required string LongitudeType { get; init; }
    public required string LatitudeType { get; init; }
    /// <summary>1 when CTYPE1 is the longitude, 2 when the axes are swapped.</summary>
    public required int LongitudeAxis { get; init; }
    public required IProjection Projection { get; init; }
    public required double Crpix1 { get; init; }
    public required double Crpix2 { get; init; }
    public required double Crval1 { get; init; }
    public required double Crval2 { get; init; }
    /// <summary>True when the linear part is a CD matrix (written back as CDi_j); false for PC + CDELT.</summary>
    public required bool UsesCd { get; init; }
    /// <summary>The CD matrix when <see cref="UsesCd"/>; otherwise unused.</summary>
    public Matrix2 Cd { get; init; } = Matrix2.Identity;
    public double Cdelt1 { get; init; } = 1.0;
    public double Cdelt2 { get; init; } = 1.0;
    public Matrix2 Pc { get; init; } = Matrix2.Identity;
    public double? LonPole { get; init; }
    public double? LatPole { get; init; }
    public string? RadeSys { get; init; }
    public double? Equinox { get; init; }
    public SipDistortion? Sip { get; init; }
    public IReadOnlyList<string> Notes { get; init; } = [];

    /// <summary>The full linear matrix, CD or diag(CDELT) * PC.</summary>
    public Matrix2 Linear => UsesCd ? Cd : Pc.ScaleRows(Cdelt1, Cdelt2);

    public double LongitudeCrval => LongitudeAxis == 1 ? Crval1 : Crval2;
    public double LatitudeCrval => LongitudeAxis == 1 ? Crval2 : Crval1;
}

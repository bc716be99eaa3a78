using Parallax.Fits.Headers;
using Parallax.Fits.Coordinates.Projections;

namespace Parallax.Fits.Coordinates;

/// <summary>
/// A two-dimensional celestial World Coordinate System (FITS WCS papers I and II, with SIP distortion):
/// pixel coordinates to sky coordinates and back. Immutable and thread-safe.
/// </summary>
/// <remarks>
/// <para><b>Pixel coordinates are ZERO-BASED by default.</b> <see cref="PixelToWorld(double, double)"/> and
/// <see cref="WorldToPixel(double, double)"/> take and give pixel positions where the centre of the first
/// pixel is (0, 0), exactly like astropy's <c>all_pix2world(x, y, 0)</c> / <c>all_world2pix(ra, dec, 0)</c> and
/// array indices. FITS itself (CRPIX, DS9, IRAF) counts from 1: pass <see cref="PixelOrigin.OneBased"/> to the
/// overloads that take a <see cref="PixelOrigin"/> to use that convention. <see cref="ReferencePixel"/> is
/// given as written in the header, i.e. one-based.</para>
/// <para><b>Units:</b> degrees everywhere (sky coordinates, CDELT / CD, pixel scales). World coordinates are
/// (longitude, latitude) whichever axis order the header uses: (RA, Dec) for equatorial systems, (l, b) for
/// galactic. Longitudes follow wcslib's convention: in [0, 360] when CRVAL's longitude is non-negative, in
/// [-360, 0] when it is negative.</para>
/// <para><b>NaN:</b> no transform throws. A pixel outside the projection's domain (beyond the edge of an AIT
/// ellipse, a SIN disc, |x| &gt; 180 for CAR...) gives (NaN, NaN); a sky position the projection cannot show
/// (the far hemisphere for TAN and SIN, a pole for MER) or with |latitude| &gt; 90 gives (NaN, NaN); NaN in gives
/// NaN out; and with SIP, a world position whose pixel the Newton inversion cannot find gives NaN.</para>
/// <para>SIP: pixel to world applies the A/B polynomials; world to pixel uses AP/BP (when present) only as a
/// starting guess and refines with Newton's method on A/B, so pixel -&gt; world -&gt; pixel is exact to rounding
/// (better than 1e-8 px) with or without AP/BP, as astropy's <c>all_world2pix</c> with a tight tolerance.</para>
/// </remarks>
public sealed class Wcs
{
    private readonly WcsDefinition _definition;
    private readonly IProjection _projection;
    private readonly INativeVectorProjection? _vectorProjection;
    private readonly CelestialRotation _rotation;
    private readonly SipDistortion? _sip;
    private readonly bool _longitudeFirst;
    private readonly double _crpix1;
    private readonly double _crpix2;
    private readonly Matrix2 _linear;
    private readonly Matrix2 _inverse;

    /// <exception cref="ArgumentException">The definition is inconsistent (singular matrix, impossible LONPOLE).</exception>
    internal Wcs(WcsDefinition definition)
    {
        _definition = definition;
        _projection = definition.Projection;
        _vectorProjection = _projection as INativeVectorProjection;
        _sip = definition.Sip;
        _longitudeFirst = definition.LongitudeAxis == 1;
        _crpix1 = definition.Crpix1;
        _crpix2 = definition.Crpix2;
        _linear = definition.Linear;
        var det = _linear.Determinant;
        if (det == 0.0 || !double.IsFinite(det))
            throw new ArgumentException("the linear transformation matrix (CD, or PC scaled by CDELT) is singular");
        _inverse = _linear.Inverse();
        _rotation = CelestialRotation.Create(definition.LongitudeCrval, definition.LatitudeCrval, 0.0,
            _projection.Theta0, definition.LonPole, definition.LatPole);
    }

    /// <summary>
    /// Reads the primary (unlettered) celestial WCS of image axes 1 and 2 from a header: CTYPE1/2, CRPIX, CRVAL, CD
    /// (or PC + CDELT, or CDELT + CROTA2), LONPOLE / LATPOLE, RADESYS / EQUINOX, PVi_m of the latitude axis, and SIP
    /// (A/B, AP/BP). Alternate descriptions (CTYPE1A...), other axes and distortions other than SIP are not read.
    /// Precedence exactly as wcslib (and so astropy) applies it: CDi_j replaces CDELTi and CROTAi; when PCi_j and
    /// CDi_j are both present PCi_j (with CDELTi) wins and CDi_j is ignored; CROTAi is used only when neither PC nor CD
    /// is present. Every keyword ignored this way is listed in <see cref="Notes"/>.
    /// </summary>
    /// <exception cref="FitsFormatException">A required keyword is missing (CTYPEi, CRPIXi, CRVALi, CDELTi when there is no CD
    /// matrix, B_ORDER with A_ORDER, ...), or keywords are inconsistent (axes that are not a celestial pair,
    /// different projections, an unsupported projection, a singular matrix, LONPOLE with no solution). The
    /// exception names the keyword.</exception>
    public static Wcs FromHeader(Header header) => WcsHeaderReader.Read(header);

    /// <summary>
    /// Builds a TAN (gnomonic) WCS from scratch, with east to the left and north up when
    /// <paramref name="rotation"/> is 0: CDELT1 = -scale, CDELT2 = +scale, rotated as CROTA2 = rotation.
    /// </summary>
    /// <param name="ra">Right ascension of the reference point (CRVAL1), degrees.</param>
    /// <param name="dec">Declination of the reference point (CRVAL2), degrees, in [-90, 90].</param>
    /// <param name="crpix1">CRPIX1, ONE-BASED FITS pixel coordinate of the reference point (for the centre of an N-pixel axis use (N + 1) / 2).</param>
    /// <param name="crpix2">CRPIX2, one-based.</param>
    /// <param name="pixelScale">Pixel size in degrees per pixel (&gt; 0).</param>
    /// <param name="rotation">Rotation in degrees with the meaning of the AIPS CROTA2 keyword: the angle from north to the image +y axis, counter-clockwise on the sky image.</param>
    /// <exception cref="ArgumentException">A non-finite value, |dec| &gt; 90, or a scale that is not positive.</exception>
    public static Wcs CreateTan(double ra, double dec, double crpix1, double crpix2, double pixelScale, double rotation = 0.0)
    {
        if (!(pixelScale > 0.0) || !double.IsFinite(pixelScale))
            throw new ArgumentException($"pixel scale must be a positive number of degrees, not {pixelScale}", nameof(pixelScale));
        if (!double.IsFinite(rotation)) throw new ArgumentException("rotation must be finite", nameof(rotation));
        var (s, c) = Degrees.SinCos(rotation);
        var cd = new Matrix2(-pixelScale * c, -pixelScale * s, -pixelScale * s, pixelScale * c);
        return CreateTan(ra, dec, crpix1, crpix2, cd.M11, cd.M12, cd.M21, cd.M22);
    }

    /// <summary>Builds a TAN (gnomonic) WCS from scratch with an explicit CD matrix (degrees per pixel; row i is world axis i, column j pixel axis j).</summary>
    /// <param name="ra">Right ascension of the reference point (CRVAL1), degrees.</param>
    /// <param name="dec">Declination of the reference point (CRVAL2), degrees, in [-90, 90].</param>
    /// <param name="crpix1">CRPIX1, ONE-BASED FITS pixel coordinate of the reference point.</param>
    /// <param name="crpix2">CRPIX2, one-based.</param>
    /// <param name="cd11">CD1_1.</param>
    /// <param name="cd12">CD1_2.</param>
    /// <param name="cd21">CD2_1.</param>
    /// <param name="cd22">CD2_2.</param>
    /// <exception cref="ArgumentException">A non-finite value, |dec| &gt; 90, or a singular matrix.</exception>
    public static Wcs CreateTan(double ra, double dec, double crpix1, double crpix2, double cd11, double cd12, double cd21, double cd22)
    {
        foreach (var (v, name) in new[] { (ra, nameof(ra)), (dec, nameof(dec)), (crpix1, nameof(crpix1)), (crpix2, nameof(crpix2)),
                     (cd11, nameof(cd11)), (cd12, nameof(cd12)), (cd21, nameof(cd21)), (cd22, nameof(cd22)) })
        {
            if (!double.IsFinite(v)) throw new ArgumentException($"{name} must be finite, not {v}", name);
        }
        if (Math.Abs(dec) > 90.0) throw new ArgumentException($"declination {dec} is outside [-90, 90]", nameof(dec));
        return new Wcs(new WcsDefinition
        {
            LongitudeType = "RA",
            LatitudeType = "DEC",
            LongitudeAxis = 1,
            Projection = new TanProjection(),
            Crpix1 = crpix1,
            Crpix2 = crpix2,
            Crval1 = ra,
            Crval2 = dec,
            UsesCd = true,
            Cd = new Matrix2(cd11, cd12, cd21, cd22),
            RadeSys = "ICRS",
        });
    }

    /// <summary>A copy of this WCS with a SIP distortion added, replaced, or (with null) removed.</summary>
    public Wcs WithSip(SipDistortion? sip) => new(_definition with { Sip = sip });

    /// <summary>The spherical projection.</summary>
    public IProjection Projection => _projection;

    /// <summary>The celestial coordinate name of the longitude axis: "RA", "GLON", "ELON", ...</summary>
    public string LongitudeType => _definition.LongitudeType;

    /// <summary>The celestial coordinate name of the latitude axis: "DEC", "GLAT", "ELAT", ...</summary>
    public string LatitudeType => _definition.LatitudeType;

    /// <summary>The FITS axis (1 or 2) holding the longitude; 2 when the header has e.g. CTYPE1 = 'DEC--TAN'.</summary>
    public int LongitudeAxis => _definition.LongitudeAxis;

    /// <summary>CTYPE1 and CTYPE2 as they would be written (e.g. "RA---TAN-SIP").</summary>
    public (string Ctype1, string Ctype2) CoordinateTypes
    {
        get
        {
            var lng = new CelestialAxisType(LongitudeType, _projection.Code, _sip is not null, true).ToCtype();
            var lat = new CelestialAxisType(LatitudeType, _projection.Code, _sip is not null, false).ToCtype();
            return _longitudeFirst ? (lng, lat) : (lat, lng);
        }
    }

    /// <summary>CRPIX1, CRPIX2: the reference pixel in the ONE-BASED FITS convention, as written in the header.</summary>
    public (double X, double Y) ReferencePixel => (_crpix1, _crpix2);

    /// <summary>The sky coordinates of the reference pixel (CRVAL of the longitude and latitude axes), degrees.</summary>
    public (double Longitude, double Latitude) ReferenceCoordinate => (_definition.LongitudeCrval, _definition.LatitudeCrval);

    /// <summary>The full linear matrix in degrees per pixel: CDi_j, or CDELTi * PCi_j. Row i is FITS world axis i, column j pixel axis j.</summary>
    public (double M11, double M12, double M21, double M22) Cd => _linear.ToTuple();

    /// <summary>True when the header gave a CD matrix (and <see cref="WriteTo"/> writes CDi_j); false for PC + CDELT (or CROTA2, written back as PC + CDELT).</summary>
    public bool UsesCdMatrix => _definition.UsesCd;

    /// <summary>CDELT1, CDELT2 in degrees (1 when the header uses a CD matrix).</summary>
    public (double X, double Y) Cdelt => _definition.UsesCd ? (1.0, 1.0) : (_definition.Cdelt1, _definition.Cdelt2);

    /// <summary>The PC matrix (the CD matrix when the header uses one, with CDELT = 1, as wcslib does).</summary>
    public (double M11, double M12, double M21, double M22) Pc => _definition.UsesCd ? _definition.Cd.ToTuple() : _definition.Pc.ToTuple();

    /// <summary>LONPOLE in effect: the native longitude of the celestial pole, degrees (the header's value or the projection's default).</summary>
    public double LonPole => _rotation.LonPole;

    /// <summary>LATPOLE in effect: the celestial latitude of the native pole, degrees (as wcslib reports it after setup).</summary>
    public double LatPole => _rotation.PoleLatitude;

    /// <summary>The reference frame (RADESYS, or the paper II default for equatorial systems: ICRS, FK4 or FK5), or null for non-equatorial systems.</summary>
    public string? RadeSys => _definition.RadeSys;

    /// <summary>EQUINOX in years (e.g. 2000), or null when not applicable (ICRS, galactic) or not given.</summary>
    public double? Equinox => _definition.Equinox;

    /// <summary>The SIP distortion, or null.</summary>
    public SipDistortion? Sip => _sip;

    /// <summary>Things the reader noticed and handled the way astropy does (deprecated keywords, ignored keywords), one line each.</summary>
    public IReadOnlyList<string> Notes => _definition.Notes;

    /// <summary>
    /// Pixel size along each pixel axis at the reference point in the projection plane, in degrees per pixel:
    /// the Euclidean norm of each column of <see cref="Cd"/> (astropy's <c>proj_plane_pixel_scales</c>). SIP is not included.
    /// </summary>
    public (double X, double Y) PixelScales
        => (Math.Sqrt(_linear.M11 * _linear.M11 + _linear.M21 * _linear.M21), Math.Sqrt(_linear.M12 * _linear.M12 + _linear.M22 * _linear.M22));

    /// <summary>Area of one pixel at the reference point in the projection plane, square degrees: |det CD| (astropy's <c>proj_plane_pixel_area</c>).</summary>
    public double PixelArea => Math.Abs(_linear.Determinant);

    /// <summary>The geometric-mean pixel size at the reference point, degrees per pixel: sqrt(<see cref="PixelArea"/>).</summary>
    public double PixelScale => Math.Sqrt(PixelArea);

    /// <summary>Pixel to sky, ZERO-BASED pixels (first pixel centre is (0, 0)), as astropy's <c>all_pix2world(x, y, 0)</c>.</summary>
    /// <returns>(longitude, latitude) in degrees; (NaN, NaN) outside the projection's domain.</returns>
    public (double Longitude, double Latitude) PixelToWorld(double x, double y) => PixelToWorld(x, y, PixelOrigin.ZeroBased);

    /// <summary>Pixel to sky in the given pixel convention.</summary>
    /// <returns>(longitude, latitude) in degrees; (NaN, NaN) outside the projection's domain.</returns>
    public (double Longitude, double Latitude) PixelToWorld(double x, double y, PixelOrigin origin)
    {
        var offset = origin == PixelOrigin.ZeroBased ? 1.0 : 0.0;
        var u = x + offset - _crpix1;
        var v = y + offset - _crpix2;
        if (_sip is not null) (u, v) = _sip.Distort(u, v);
        var w1 = _linear.M11 * u + _linear.M12 * v;
        var w2 = _linear.M21 * u + _linear.M22 * v;
        var (px, py) = _longitudeFirst ? (w1, w2) : (w2, w1);
        double lon, lat;
        if (_vectorProjection is not null)
        {
            // Zenithal projections: straight to the native direction, without the angles in between.
            if (!_vectorProjection.PlaneToNativeVector(px, py, out var n1, out var n2, out var n3)) return (double.NaN, double.NaN);
            _rotation.NativeVectorToCelestial(n1, n2, n3, out lon, out lat);
            return (lon, lat);
        }
        _projection.PlaneToNative(px, py, out var phi, out var theta);
        if (double.IsNaN(phi) || double.IsNaN(theta)) return (double.NaN, double.NaN);
        _rotation.NativeToCelestial(phi, theta, out lon, out lat);
        return (lon, lat);
    }

    /// <summary>Sky to pixel, ZERO-BASED pixels (first pixel centre is (0, 0)), as astropy's <c>all_world2pix(lon, lat, 0)</c>.</summary>
    /// <returns>(x, y); (NaN, NaN) where the projection cannot show the position.</returns>
    public (double X, double Y) WorldToPixel(double longitude, double latitude) => WorldToPixel(longitude, latitude, PixelOrigin.ZeroBased);

    /// <summary>Sky to pixel in the given pixel convention.</summary>
    /// <returns>(x, y); (NaN, NaN) where the projection cannot show the position.</returns>
    public (double X, double Y) WorldToPixel(double longitude, double latitude, PixelOrigin origin)
    {
        if (!(Math.Abs(latitude) <= 90.0) || !double.IsFinite(longitude)) return (double.NaN, double.NaN);
        double px, py;
        if (_vectorProjection is not null)
        {
            _rotation.CelestialToNativeVector(longitude, latitude, out var n1, out var n2, out var n3);
            if (!_vectorProjection.NativeVectorToPlane(n1, n2, n3, out px, out py)) return (double.NaN, double.NaN);
        }
        else
        {
            _rotation.CelestialToNative(longitude, latitude, out var phi, out var theta);
            _projection.NativeToPlane(phi, theta, out px, out py);
            if (double.IsNaN(px) || double.IsNaN(py)) return (double.NaN, double.NaN);
        }
        var (w1, w2) = _longitudeFirst ? (px, py) : (py, px);
        var u = _inverse.M11 * w1 + _inverse.M12 * w2;
        var v = _inverse.M21 * w1 + _inverse.M22 * w2;
        if (_sip is not null) (u, v) = _sip.Undistort(u, v);
        var offset = origin == PixelOrigin.ZeroBased ? 1.0 : 0.0;
        return (u + _crpix1 - offset, v + _crpix2 - offset);
    }

    /// <summary>Pixel to sky for many points (ZERO-BASED unless <paramref name="origin"/> says otherwise); no allocation.</summary>
    /// <param name="x">Pixel x coordinates.</param>
    /// <param name="y">Pixel y coordinates, same length.</param>
    /// <param name="longitude">Receives longitudes in degrees (NaN outside the domain); same length.</param>
    /// <param name="latitude">Receives latitudes in degrees; same length.</param>
    /// <param name="origin">Pixel convention.</param>
    /// <exception cref="ArgumentException">The spans differ in length.</exception>
    public void PixelToWorld(ReadOnlySpan<double> x, ReadOnlySpan<double> y, Span<double> longitude, Span<double> latitude, PixelOrigin origin = PixelOrigin.ZeroBased)
    {
        CheckLengths(x.Length, y.Length, longitude.Length, latitude.Length);
        for (var i = 0; i < x.Length; i++)
            (longitude[i], latitude[i]) = PixelToWorld(x[i], y[i], origin);
    }

    /// <summary>Sky to pixel for many points (ZERO-BASED unless <paramref name="origin"/> says otherwise); no allocation.</summary>
    /// <param name="longitude">Longitudes in degrees.</param>
    /// <param name="latitude">Latitudes in degrees, same length.</param>
    /// <param name="x">Receives pixel x (NaN where not representable); same length.</param>
    /// <param name="y">Receives pixel y; same length.</param>
    /// <param name="origin">Pixel convention.</param>
    /// <exception cref="ArgumentException">The spans differ in length.</exception>
    public void WorldToPixel(ReadOnlySpan<double> longitude, ReadOnlySpan<double> latitude, Span<double> x, Span<double> y, PixelOrigin origin = PixelOrigin.ZeroBased)
    {
        CheckLengths(longitude.Length, latitude.Length, x.Length, y.Length);
        for (var i = 0; i < longitude.Length; i++)
            (x[i], y[i]) = WorldToPixel(longitude[i], latitude[i], origin);
    }

    /// <summary>
    /// Writes this WCS's keywords into a header: CTYPEi, CRPIXi, CRVALi, CUNITi, CDi_j (or PCi_j + CDELTi),
    /// LONPOLE, LATPOLE, RADESYS / EQUINOX when known, PVi_m of the projection, and the SIP keywords.
    /// Existing linear, PV and SIP keywords (CDi_j, PCi_j, CDELTi, CROTAi, PVi_m, A_/B_/AP_/BP_*) are removed
    /// first so no stale keyword contradicts the new ones; other cards are left as they are.
    /// </summary>
    public void WriteTo(Header header) => WcsHeaderWriter.Write(this, _definition, header);

    /// <inheritdoc/>
    public override string ToString()
    {
        var (c1, c2) = CoordinateTypes;
        return $"Wcs {c1}/{c2} CRPIX=({_crpix1}, {_crpix2}) CRVAL=({_definition.Crval1}, {_definition.Crval2}) scale={PixelScale * 3600.0:G6}\"/px";
    }

    private static void CheckLengths(int a, int b, int c, int d)
    {
        if (a != b || a != c || a != d)
            throw new ArgumentException($"all spans must have the same length (got {a}, {b}, {c}, {d})");
    }
}

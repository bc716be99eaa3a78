namespace Parallax.Fits.Coordinates;

/// <summary>
/// The spherical rotation between native (phi, theta) and celestial (longitude, latitude) coordinates
/// (FITS WCS paper II, section 2), set up from the reference point, the projection's fiducial point and
/// LONPOLE / LATPOLE. All angles in degrees.
/// </summary>
internal sealed class CelestialRotation
{
    private const double Tolerance = 1e-10;

    // Celestial coordinates of the native pole (alpha_p, delta_p) and native longitude of the celestial pole (phi_p).
    private readonly double _alphaP;
    private readonly double _phiP;
    private readonly double _sinDeltaP;
    private readonly double _cosDeltaP;
    private readonly double _sinPhiP;
    private readonly double _cosPhiP;

    private CelestialRotation(double alphaP, double deltaP, double phiP)
    {
        _alphaP = alphaP;
        _phiP = phiP;
        (_sinDeltaP, _cosDeltaP) = Degrees.SinCos(deltaP);
        (_sinPhiP, _cosPhiP) = Degrees.SinCos(phiP);
        PoleLongitude = alphaP;
        PoleLatitude = deltaP;
    }

    /// <summary>Native longitude of the celestial pole: the LONPOLE in effect.</summary>
    public double LonPole => _phiP;

    /// <summary>Celestial latitude of the native pole, delta_p: the LATPOLE in effect.</summary>
    public double PoleLatitude { get; }

    /// <summary>Celestial longitude of the native pole, alpha_p.</summary>
    public double PoleLongitude { get; }

    /// <summary>
    /// Sets up the rotation so that the fiducial point (phi0, theta0) lands on the reference point
    /// (lon0, lat0) = CRVAL, following paper II section 2.4 (and wcslib's handling of the special cases).
    /// </summary>
    /// <param name="lon0">Celestial longitude of the reference point (CRVAL of the longitude axis).</param>
    /// <param name="lat0">Celestial latitude of the reference point.</param>
    /// <param name="phi0">Native longitude of the fiducial point (0 for every projection here).</param>
    /// <param name="theta0">Native latitude of the fiducial point (90 zenithal, 0 otherwise).</param>
    /// <param name="lonPole">LONPOLE, or null for the default: 0 when lat0 &gt;= theta0, else 180 (paper II eq. 11).</param>
    /// <param name="latPole">LATPOLE, or null for the default of +90; chooses between the two solutions for delta_p.</param>
    /// <exception cref="ArgumentException">LONPOLE is inconsistent with the reference point (no pole solution), naming it in the message.</exception>
    public static CelestialRotation Create(double lon0, double lat0, double phi0, double theta0, double? lonPole, double? latPole)
    {
        var phiP = lonPole ?? (lat0 < theta0 ? 180.0 : 0.0);
        if (theta0 == 90.0)
        {
            // The fiducial point is the native pole, so the reference point is the native pole.
            return new CelestialRotation(lon0, lat0, phiP);
        }

        var (sinTheta0, cosTheta0) = Degrees.SinCos(theta0);
        var (sinLat0, cosLat0) = Degrees.SinCos(lat0);
        var (sinDphi, cosDphi) = Degrees.SinCos(phiP - phi0);

        // Paper II eq. 8: delta_p = u +/- v.
        var xx = cosTheta0 * cosDphi;
        var radius = Math.Sqrt(sinTheta0 * sinTheta0 + xx * xx);
        double deltaP;
        if (radius == 0.0)
        {
            if (Math.Abs(sinLat0) > Tolerance)
                throw new ArgumentException($"LONPOLE {phiP} leaves no native pole that puts the fiducial point at latitude {lat0}");
            deltaP = latPole ?? 90.0;
        }
        else
        {
            var w = sinLat0 / radius;
            if (Math.Abs(w) > 1.0)
            {
                if (Math.Abs(w) > 1.0 + Tolerance)
                    throw new ArgumentException($"LONPOLE {phiP} is inconsistent with the reference latitude {lat0}: no celestial pole position satisfies both");
                w = Math.CopySign(1.0, w);
            }
            var u = Degrees.Atan2(sinTheta0, xx);
            var v = Degrees.Acos(w);
            var first = Wrap180(u + v);
            var second = Wrap180(u - v);
            var target = latPole ?? 90.0;
            var firstValid = Math.Abs(first) <= 90.0 + Tolerance;
            var secondValid = Math.Abs(second) <= 90.0 + Tolerance;
            if (firstValid && secondValid)
                deltaP = Math.Abs(target - first) <= Math.Abs(target - second) ? first : second;
            else if (firstValid)
                deltaP = first;
            else if (secondValid)
                deltaP = second;
            else
                throw new ArgumentException($"LONPOLE {phiP} gives no celestial pole latitude within [-90, 90]");
            if (Math.Abs(deltaP) > 90.0) deltaP = Math.CopySign(90.0, deltaP);
        }

        // Paper II eq. 9 and 10 for alpha_p, with the degenerate cases where cos(delta_p) cos(lat0) vanishes.
        var (sinDeltaP, cosDeltaP) = Degrees.SinCos(deltaP);
        var z = cosDeltaP * cosLat0;
        double alphaP;
        if (Math.Abs(z) < Tolerance)
        {
            if (Math.Abs(cosLat0) < Tolerance)
                alphaP = lon0; // The reference point is a celestial pole.
            else if (deltaP > 0.0)
                alphaP = lon0 + phiP - phi0 - 180.0; // Native pole at the north celestial pole.
            else
                alphaP = lon0 - phiP + phi0; // Native pole at the south celestial pole.
        }
        else
        {
            var x = (sinTheta0 - sinDeltaP * sinLat0) / z;
            var y = sinDphi * cosTheta0 / cosLat0;
            if (x == 0.0 && y == 0.0)
                throw new ArgumentException($"LONPOLE {phiP} leaves the celestial longitude of the native pole undefined");
            alphaP = lon0 - Degrees.Atan2(y, x);
        }

        // Keep alpha_p on the same side of zero as the reference longitude (so outputs follow CRVAL's sign convention, as in wcslib).
        if (lon0 >= 0.0) { if (alphaP < 0.0) alphaP += 360.0; }
        else if (alphaP > 0.0) alphaP -= 360.0;
        if (alphaP > 360.0) alphaP -= 360.0;
        else if (alphaP < -360.0) alphaP += 360.0;
        return new CelestialRotation(alphaP, deltaP, phiP);
    }

    /// <summary>Native (phi, theta) to celestial (lon, lat). Longitudes come out in [0, 360] when alpha_p &gt;= 0, else in [-360, 0].</summary>
    public void NativeToCelestial(double phi, double theta, out double lon, out double lat)
    {
        var (sinDphi, cosDphi) = Degrees.SinCos(phi - _phiP);
        var (sinTheta, cosTheta) = Degrees.SinCos(theta);
        var x = sinTheta * _cosDeltaP - cosTheta * _sinDeltaP * cosDphi;
        var y = -cosTheta * sinDphi;
        var z = sinTheta * _sinDeltaP + cosTheta * _cosDeltaP * cosDphi;
        // atan2 against the equatorial component keeps full precision near the poles, where asin(z) would not.
        lat = Degrees.Atan2(z, Math.Sqrt(x * x + y * y));
        lon = _alphaP + Degrees.Atan2(y, x);
        if (_alphaP >= 0.0) { if (lon < 0.0) lon += 360.0; }
        else if (lon > 0.0) lon -= 360.0;
        if (lon > 360.0) lon -= 360.0;
        else if (lon < -360.0) lon += 360.0;
    }

    /// <summary>Celestial (lon, lat) to native (phi, theta), with phi in [-180, 180].</summary>
    public void CelestialToNative(double lon, double lat, out double phi, out double theta)
    {
        var (sinDlon, cosDlon) = Degrees.SinCos(lon - _alphaP);
        var (sinLat, cosLat) = Degrees.SinCos(lat);
        var x = sinLat * _cosDeltaP - cosLat * _sinDeltaP * cosDlon;
        var y = -cosLat * sinDlon;
        var z = sinLat * _sinDeltaP + cosLat * _cosDeltaP * cosDlon;
        theta = Degrees.Atan2(z, Math.Sqrt(x * x + y * y));
        phi = _phiP + Degrees.Atan2(y, x);
        if (phi > 180.0) phi -= 360.0;
        else if (phi < -180.0) phi += 360.0;
        if (phi > 180.0 || phi < -180.0) phi = Math.IEEERemainder(phi, 360.0);
    }

    /// <summary>Native unit vector (cos(theta) sin(phi), cos(theta) cos(phi), sin(theta)) to celestial (lon, lat); as <see cref="NativeToCelestial"/>.</summary>
    public void NativeVectorToCelestial(double n1, double n2, double n3, out double lon, out double lat)
    {
        // cos(theta) sin(phi - phi_p) and cos(theta) cos(phi - phi_p) by the angle-difference identities.
        var cs = n1 * _cosPhiP - n2 * _sinPhiP;
        var cc = n2 * _cosPhiP + n1 * _sinPhiP;
        var x = n3 * _cosDeltaP - cc * _sinDeltaP;
        var y = -cs;
        var z = n3 * _sinDeltaP + cc * _cosDeltaP;
        lat = Degrees.Atan2(z, Math.Sqrt(x * x + y * y));
        lon = _alphaP + Degrees.Atan2(y, x);
        if (_alphaP >= 0.0) { if (lon < 0.0) lon += 360.0; }
        else if (lon > 0.0) lon -= 360.0;
        if (lon > 360.0) lon -= 360.0;
        else if (lon < -360.0) lon += 360.0;
    }

    /// <summary>Celestial (lon, lat) to the native unit vector (cos(theta) sin(phi), cos(theta) cos(phi), sin(theta)).</summary>
    public void CelestialToNativeVector(double lon, double lat, out double n1, out double n2, out double n3)
    {
        var (sinDlon, cosDlon) = Degrees.SinCos(lon - _alphaP);
        var (sinLat, cosLat) = Degrees.SinCos(lat);
        // x = cos(theta) cos(phi - phi_p), y = cos(theta) sin(phi - phi_p), then rotate by phi_p.
        var x = sinLat * _cosDeltaP - cosLat * _sinDeltaP * cosDlon;
        var y = -cosLat * sinDlon;
        n1 = y * _cosPhiP + x * _sinPhiP;
        n2 = x * _cosPhiP - y * _sinPhiP;
        n3 = sinLat * _sinDeltaP + cosLat * _cosDeltaP * cosDlon;
    }

    private static double Wrap180(double a) => a > 180.0 ? a - 360.0 : a < -180.0 ? a + 360.0 : a;
}

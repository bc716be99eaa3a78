namespace Parallax.Simulation.Imaging;

/// <summary>Time and pointing geometry: Julian dates, sidereal time, altitude and airmass.</summary>
internal static class SkyGeometry
{
    private static readonly DateTime MjdEpoch = new(1858, 11, 17, 0, 0, 0, DateTimeKind.Utc);

    /// <summary>Modified Julian date of a UTC time (UTC used for UT1: the difference is below a second).</summary>
    public static double Mjd(DateTime utc) => (utc - MjdEpoch).TotalDays;

    /// <summary>Local mean sidereal time, degrees in [0, 360), from the IAU 1982 GMST expression (good to ~0.1 s over decades).</summary>
    public static double LocalSiderealTime(DateTime utc, double eastLongitude)
    {
        var d = Mjd(utc) + 2400000.5 - 2451545.0;
        var gmst = 280.46061837 + 360.98564736629 * d;
        return Normalise(gmst + eastLongitude);
    }

    /// <summary>Hour angle, degrees in (−180, 180].</summary>
    public static double HourAngle(DateTime utc, double eastLongitude, double ra)
    {
        var h = Normalise(LocalSiderealTime(utc, eastLongitude) - ra);
        return h > 180 ? h - 360 : h;
    }

    /// <summary>Altitude above the horizon, degrees.</summary>
    public static double Altitude(DateTime utc, double latitude, double eastLongitude, double ra, double dec)
    {
        var h = HourAngle(utc, eastLongitude, ra) * Math.PI / 180;
        var (phi, delta) = (latitude * Math.PI / 180, dec * Math.PI / 180);
        var sinAlt = Math.Sin(phi) * Math.Sin(delta) + Math.Cos(phi) * Math.Cos(delta) * Math.Cos(h);
        return Math.Asin(Math.Clamp(sinAlt, -1, 1)) * 180 / Math.PI;
    }

    /// <summary>Airmass at an altitude (Kasten &amp; Young 1989); capped at 40 near and below the horizon.</summary>
    public static double Airmass(double altitude)
    {
        if (altitude <= 0.5) return 40;
        var x = 1 / (Math.Sin(altitude * Math.PI / 180) + 0.50572 * Math.Pow(altitude + 6.07995, -1.6364));
        return Math.Min(40, x);
    }

    /// <summary>Offsets a position by (east, north) arcsec on the sky.</summary>
    public static (double Ra, double Dec) Offset(double ra, double dec, double east, double north)
    {
        var newDec = dec + north / 3600;
        var newRa = ra + east / 3600 / Math.Cos(dec * Math.PI / 180);
        return (Normalise(newRa), Math.Clamp(newDec, -90, 90));
    }

    private static double Normalise(double degrees)
    {
        var r = degrees % 360;
        return r < 0 ? r + 360 : r;
    }
}

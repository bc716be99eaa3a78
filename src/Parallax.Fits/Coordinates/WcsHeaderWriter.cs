using System.Text.RegularExpressions;
using Parallax.Fits.Headers;

namespace Parallax.Fits.Coordinates;

/// <summary>Writes a <see cref="Wcs"/> back as header keywords, removing keywords of the old linear/PV/SIP description first.</summary>
internal static partial class WcsHeaderWriter
{
    public static void Write(Wcs wcs, WcsDefinition definition, Header header)
    {
        ArgumentNullException.ThrowIfNull(header);
        RemoveStale(header);

        var (ctype1, ctype2) = wcs.CoordinateTypes;
        header.Set("CTYPE1", ctype1, "Coordinate type and projection");
        header.Set("CTYPE2", ctype2, "Coordinate type and projection");
        header.Set("CRPIX1", definition.Crpix1, "Pixel coordinate of reference point (1-based)");
        header.Set("CRPIX2", definition.Crpix2, "Pixel coordinate of reference point (1-based)");
        header.Set("CRVAL1", definition.Crval1, "[deg] Coordinate value at reference point");
        header.Set("CRVAL2", definition.Crval2, "[deg] Coordinate value at reference point");
        header.Set("CUNIT1", "deg", "Units of coordinate increment and value");
        header.Set("CUNIT2", "deg", "Units of coordinate increment and value");
        if (definition.UsesCd)
        {
            var cd = definition.Cd;
            header.Set("CD1_1", cd.M11, "[deg/px] Linear transformation matrix element");
            header.Set("CD1_2", cd.M12, "[deg/px] Linear transformation matrix element");
            header.Set("CD2_1", cd.M21, "[deg/px] Linear transformation matrix element");
            header.Set("CD2_2", cd.M22, "[deg/px] Linear transformation matrix element");
        }
        else
        {
            var pc = definition.Pc;
            header.Set("CDELT1", definition.Cdelt1, "[deg/px] Coordinate increment at reference point");
            header.Set("CDELT2", definition.Cdelt2, "[deg/px] Coordinate increment at reference point");
            header.Set("PC1_1", pc.M11, "Linear transformation matrix element");
            header.Set("PC1_2", pc.M12, "Linear transformation matrix element");
            header.Set("PC2_1", pc.M21, "Linear transformation matrix element");
            header.Set("PC2_2", pc.M22, "Linear transformation matrix element");
        }
        var latitudeAxis = 3 - definition.LongitudeAxis;
        foreach (var (m, value) in wcs.Projection.Parameters.OrderBy(kv => kv.Key))
            header.Set($"PV{latitudeAxis}_{m}", value, $"{wcs.Projection.Code} projection parameter");
        header.Set("LONPOLE", wcs.LonPole, "[deg] Native longitude of celestial pole");
        header.Set("LATPOLE", wcs.LatPole, "[deg] Native latitude of celestial pole");
        if (definition.RadeSys is { } radesys) header.Set("RADESYS", radesys, "Equatorial coordinate system");
        if (definition.Equinox is { } equinox) header.Set("EQUINOX", equinox, "[yr] Equinox of equatorial coordinates");
        if (definition.Sip is { } sip) WriteSip(header, sip);
    }

    private static void WriteSip(Header header, SipDistortion sip)
    {
        WritePolynomial(header, "A", sip.GetA());
        WritePolynomial(header, "B", sip.GetB());
        if (sip.GetAP() is { } ap) WritePolynomial(header, "AP", ap);
        if (sip.GetBP() is { } bp) WritePolynomial(header, "BP", bp);
    }

    private static void WritePolynomial(Header header, string prefix, double[,] c)
    {
        var order = c.GetLength(0) - 1;
        header.Set(prefix + "_ORDER", order, "SIP polynomial order");
        for (var p = 0; p <= order; p++)
            for (var q = 0; p + q <= order; q++)
                if (c[p, q] != 0.0) header.Set($"{prefix}_{p}_{q}", c[p, q]);
    }

    private static void RemoveStale(Header header)
    {
        var stale = header.Where(c => StaleKeyword().IsMatch(c.Keyword)).Select(c => c.Keyword).Distinct().ToList();
        foreach (var keyword in stale) header.Remove(keyword);
    }

    // CDi_j, PCi_j, CDELTi, CROTAi, PVi_m for the two celestial axes, and every SIP keyword.
    [GeneratedRegex(@"^((CD|PC)[12]_[12]|CDELT[12]|CROTA[12]|PV[12]_[0-9]+|(A|B|AP|BP)_(ORDER|[0-9]+_[0-9]+|DMAX))$", RegexOptions.CultureInvariant)]
    private static partial Regex StaleKeyword();
}

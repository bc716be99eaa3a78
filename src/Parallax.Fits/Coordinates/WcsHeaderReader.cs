using System.Globalization;
using System.Text.RegularExpressions;
using Parallax.Fits.Headers;

namespace Parallax.Fits.Coordinates;

/// <summary>
/// Reads the primary celestial WCS of a header (axes 1 and 2) into a <see cref="WcsDefinition"/>, applying the
/// keyword precedence and defaults of FITS WCS papers I/II and wcslib, and rejecting what it cannot honour with a
/// <see cref="FitsFormatException"/> that names the keyword.
/// </summary>
internal static partial class WcsHeaderReader
{
    private const int MaxSipOrder = 20;

    public static Wcs Read(Header header)
    {
        ArgumentNullException.ThrowIfNull(header);
        var notes = new List<string>();
        var axis1 = ParseCtype(header, "CTYPE1");
        var axis2 = ParseCtype(header, "CTYPE2");
        if (axis1.IsLongitude == axis2.IsLongitude)
            throw Error(header, $"CTYPE1 '{axis1.ToCtype()}' and CTYPE2 '{axis2.ToCtype()}' are both {(axis1.IsLongitude ? "longitudes" : "latitudes")}; a celestial WCS needs one of each", "CTYPE2");
        if (axis1.Partner != axis2.Coordinate)
            throw Error(header, $"CTYPE2 '{axis2.ToCtype()}' does not pair with CTYPE1 '{axis1.ToCtype()}' (expected {axis1.Partner})", "CTYPE2");
        if (axis1.ProjectionCode != axis2.ProjectionCode)
            throw Error(header, $"CTYPE2 projection {axis2.ProjectionCode} differs from CTYPE1 projection {axis1.ProjectionCode}", "CTYPE2");
        if (axis1.HasSip != axis2.HasSip)
            throw Error(header, "the -SIP suffix is on one celestial axis but not the other", axis1.HasSip ? "CTYPE2" : "CTYPE1");
        var longitudeAxis = axis1.IsLongitude ? 1 : 2;
        var latitudeAxis = 3 - longitudeAxis;
        var (lng, lat) = axis1.IsLongitude ? (axis1, axis2) : (axis2, axis1);

        var crpix1 = header.GetDouble("CRPIX1");
        var crpix2 = header.GetDouble("CRPIX2");
        var crval1 = header.GetDouble("CRVAL1");
        var crval2 = header.GetDouble("CRVAL2");
        foreach (var (v, key) in new[] { (crpix1, "CRPIX1"), (crpix2, "CRPIX2"), (crval1, "CRVAL1"), (crval2, "CRVAL2") })
            if (!double.IsFinite(v)) throw Error(header, $"value {v} is not finite", key);
        var latitudeCrval = latitudeAxis == 1 ? crval1 : crval2;
        if (Math.Abs(latitudeCrval) > 90.0)
            throw Error(header, $"reference latitude {latitudeCrval} is outside [-90, 90]", $"CRVAL{latitudeAxis}");
        CheckUnits(header, "CUNIT1");
        CheckUnits(header, "CUNIT2");

        var definition = new WcsDefinition
        {
            LongitudeType = lng.Coordinate,
            LatitudeType = lat.Coordinate,
            LongitudeAxis = longitudeAxis,
            Projection = ReadProjection(header, lng.ProjectionCode, longitudeAxis, latitudeAxis, notes),
            Crpix1 = crpix1,
            Crpix2 = crpix2,
            Crval1 = crval1,
            Crval2 = crval2,
            UsesCd = false,
        };
        definition = ReadLinear(header, definition, longitudeAxis, latitudeAxis, notes);
        definition = definition with
        {
            LonPole = OptionalDouble(header, "LONPOLE"),
            LatPole = OptionalDouble(header, "LATPOLE"),
            Sip = ReadSip(header, axis1.HasSip, notes),
        };
        definition = ReadFrame(header, definition, notes) with { Notes = notes };

        try
        {
            return new Wcs(definition);
        }
        catch (ArgumentException e)
        {
            var keyword = e.Message.Contains("LONPOLE", StringComparison.Ordinal) ? "LONPOLE" : definition.UsesCd ? "CD1_1" : "PC1_1";
            throw Error(header, e.Message, keyword);
        }
    }

    private static CelestialAxisType ParseCtype(Header header, string keyword)
    {
        var value = header.GetString(keyword);
        return CelestialAxisType.TryParse(value, out var reason) ?? throw Error(header, reason!, keyword);
    }

    private static void CheckUnits(Header header, string keyword)
    {
        var unit = header.GetString(keyword, null)?.Trim();
        if (unit is null || unit.Length == 0) return;
        if (unit.ToLowerInvariant() is not ("deg" or "degree" or "degrees"))
            throw Error(header, $"unit '{unit}' is not supported for a celestial axis (only degrees are)", keyword);
    }

    private static IProjection ReadProjection(Header header, string code, int longitudeAxis, int latitudeAxis, List<string> notes)
    {
        // Projection parameters belong to the latitude axis (paper II section 2.5); PVi_m on the longitude axis
        // give a non-default fiducial point or LONPOLE/LATPOLE, which are not supported here and ignored with a note.
        var used = ProjectionFactory.ParameterIndices(code);
        foreach (var card in header)
        {
            var m = PvKeyword().Match(card.Keyword);
            if (!m.Success) continue;
            var axis = int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
            var index = int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture);
            if (axis == latitudeAxis && used.Contains(index)) continue;
            if (axis is 1 or 2)
                notes.Add($"{card.Keyword} ignored: {(axis == longitudeAxis ? "parameters of the longitude axis are not supported" : $"{code} takes no parameter {index}")}");
        }
        try
        {
            return ProjectionFactory.Create(code, m => OptionalDouble(header, $"PV{latitudeAxis}_{m}"))
                ?? throw Error(header, $"projection {code} is not supported (supported: {string.Join(", ", ProjectionFactory.SupportedCodes)})", $"CTYPE{longitudeAxis}");
        }
        catch (ArgumentOutOfRangeException e)
        {
            throw Error(header, $"{e.Message.Split('(')[0].Trim()} (got {e.ActualValue})", $"PV{latitudeAxis}_1");
        }
    }

    private static WcsDefinition ReadLinear(Header header, WcsDefinition definition, int longitudeAxis, int latitudeAxis, List<string> notes)
    {
        // wcslib's precedence (wcsset): PCi_j (with CDELTi) first, then CDi_j, then CROTAi.
        var hasCd = AnyPresent(header, "CD");
        var hasPc = AnyPresent(header, "PC");
        if (hasCd && !hasPc)
        {
            if (header.Contains("CDELT1") || header.Contains("CDELT2")) notes.Add("CDELTi ignored: CDi_j takes precedence");
            if (header.Contains("CROTA1") || header.Contains("CROTA2")) notes.Add("CROTAi ignored: CDi_j takes precedence");
            // Missing CD elements are zero (paper I section 2.1.2).
            var cd = new Matrix2(OptionalDouble(header, "CD1_1") ?? 0.0, OptionalDouble(header, "CD1_2") ?? 0.0,
                OptionalDouble(header, "CD2_1") ?? 0.0, OptionalDouble(header, "CD2_2") ?? 0.0);
            if (cd.Determinant == 0.0) throw Error(header, "the CD matrix is singular (determinant 0)", "CD1_1");
            return definition with { UsesCd = true, Cd = cd };
        }
        if (hasCd) notes.Add("CDi_j ignored: PCi_j takes precedence (as in wcslib)");

        var cdelt1 = header.GetDouble("CDELT1");
        var cdelt2 = header.GetDouble("CDELT2");
        if (cdelt1 == 0.0 || !double.IsFinite(cdelt1)) throw Error(header, $"CDELT1 must be non-zero and finite, not {cdelt1}", "CDELT1");
        if (cdelt2 == 0.0 || !double.IsFinite(cdelt2)) throw Error(header, $"CDELT2 must be non-zero and finite, not {cdelt2}", "CDELT2");
        var crota = OptionalDouble(header, $"CROTA{latitudeAxis}") ?? OptionalDouble(header, $"CROTA{longitudeAxis}");
        Matrix2 pc;
        if (hasPc)
        {
            if (crota is not null) notes.Add("CROTAi ignored: PCi_j takes precedence");
            // Missing PC elements default to the unit matrix (paper I section 2.1.2).
            pc = new Matrix2(OptionalDouble(header, "PC1_1") ?? 1.0, OptionalDouble(header, "PC1_2") ?? 0.0,
                OptionalDouble(header, "PC2_1") ?? 0.0, OptionalDouble(header, "PC2_2") ?? 1.0);
            if (pc.Determinant == 0.0) throw Error(header, "the PC matrix is singular (determinant 0)", "PC1_1");
        }
        else if (crota is { } rho && rho != 0.0)
        {
            // The AIPS convention (paper II eq. 188): the rotation belongs to the latitude axis, and the
            // off-diagonal terms carry the ratio of the scales.
            var (s, c) = Degrees.SinCos(rho);
            var cdeltLng = longitudeAxis == 1 ? cdelt1 : cdelt2;
            var cdeltLat = latitudeAxis == 1 ? cdelt1 : cdelt2;
            var ratio = cdeltLat / cdeltLng;
            var lngLat = -ratio * s; // PC[lng][lat]
            var latLng = s / ratio;  // PC[lat][lng]
            pc = longitudeAxis == 1 ? new Matrix2(c, lngLat, latLng, c) : new Matrix2(c, latLng, lngLat, c);
        }
        else
        {
            pc = Matrix2.Identity;
        }
        return definition with { UsesCd = false, Cdelt1 = cdelt1, Cdelt2 = cdelt2, Pc = pc };
    }

    private static WcsDefinition ReadFrame(Header header, WcsDefinition definition, List<string> notes)
    {
        var radesys = header.GetString("RADESYS", null)?.Trim().ToUpperInvariant();
        if (radesys is null && header.GetString("RADECSYS", null) is { } old)
        {
            radesys = old.Trim().ToUpperInvariant();
            notes.Add("RADECSYS is deprecated; read as RADESYS");
        }
        var equinox = OptionalDouble(header, "EQUINOX");
        if (equinox is null && OptionalDouble(header, "EPOCH") is { } epoch)
        {
            equinox = epoch;
            notes.Add("EPOCH is deprecated; read as EQUINOX");
        }
        var equatorial = definition.LongitudeType is "RA" or "ELON" or "HLON";
        if (!equatorial) return definition with { RadeSys = null, Equinox = null };
        if (definition.LongitudeType != "RA") return definition with { RadeSys = null, Equinox = equinox };
        if (string.IsNullOrEmpty(radesys))
        {
            // Paper II section 3.1: no RADESYS means ICRS without an equinox, FK4 before 1984, FK5 after.
            radesys = equinox is null ? "ICRS" : equinox < 1984.0 ? "FK4" : "FK5";
        }
        equinox ??= radesys switch
        {
            "FK4" or "FK4-NO-E" => 1950.0,
            "FK5" => 2000.0,
            _ => null,
        };
        return definition with { RadeSys = radesys, Equinox = equinox };
    }

    private static SipDistortion? ReadSip(Header header, bool hasSuffix, List<string> notes)
    {
        var hasA = header.Contains("A_ORDER");
        if (!hasA)
        {
            if (hasSuffix) throw Error(header, "CTYPE has the -SIP suffix but the SIP polynomial order is missing", "A_ORDER");
            return null;
        }
        if (!hasSuffix)
            notes.Add("SIP coefficients used although CTYPE lacks the -SIP suffix (as astropy does)");
        if (!header.Contains("B_ORDER")) throw Error(header, "A_ORDER is present but B_ORDER is missing", "B_ORDER");
        var a = ReadPolynomial(header, "A");
        var b = ReadPolynomial(header, "B");
        var hasAp = header.Contains("AP_ORDER");
        var hasBp = header.Contains("BP_ORDER");
        if (hasAp != hasBp)
            throw Error(header, $"{(hasAp ? "AP_ORDER" : "BP_ORDER")} is present without {(hasAp ? "BP_ORDER" : "AP_ORDER")}", hasAp ? "BP_ORDER" : "AP_ORDER");
        return hasAp
            ? new SipDistortion(a, b, ReadPolynomial(header, "AP"), ReadPolynomial(header, "BP"))
            : new SipDistortion(a, b);
    }

    private static double[,] ReadPolynomial(Header header, string prefix)
    {
        var orderKey = prefix + "_ORDER";
        var order = header.GetInt32(orderKey);
        if (order is < 0 or > MaxSipOrder) throw Error(header, $"SIP order {order} is outside 0..{MaxSipOrder}", orderKey);
        var c = new double[order + 1, order + 1];
        for (var p = 0; p <= order; p++)
            for (var q = 0; p + q <= order; q++)
                c[p, q] = OptionalDouble(header, $"{prefix}_{p}_{q}") ?? 0.0;
        return c;
    }

    private static bool AnyPresent(Header header, string prefix)
        => header.Contains(prefix + "1_1") || header.Contains(prefix + "1_2") || header.Contains(prefix + "2_1") || header.Contains(prefix + "2_2");

    /// <summary>A numeric keyword's value, null when absent or undefined; a value that is not a number throws (naming it).</summary>
    private static double? OptionalDouble(Header header, string keyword)
    {
        if (header.FindCard(keyword) is not { } card || card.Kind == HeaderValueKind.Undefined) return null;
        var v = header.GetDouble(keyword);
        return double.IsFinite(v) ? v : throw Error(header, $"value {v} is not finite", keyword);
    }

    private static FitsFormatException Error(Header header, string reason, string keyword)
        => FitsFormatException.At(header.Location, reason, keyword, header.IndexOf(keyword) is >= 0 and var i ? i + 1 : null);

    [GeneratedRegex(@"^PV([0-9]+)_([0-9]+)$", RegexOptions.CultureInvariant)]
    private static partial Regex PvKeyword();
}

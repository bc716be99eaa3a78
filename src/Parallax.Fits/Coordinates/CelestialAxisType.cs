namespace Parallax.Fits.Coordinates;

/// <summary>
/// A celestial CTYPE value split into its parts, e.g. "RA---TAN-SIP" into coordinate "RA", projection
/// "TAN" and the SIP flag (paper I section 2.1.1 and paper II section 3).
/// </summary>
internal readonly record struct CelestialAxisType(string Coordinate, string ProjectionCode, bool HasSip, bool IsLongitude)
{
    /// <summary>The partner coordinate name: DEC for RA, GLAT for GLON, xyLT for xyLN, and so on.</summary>
    public string Partner => Coordinate switch
    {
        "RA" => "DEC",
        "DEC" => "RA",
        _ when Coordinate.EndsWith("LON", StringComparison.Ordinal) => Coordinate[..^3] + "LAT",
        _ when Coordinate.EndsWith("LAT", StringComparison.Ordinal) => Coordinate[..^3] + "LON",
        _ when Coordinate.EndsWith("LN", StringComparison.Ordinal) => Coordinate[..^2] + "LT",
        _ => Coordinate[..^2] + "LN",
    };

    /// <summary>The CTYPE value: coordinate padded with '-' to four characters, '-', the code, and "-SIP" when flagged.</summary>
    public string ToCtype() => Coordinate.PadRight(4, '-') + "-" + ProjectionCode + (HasSip ? "-SIP" : "");

    /// <summary>Parses a CTYPE value; null with a reason when it is not a celestial axis with a projection.</summary>
    public static CelestialAxisType? TryParse(string ctype, out string? reason)
    {
        reason = null;
        var s = ctype.Trim().ToUpperInvariant();
        if (s.Length < 8 || s[4] != '-')
        {
            reason = $"'{ctype}' is not a celestial axis type with a projection (expected the form 'RA---TAN')";
            return null;
        }
        var coordinate = s[..4].TrimEnd('-');
        var code = s[5..8];
        var suffix = s[8..];
        if (suffix is not ("" or "-SIP"))
        {
            reason = $"'{ctype}' has the distortion suffix '{suffix}', which is not supported (only -SIP is)";
            return null;
        }
        bool isLongitude;
        if (coordinate == "RA") isLongitude = true;
        else if (coordinate == "DEC") isLongitude = false;
        else if (coordinate.Length == 4 && coordinate.EndsWith("LON", StringComparison.Ordinal)) isLongitude = true;
        else if (coordinate.Length == 4 && coordinate.EndsWith("LAT", StringComparison.Ordinal)) isLongitude = false;
        else if (coordinate.Length == 4 && coordinate.EndsWith("LN", StringComparison.Ordinal)) isLongitude = true;
        else if (coordinate.Length == 4 && coordinate.EndsWith("LT", StringComparison.Ordinal)) isLongitude = false;
        else
        {
            reason = $"'{ctype}' is not a celestial axis (expected RA/DEC, xLON/xLAT or xyLN/xyLT)";
            return null;
        }
        if (code.Contains('-'))
        {
            reason = $"'{ctype}' has no three-letter projection code";
            return null;
        }
        return new CelestialAxisType(coordinate, code, suffix == "-SIP", isLongitude);
    }
}

using System.Globalization;

namespace Parallax.Pipeline.Rules;

/// <summary>Conversions between FITS date strings and Modified Julian Dates (UTC, days).</summary>
public static class TimeConversions
{
    private static readonly DateTime MjdEpoch = new(1858, 11, 17, 0, 0, 0, DateTimeKind.Utc);
    private static readonly string[] IsoFormats =
    [
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd HH:mm:ss.FFFFFFF", "yyyy-MM-dd HH:mm:ss",
    ];

    /// <summary>The MJD of a UTC date-time.</summary>
    public static double ToMjd(DateTime utc) => (utc - MjdEpoch).TotalDays;

    /// <summary>The UTC date-time of an MJD.</summary>
    public static DateTime FromMjd(double mjd) => MjdEpoch.AddTicks((long)Math.Round(mjd * TimeSpan.TicksPerDay));

    /// <summary>
    /// Reads a FITS date: ISO-8601 <c>yyyy-mm-ddThh:mm:ss[.s]</c>, a bare date <c>yyyy-mm-dd</c>
    /// (midnight unless <paramref name="timeOfDay"/> is given), or the old <c>dd/mm/yy</c> form (19yy).
    /// A trailing <c>Z</c> is accepted. Returns false for anything else.
    /// </summary>
    public static bool TryParseDate(string text, string? timeOfDay, out DateTime utc)
    {
        utc = default;
        var s = text.Trim().TrimEnd('Z', 'z');
        if (s.Length == 0) return false;
        if (DateTime.TryParseExact(s, IsoFormats, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out utc)) return true;
        DateTime date;
        if (DateTime.TryParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out date)) { }
        else if (DateTime.TryParseExact(s, "dd/MM/yy", CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out date))
        {
            // FITS's original DATE form means 19yy; .NET's two-digit-year window would say 20yy for small yy.
            date = new DateTime(1900 + date.Year % 100, date.Month, date.Day, 0, 0, 0, DateTimeKind.Utc);
        }
        else return false;
        utc = DateTime.SpecifyKind(date, DateTimeKind.Utc);
        if (timeOfDay is not null)
        {
            if (!TryParseTimeOfDay(timeOfDay, out var t)) return false;
            utc += t;
        }
        return true;
    }

    /// <summary>Reads a time of day <c>hh:mm:ss[.s]</c> (also with spaces as separators).</summary>
    public static bool TryParseTimeOfDay(string text, out TimeSpan time)
    {
        time = default;
        var parts = text.Trim().Split([':', ' '], StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length is < 2 or > 3) return false;
        if (!int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var h) || h > 24) return false;
        if (!int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var m) || m > 59) return false;
        double sec = 0;
        if (parts.Length == 3 && (!double.TryParse(parts[2], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out sec) || sec >= 61)) return false;
        time = TimeSpan.FromHours(h) + TimeSpan.FromMinutes(m) + TimeSpan.FromSeconds(sec);
        return true;
    }
}

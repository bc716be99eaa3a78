namespace Parallax.Pipeline.Instruments;

/// <summary>How a logical value is read from its header keyword.</summary>
public enum KeywordValueType
{
    /// <summary>Text, as written (after the mapping's transforms).</summary>
    String,

    /// <summary>A real number; a string holding a number (<c>'060.00'</c>) is accepted.</summary>
    Number,

    /// <summary>A logical: T/F, or the strings T, F, TRUE, FALSE, on, off, yes, no.</summary>
    Bool,

    /// <summary>
    /// A time as Modified Julian Date (days). A number is taken as an MJD; a string is read as an
    /// ISO-8601 date or date-time (UTC); a date without a time takes its time from the mapping's
    /// <c>time</c> keywords when given.
    /// </summary>
    Mjd,
}

namespace Parallax.Fits;

/// <summary>
/// What to do when a file breaks the FITS standard in a way that can be read around, in the
/// spirit of astropy.io.fits' <c>output_verify</c>. Problems that make the data unreadable
/// (a truncated data unit, a missing END card) always throw.
/// </summary>
public enum VerifyMode
{
    /// <summary>Throw <see cref="FitsFormatException"/> on the first problem.</summary>
    Exception,

    /// <summary>Read around the problem and record a warning in the file's warnings.</summary>
    Warn,

    /// <summary>Repair what can be repaired (e.g. lower-case keywords, unquoted strings) and record what was fixed.</summary>
    Fix,
}

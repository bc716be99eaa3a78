namespace Parallax.Imaging.Astrometry;

/// <summary>A reference catalog could not be read; the message names the source (file) and, where one is at fault, the column and row.</summary>
public sealed class ReferenceCatalogException : FormatException
{
    /// <summary>Creates the exception with a one-line message.</summary>
    public ReferenceCatalogException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a one-line message and the error that caused it.</summary>
    public ReferenceCatalogException(string message, Exception inner)
        : base(message, inner)
    {
    }
}

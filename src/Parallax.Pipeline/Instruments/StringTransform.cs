namespace Parallax.Pipeline.Instruments;

/// <summary>A change applied to a text value after it is read, in the order listed in the file.</summary>
public enum StringTransform
{
    /// <summary>Remove leading and trailing spaces (FITS pads strings with spaces).</summary>
    Trim,

    /// <summary>Lower case (invariant culture).</summary>
    Lower,

    /// <summary>Upper case (invariant culture).</summary>
    Upper,
}

namespace Parallax.Fits.Hdus;

/// <summary>What an HDU holds.</summary>
public enum HduKind
{
    /// <summary>An image (primary array or IMAGE extension), possibly empty (NAXIS = 0).</summary>
    Image,

    /// <summary>A binary table (XTENSION = 'BINTABLE').</summary>
    BinaryTable,

    /// <summary>An ASCII table (XTENSION = 'TABLE').</summary>
    AsciiTable,

    /// <summary>
    /// A tile-compressed image stored in a binary table (ZIMAGE = T, as in .fz files). It is read as an
    /// <see cref="ImageHdu"/> like any other image (its <see cref="ImageHdu.Compression"/> says how it is stored).
    /// </summary>
    CompressedImage,

    /// <summary>Random groups or an extension type this reader does not interpret; the header is available, the data can be read as bytes.</summary>
    Other,
}

using Parallax.Fits.Headers;
using Parallax.Fits.Io;

namespace Parallax.Fits.Hdus;

/// <summary>An HDU whose data this reader does not interpret (random groups, foreign extensions). Its header and raw bytes are available.</summary>
public sealed class OtherHdu : Hdu
{
    internal OtherHdu(Header header, HduLayout layout, FitsSource? source) : base(header, layout, source) { }

    /// <inheritdoc/>
    public override HduKind Kind => HduKind.Other;

    /// <summary>The XTENSION value, or "PRIMARY" for random groups in the primary HDU.</summary>
    public string ExtensionType => Header.GetString("XTENSION", "PRIMARY")!.Trim();
}

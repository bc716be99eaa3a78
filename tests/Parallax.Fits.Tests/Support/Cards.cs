using System.Text;

namespace Parallax.Fits.Tests.Support;

/// <summary>Builds raw header bytes from card text, the way a file holds them.</summary>
public static class Cards
{
    /// <summary>Pads each line to 80 characters, appends END and pads to 2880 bytes.</summary>
    public static byte[] Block(params string[] cards)
    {
        var sb = new StringBuilder();
        foreach (var c in cards)
        {
            if (c.Length > 80) throw new ArgumentException($"card longer than 80: {c}");
            sb.Append(c.PadRight(80));
        }
        sb.Append("END".PadRight(80));
        while (sb.Length % 2880 != 0) sb.Append(' ');
        return Encoding.ASCII.GetBytes(sb.ToString());
    }

    /// <summary>A minimal primary header (NAXIS = 0) followed by the given cards.</summary>
    public static byte[] Primary(params string[] cards)
        => Block(["SIMPLE  =                    T", "BITPIX  =                    8", "NAXIS   =                    0", .. cards]);

    /// <summary>Opens bytes as a FITS file in memory.</summary>
    public static FitsFile Open(byte[] bytes, VerifyMode mode = VerifyMode.Warn, string name = "test.fits")
        => FitsFile.Open(bytes, name, FitsReadOptions.Default with { Verify = mode });
}

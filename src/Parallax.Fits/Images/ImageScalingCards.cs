using Parallax.Fits.Headers;

namespace Parallax.Fits.Images;

/// <summary>The BZERO, BSCALE and BLANK cards that describe a <see cref="PixelScaling"/> in a written header.</summary>
internal static class ImageScalingCards
{
    /// <summary>BZERO and BSCALE unless the scaling is the identity; BLANK for integer data that has one.</summary>
    public static IEnumerable<HeaderCard> For(PixelScaling scaling)
    {
        if (!scaling.IsIdentity)
        {
            yield return HeaderCard.Create("BZERO", Number(scaling.BZero), "physical = stored * BSCALE + BZERO");
            yield return HeaderCard.Create("BSCALE", Number(scaling.BScale), "physical = stored * BSCALE + BZERO");
        }
        if (scaling.Bitpix > 0 && scaling.Blank is { } blank) yield return HeaderCard.Create("BLANK", blank, "stored value of undefined pixels");
    }

    /// <summary>A whole number is written as an integer (BZERO = 32768, not 32768.0), as CFITSIO and astropy do.</summary>
    private static object Number(double value) => value == Math.Round(value) && Math.Abs(value) < 9007199254740992.0 ? (long)value : (object)value;
}

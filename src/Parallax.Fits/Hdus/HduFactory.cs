using Parallax.Fits.Headers;
using Parallax.Fits.Images;
using Parallax.Fits.Io;

namespace Parallax.Fits.Hdus;

/// <summary>
/// Checks an HDU's structural keywords (FITS 4.0 sections 4.4.1 and 7) and builds the right HDU type.
/// Sizes are computed with overflow checks and never trusted beyond the file: a lying NAXISn
/// gives a clear error, not a huge allocation.
/// </summary>
internal static class HduFactory
{
    private const int MaxAxes = 999;

    public static Hdu Create(Header header, int index, long headerOffset, long dataOffset, FitsSource source, FitsReadOptions options, ICollection<string> warnings)
    {
        var loc = header.Location;
        var primary = index == 0;
        if (header.Count == 0) throw FitsFormatException.At(loc, "header is empty");
        var first = header[0];
        string? xtension = null;
        if (primary)
        {
            if (first.Keyword != "SIMPLE") throw FitsFormatException.At(loc, $"not a FITS file: the first keyword is '{first.Keyword}', not SIMPLE", "SIMPLE", 1);
            if (first.Value is not true)
            {
                if (options.Verify == VerifyMode.Exception) throw FitsFormatException.At(loc, "SIMPLE is not T: the file does not claim to conform to FITS", "SIMPLE", 1);
                warnings.Add($"{loc}: SIMPLE is not T; reading it anyway");
            }
        }
        else
        {
            if (first.Keyword != "XTENSION") throw FitsFormatException.At(loc, $"extension header starts with '{first.Keyword}', not XTENSION", "XTENSION", 1);
            xtension = (first.Value as string)?.Trim() ?? throw FitsFormatException.At(loc, "XTENSION has no string value", "XTENSION", 1);
        }

        var bitpix = header.GetInt64("BITPIX");
        if (!PixelScaling.IsValidBitpix(bitpix)) throw FitsFormatException.At(loc, $"BITPIX {bitpix} is not one of 8, 16, 32, 64, -32, -64", "BITPIX", header.IndexOf("BITPIX") + 1);
        var naxis = header.GetInt64("NAXIS");
        if (naxis is < 0 or > MaxAxes) throw FitsFormatException.At(loc, $"NAXIS {naxis} is outside 0..999", "NAXIS", header.IndexOf("NAXIS") + 1);
        var axes = new long[naxis];
        for (var i = 0; i < naxis; i++)
        {
            var key = $"NAXIS{i + 1}";
            axes[i] = header.GetInt64(key);
            if (axes[i] < 0) throw FitsFormatException.At(loc, $"{key} is negative ({axes[i]})", key, header.IndexOf(key) + 1);
        }
        var pcount = header.GetInt64("PCOUNT", 0);
        var gcount = header.GetInt64("GCOUNT", 1);
        if (pcount < 0) throw FitsFormatException.At(loc, $"PCOUNT is negative ({pcount})", "PCOUNT");
        if (gcount < 0) throw FitsFormatException.At(loc, $"GCOUNT is negative ({gcount})", "GCOUNT");
        var randomGroups = primary && naxis > 0 && axes[0] == 0 && header.GetBool("GROUPS", false);

        var dataSize = DataSize(bitpix, axes, pcount, gcount, randomGroups, loc);
        var layout = new HduLayout(index, headerOffset, dataOffset, dataSize);
        if (dataOffset + dataSize > source.Length)
        {
            var reason = $"data unit is truncated: the header promises {dataSize:N0} bytes but only {Math.Max(0, source.Length - dataOffset):N0} remain in the file";
            if (options.Verify == VerifyMode.Exception) throw FitsFormatException.At(loc, reason);
            warnings.Add($"{loc}: {reason}");
        }

        if (randomGroups) return new OtherHdu(header, layout, source);
        if (primary || xtension is "IMAGE" or "IUEIMAGE")
        {
            var intAxes = new int[naxis];
            for (var i = 0; i < naxis; i++)
            {
                if (axes[i] > int.MaxValue) throw FitsFormatException.At(loc, $"NAXIS{i + 1} = {axes[i]} is larger than this reader supports", $"NAXIS{i + 1}");
                intAxes[i] = (int)axes[i];
            }
            if (!randomGroups && naxis > 0 && (pcount != 0 || gcount != 1))
            {
                var reason = $"an image must have PCOUNT = 0 and GCOUNT = 1, not {pcount} and {gcount}";
                if (options.Verify == VerifyMode.Exception) throw FitsFormatException.At(loc, reason, pcount != 0 ? "PCOUNT" : "GCOUNT");
                warnings.Add($"{loc}: {reason}");
            }
            var blank = bitpix > 0 && header.TryGetInt64("BLANK", out var b) ? b : (long?)null;
            if (bitpix < 0 && header.Contains("BLANK")) warnings.Add($"{loc}: BLANK is given for floating-point data (BITPIX {bitpix}) and is ignored");
            var scaling = new PixelScaling((int)bitpix, header.GetDouble("BSCALE", 1.0), header.GetDouble("BZERO", 0.0), blank);
            if (scaling.BScale == 0) throw FitsFormatException.At(loc, "BSCALE is 0", "BSCALE");
            return new ImageHdu(header, layout, source, intAxes, scaling);
        }
        return TableHduFactory.TryCreate(xtension!, header, layout, source, options, warnings) ?? new OtherHdu(header, layout, source);
    }

    private static long DataSize(long bitpix, long[] axes, long pcount, long gcount, bool randomGroups, FitsLocation loc)
    {
        if (axes.Length == 0) return 0;
        try
        {
            checked
            {
                long product = 1;
                for (var i = randomGroups ? 1 : 0; i < axes.Length; i++) product *= axes[i];
                return Math.Abs(bitpix) / 8 * gcount * (pcount + product);
            }
        }
        catch (OverflowException)
        {
            throw FitsFormatException.At(loc, "NAXISn, PCOUNT and GCOUNT multiply to more bytes than any file can hold");
        }
    }
}

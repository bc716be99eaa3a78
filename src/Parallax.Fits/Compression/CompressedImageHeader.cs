using Parallax.Fits.Headers;

namespace Parallax.Fits.Compression;

/// <summary>
/// Turns the header of a compressed-image table back into the header of the image it holds (as
/// funpack and astropy's CompImageHDU do): ZSIMPLE/ZTENSION, ZBITPIX, ZNAXISn, ZEXTEND, ZPCOUNT,
/// ZGCOUNT, ZHECKSUM and ZDATASUM become SIMPLE/XTENSION, BITPIX, NAXISn, EXTEND, PCOUNT, GCOUNT,
/// CHECKSUM and DATASUM; the table's own keywords and the compression keywords go; every other
/// card (BSCALE, BZERO, BLANK, EXTNAME, WCS, history ...) stays, in order.
/// </summary>
internal static class CompressedImageHeader
{
    /// <summary>EXTNAME that CFITSIO gives a compressed primary array; it names nothing and is dropped.</summary>
    public const string DefaultExtensionName = "COMPRESSED_IMAGE";

    private static readonly HashSet<string> Dropped =
    [
        "XTENSION", "SIMPLE", "BITPIX", "NAXIS", "PCOUNT", "GCOUNT", "EXTEND", "TFIELDS", "THEAP", "CHECKSUM", "DATASUM",
        "ZIMAGE", "ZCMPTYPE", "ZBITPIX", "ZNAXIS", "ZQUANTIZ", "ZDITHER0", "ZSIMPLE", "ZTENSION", "ZEXTEND", "ZBLOCKED",
        "ZPCOUNT", "ZGCOUNT", "ZHECKSUM", "ZDATASUM", "ZSCALE", "ZZERO", "ZBLANK", "ZMASKCMP",
    ];

    private static readonly string[] IndexedPrefixes =
        ["NAXIS", "ZNAXIS", "ZTILE", "ZNAME", "ZVAL", "TTYPE", "TFORM", "TUNIT", "TSCAL", "TZERO", "TNULL", "TDIM", "TDISP", "TBCOL"];

    /// <summary>True for a keyword that belongs to the compressed table, not to the image (structural, column or Z keywords).</summary>
    public static bool IsTableKeyword(string keyword)
    {
        if (Dropped.Contains(keyword)) return true;
        foreach (var prefix in IndexedPrefixes)
        {
            if (keyword.Length > prefix.Length && keyword.StartsWith(prefix, StringComparison.Ordinal)
                && keyword.AsSpan(prefix.Length).IndexOfAnyExceptInRange('0', '9') < 0)
                return true;
        }
        return false;
    }

    /// <summary>The image header restored from the table header.</summary>
    public static Header Restore(Header table, CompressedImageLayout layout)
    {
        var image = new Header { Location = table.Location };
        var primary = table.Contains("ZSIMPLE");
        if (primary) image.Add(HeaderCard.Create("SIMPLE", table.GetBool("ZSIMPLE", true), "conforms to FITS standard"));
        else image.Add(HeaderCard.Create("XTENSION", table.GetString("ZTENSION", "IMAGE")!.Trim(), "image extension"));
        image.Add(HeaderCard.Create("BITPIX", (long)layout.ZBitpix, "bits per data value"));
        image.Add(HeaderCard.Create("NAXIS", (long)table.GetInt64("ZNAXIS"), "number of axes"));
        for (var i = 1; i <= table.GetInt64("ZNAXIS"); i++)
            image.Add(HeaderCard.Create($"NAXIS{i}", table.GetInt64($"ZNAXIS{i}"), $"length of axis {i}"));
        if (primary)
        {
            if (table.FindCard("ZEXTEND") is { Kind: HeaderValueKind.Logical } extend) image.Add(HeaderCard.Create("EXTEND", extend.Value, "extensions may follow"));
        }
        else
        {
            image.Add(HeaderCard.Create("PCOUNT", table.GetInt64("ZPCOUNT", 0), "no heap"));
            image.Add(HeaderCard.Create("GCOUNT", table.GetInt64("ZGCOUNT", 1), "one group"));
        }
        if (!layout.IsFloat && layout.BlankKeyword is { } blank && !table.Contains("BLANK"))
            image.Add(HeaderCard.Create("BLANK", (long)blank, "stored value of undefined pixels"));

        foreach (var card in table)
        {
            var k = card.Keyword;
            if (card.IsHierarch || card.IsCommentary) { image.Add(card); continue; }
            if (k == "ZHECKSUM") image.Add(HeaderCard.Create("CHECKSUM", card.Value as string ?? card.ValueText, card.Comment));
            else if (k == "ZDATASUM") image.Add(HeaderCard.Create("DATASUM", card.Value as string ?? card.ValueText, card.Comment));
            else if (k == "EXTNAME" && (card.Value as string)?.Trim() == DefaultExtensionName) continue;
            else if (!IsTableKeyword(k)) image.Add(card);
        }
        return image;
    }
}

using Parallax.Fits.Compression;
using Parallax.Fits.Headers;
using Parallax.Fits.Io;
using Parallax.Fits.Tables;

namespace Parallax.Fits.Hdus;

/// <summary>Builds table HDUs (binary, ASCII, tile-compressed images); null for extension types it does not know.</summary>
internal static class TableHduFactory
{
    public static Hdu? TryCreate(string xtension, Header header, HduLayout layout, FitsSource source, FitsReadOptions options, ICollection<string> warnings)
        => xtension switch
        {
            // 'A3DTABLE' is the pre-standard name of BINTABLE, still met in old files.
            "BINTABLE" or "A3DTABLE" => BinaryOrCompressed(BinaryTableHdu.Create(header, layout, source, options, warnings), options, warnings),
            "TABLE" => AsciiTableHdu.Create(header, layout, source, options, warnings),
            _ => null,
        };

    /// <summary>
    /// A binary table with ZIMAGE = T holds a tile-compressed image and is returned as an <see cref="ImageHdu"/>.
    /// When its compression keywords are unusable it is, outside <see cref="VerifyMode.Exception"/>, kept as the
    /// binary table it also is, with a warning, so the rest of the file stays readable.
    /// </summary>
    private static Hdu BinaryOrCompressed(BinaryTableHdu table, FitsReadOptions options, ICollection<string> warnings)
    {
        if (table.Header.FindCard("ZIMAGE") is not { Kind: HeaderValueKind.Logical, Value: true }) return table;
        try
        {
            return new ImageHdu(table, CompressedImageLayout.Read(table, options), options);
        }
        catch (FitsFormatException e) when (options.Verify != VerifyMode.Exception)
        {
            warnings.Add($"{table.Location}: ZIMAGE = T but the compressed image cannot be read ({e.Reason}); read as a binary table");
            return table;
        }
    }
}

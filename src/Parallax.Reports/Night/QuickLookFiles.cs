using Parallax.Fits;
using Parallax.Imaging.Io;
using Parallax.Reports.QuickLook;

namespace Parallax.Reports.Night;

/// <summary>Quick-look PNGs next to product files: <c>NAME.fits</c> → <c>NAME.png</c>.</summary>
public static class QuickLookFiles
{
    /// <summary>The quick-look path of a product.</summary>
    public static string PathFor(string productPath) => Path.ChangeExtension(productPath, ".png");

    /// <summary>
    /// Writes the quick-look of a product unless one newer than the product is already there;
    /// returns its path. Written through a temporary file, so a reader never sees half a PNG.
    /// </summary>
    /// <exception cref="FitsFormatException">The product has no readable image.</exception>
    /// <exception cref="IOException">The product cannot be read or the PNG cannot be written.</exception>
    public static string WriteNextTo(string productPath, QuickLookOptions? options = null)
    {
        var png = PathFor(productPath);
        if (IsCurrent(productPath)) return png;
        using var file = FitsFile.Open(productPath);
        return WriteFrom(productPath, MaskedImageFits.Read(file), options);
    }

    /// <summary>True when a quick-look at least as new as the product is already next to it.</summary>
    public static bool IsCurrent(string productPath)
    {
        var png = PathFor(productPath);
        return File.Exists(png) && File.GetLastWriteTimeUtc(png) >= File.GetLastWriteTimeUtc(productPath);
    }

    /// <summary>Writes the quick-look of a product whose image is already read (the report reads each product once); returns its path.</summary>
    /// <exception cref="IOException">The PNG cannot be written.</exception>
    public static string WriteFrom(string productPath, Imaging.MaskedImage image, QuickLookOptions? options = null)
    {
        var png = PathFor(productPath);
        AtomicFile.Write(png, QuickLookRenderer.RenderPng(image, options));
        return png;
    }
}

using Parallax.Imaging;
using Parallax.Fits;
using Parallax.Fits.Headers;
using Parallax.Pipeline.Recipes;

namespace Parallax.Pipeline.Engine;

/// <summary>
/// Writes a product as a multi-extension FITS file: an empty primary HDU holding the provenance,
/// then <c>SCI</c> (float32 data, BUNIT), <c>VAR</c> (float32 variance) and <c>DQ</c> (16-bit mask),
/// the layout of the imaging core's products. The write is atomic (temporary file, then rename);
/// cancellation or an exception before the rename removes the temporary file.
/// </summary>
internal static class ProductWriter
{
    private static readonly HashSet<string> OwnKeywords = ["EXTNAME", "EXTVER", "BUNIT", "INHERIT", "CHECKSUM", "DATASUM"];

    /// <summary>Writes the product; returns when the file is in place.</summary>
    /// <exception cref="OperationCanceledException">Cancelled before the rename: nothing is left at <paramref name="path"/> (an earlier file there is untouched).</exception>
    /// <exception cref="IOException">The file cannot be written.</exception>
    public static void Write(string path, Header primary, RecipeProduct product, TimeSpan delayPerHdu, CancellationToken cancellation)
    {
        cancellation.ThrowIfCancellationRequested();
        var image = product.Image;
        using var writer = FitsWriter.Create(path);
        writer.WriteEmpty(primary);
        Pause(delayPerHdu, cancellation);
        int[] axes = [image.Width, image.Height];
        var sci = new Header();
        sci.Add(HeaderCard.Create("EXTNAME", "SCI", "pixel values"));
        sci.Add(HeaderCard.Create("BUNIT", image.Unit, "pixel unit"));
        foreach (var card in image.Header)
        {
            if (!card.IsHierarch && OwnKeywords.Contains(card.Keyword)) continue;
            sci.Add(card);
        }
        // A WCS the recipe set (e.g. an astrometric solution) replaces the header's own.
        image.Wcs?.WriteTo(sci);
        writer.WriteImage(image.Data, axes, sci);
        Pause(delayPerHdu, cancellation);
        writer.WriteImage(image.Variance, axes, Extension("VAR", "variance of SCI (sigma squared)", Squared(image.Unit)));
        Pause(delayPerHdu, cancellation);
        writer.WriteNativeImage<ushort>(image.Mask, axes, Extension("DQ", "data quality bits (0 = good)", null));
        Pause(delayPerHdu, cancellation);
        foreach (var extra in product.Extensions)
        {
            var h = Extension(extra.Name, extra.Comment.Length > 0 ? extra.Comment : "extra image", extra.Unit.Length > 0 ? extra.Unit : null);
            foreach (var card in extra.Header)
                if (card.IsHierarch || !OwnKeywords.Contains(card.Keyword)) h.Add(card);
            writer.WriteImage(extra.Data, [extra.Width, extra.Height], h);
            Pause(delayPerHdu, cancellation);
        }
        foreach (var table in product.Tables)
        {
            var h = new Header();
            h.Add(HeaderCard.Create("EXTNAME", table.Name, "table"));
            foreach (var card in table.Header)
                if (card.IsHierarch || !OwnKeywords.Contains(card.Keyword)) h.Add(card);
            writer.WriteTable(table.Table, h);
            Pause(delayPerHdu, cancellation);
        }
        writer.Commit();
    }

    private static void Pause(TimeSpan delay, CancellationToken cancellation)
    {
        if (delay > TimeSpan.Zero) cancellation.WaitHandle.WaitOne(delay);
        cancellation.ThrowIfCancellationRequested();
    }

    private static Header Extension(string name, string comment, string? unit)
    {
        var h = new Header();
        h.Add(HeaderCard.Create("EXTNAME", name, comment));
        if (unit is not null) h.Add(HeaderCard.Create("BUNIT", unit, "unit of the values"));
        return h;
    }

    private static string Squared(string unit) => unit.Length == 0 ? "" : unit.Contains('/') || unit.Contains('*') ? $"({unit})**2" : $"{unit}**2";
}

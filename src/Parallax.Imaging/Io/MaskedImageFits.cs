using Parallax.Fits;
using Parallax.Fits.Coordinates;
using Parallax.Fits.Hdus;
using Parallax.Fits.Headers;

namespace Parallax.Imaging.Io;

/// <summary>
/// Maps a <see cref="MaskedImage"/> to and from the HDUs of a multi-extension FITS product:
/// an empty primary HDU (provenance), <c>SCI</c> (float32 data, BUNIT), <c>VAR</c> (float32
/// variance) and <c>DQ</c> (the mask, 16-bit unsigned via BZERO 32768). It works on a
/// <see cref="FitsFile"/> or <see cref="FitsWriter"/> the caller opened: Imaging never opens or
/// names files itself (the engine does, with atomic writes), this class only knows the layout.
/// </summary>
public static class MaskedImageFits
{
    /// <summary>EXTNAME of the data HDU.</summary>
    public const string ScienceExtension = "SCI";

    /// <summary>EXTNAME of the variance HDU.</summary>
    public const string VarianceExtension = "VAR";

    /// <summary>EXTNAME of the data-quality (mask) HDU.</summary>
    public const string MaskExtension = "DQ";

    /// <summary>Cards that describe one HDU's own data and must not be copied to another HDU.</summary>
    private static readonly HashSet<string> HduOwnKeywords = ["EXTNAME", "EXTVER", "BUNIT", "INHERIT"];

    /// <summary>
    /// Reads a masked image: SCI (or, for a raw frame, the first image HDU with pixels) as data,
    /// VAR and DQ when present (zeros otherwise). The header is the data HDU's; the unit is its
    /// BUNIT (<see cref="PixelUnits.Adu"/> when absent: raw detector frames rarely state it).
    /// <see cref="MaskedImage.Wcs"/> is the data HDU's celestial WCS when it has CTYPE1 and CTYPE2 and they
    /// describe one Parallax can read; otherwise (no WCS, or one it cannot honour) it is null and the
    /// cards stay in the header untouched.
    /// </summary>
    /// <exception cref="FitsFormatException">No 2-D image with pixels, VAR/DQ of another size, or unreadable data.</exception>
    public static MaskedImage Read(FitsFile file)
    {
        ArgumentNullException.ThrowIfNull(file);
        var sci = FindScience(file);
        var data = sci.ReadFloat32();
        var variance = FindPlane(file, VarianceExtension, sci)?.ReadFloat32();
        ushort[]? mask = null;
        if (FindPlane(file, MaskExtension, sci) is { } dq)
        {
            mask = new ushort[data.Length];
            FitsFrameSource.ReadMask(dq, 0, mask);
        }
        return new MaskedImage(sci.Width, sci.Height, data, variance, mask, sci.Header.Clone(), UnitOf(sci.Header)) { Wcs = TryReadWcs(sci.Header) };
    }

    /// <summary>The header's celestial WCS, or null when it has none or one that cannot be read (a reader of pixels should not fail on it).</summary>
    public static Wcs? TryReadWcs(Header header)
    {
        ArgumentNullException.ThrowIfNull(header);
        if (!header.Contains("CTYPE1") || !header.Contains("CTYPE2")) return null;
        try { return Wcs.FromHeader(header); }
        catch (FitsFormatException) { return null; }
        catch (ArgumentException) { return null; }
    }

    /// <summary>
    /// Writes an image as SCI, VAR and DQ extensions. When nothing has been written yet, an empty
    /// primary HDU holding <paramref name="primary"/> (provenance) comes first; otherwise the
    /// extensions follow what is there. The image header goes to SCI (without its structural cards);
    /// when <see cref="MaskedImage.Wcs"/> is set its keywords are written there too, replacing the header's own.
    /// </summary>
    public static void Write(FitsWriter writer, MaskedImage image, Header? primary = null)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(image);
        if (writer.HduCount == 0) writer.WriteEmpty(primary ?? new Header());
        int[] axes = [image.Width, image.Height];
        var sci = image.Header.Clone();
        foreach (var k in HduOwnKeywords) sci.Remove(k);
        sci.Insert(0, HeaderCard.Create("EXTNAME", ScienceExtension, "pixel values"));
        sci.Insert(1, HeaderCard.Create("BUNIT", image.Unit, "pixel unit"));
        image.Wcs?.WriteTo(sci);
        writer.WriteImage(image.Data, axes, sci);
        writer.WriteImage(image.Variance, axes, ExtensionHeader(VarianceExtension, "variance of SCI (sigma squared)", PixelUnits.Squared(image.Unit)));
        writer.WriteNativeImage<ushort>(image.Mask, axes, ExtensionHeader(MaskExtension, "data quality bits (Parallax MaskBits; 0 = good)", null));
    }

    /// <summary>Writes an extra 16-bit unsigned image extension (a frames-used or rejected-count map) of the given size.</summary>
    public static void WriteMap(FitsWriter writer, string extensionName, ReadOnlySpan<ushort> values, int width, int height, string comment)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteNativeImage(values, [width, height], ExtensionHeader(extensionName, comment, null));
    }

    /// <summary>A header naming an extension (EXTNAME, optional BUNIT).</summary>
    public static Header ExtensionHeader(string extensionName, string comment, string? unit)
    {
        var h = new Header();
        h.Add(HeaderCard.Create("EXTNAME", extensionName, comment));
        if (unit is not null) h.Add(HeaderCard.Create("BUNIT", unit, "unit of the values"));
        return h;
    }

    /// <summary>The data HDU: SCI when present, else the first image HDU with pixels; it must be 2-D.</summary>
    internal static ImageHdu FindScience(FitsFile file)
    {
        var sci = file.Find(ScienceExtension) as ImageHdu is { HasData: true } named ? named : file.FirstImageWithData();
        if (sci is null) throw new FitsFormatException("has no image with pixels", file.FileName);
        if (sci.Axes.Count < 2 || sci.Planes != 1)
            throw FitsFormatException.At(sci.Location, $"image is {string.Join('×', sci.Axes)}; a 2-D image is needed");
        return sci;
    }

    /// <summary>The VAR or DQ HDU matching the data HDU in size, or null when the file has none.</summary>
    internal static ImageHdu? FindPlane(FitsFile file, string extensionName, ImageHdu science)
    {
        if (file.Find(extensionName) is not { } hdu) return null;
        if (hdu is not ImageHdu img || !img.HasData) throw FitsFormatException.At(hdu.Location, $"{extensionName} is not an image with pixels");
        if (img.Width != science.Width || img.Height != science.Height || img.Planes != 1)
            throw FitsFormatException.At(hdu.Location, $"{extensionName} is {string.Join('×', img.Axes)} but the data are {science.Width}×{science.Height}");
        return img;
    }

    /// <summary>BUNIT, trimmed; <see cref="PixelUnits.Adu"/> when absent.</summary>
    internal static string UnitOf(Header header) => header.GetString("BUNIT", null)?.Trim() ?? PixelUnits.Adu;

    /// <summary>
    /// Converts stored mask values to bits: 0..65535 as is; negative 16-bit values (a signed DQ) and
    /// wider values keep their low 16 bits; a blank (NaN) becomes <see cref="MaskBits.NoData"/>.
    /// </summary>
    internal static void ToMaskBits(ReadOnlySpan<float> values, Span<ushort> bits)
    {
        for (var i = 0; i < values.Length; i++)
        {
            var v = values[i];
            bits[i] = float.IsNaN(v) ? (ushort)MaskBits.NoData : unchecked((ushort)(long)v);
        }
    }
}

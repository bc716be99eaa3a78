using Parallax.Imaging;
using Parallax.Fits;
using Parallax.Fits.Hdus;
using Parallax.Fits.Headers;
using Parallax.Pipeline.Instruments;
using Parallax.Pipeline.Recipes;
using Parallax.Pipeline.Rules;

namespace Parallax.Pipeline.Engine;

/// <summary>
/// Reads a frame for a recipe: a Parallax product (SCI, with VAR and DQ when present) or a raw
/// frame (the first image HDU with pixels). Every problem is a <see cref="FitsFormatException"/> or
/// an I/O exception with a one-line message naming the file, so the engine can skip the frame and go on.
/// </summary>
internal static class FrameReader
{
    private static readonly FitsReadOptions Options = FitsReadOptions.Default with { Verify = VerifyMode.Warn };

    /// <summary>Reads the frame at <paramref name="path"/> as <paramref name="category"/>.</summary>
    /// <exception cref="FitsFormatException">Not FITS, no 2-D image, truncated or corrupt data.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static (RecipeFrame Frame, Header DetectorHeader) Read(string path, string category, InstrumentDefinition? instrument)
    {
        using var file = FitsFile.Open(path, Options);
        var product = file.Find("SCI") as ImageHdu is { HasData: true } named ? named : null;
        var sci = product ?? file.FirstImageWithData();
        if (sci is null) throw new FitsFormatException("has no image with pixels", path);
        if (sci.Axes.Count < 2 || sci.Planes != 1) throw new FitsFormatException($"image is {string.Join('×', sci.Axes)}; a 2-D image is needed", path, sci.Index);
        var data = sci.ReadFloat32();
        float[]? variance = null;
        ushort[]? mask = null;
        if (file.Find("VAR") is ImageHdu { HasData: true } v && SameShape(v, sci)) variance = v.ReadFloat32();
        if (file.Find("DQ") is ImageHdu { HasData: true } dq && SameShape(dq, sci))
        {
            var bits = dq.ReadFloat32();
            mask = new ushort[bits.Length];
            for (var i = 0; i < bits.Length; i++) mask[i] = float.IsNaN(bits[i]) ? (ushort)MaskBits.NoData : (ushort)Math.Clamp(bits[i], 0, ushort.MaxValue);
        }
        var primary = file.Primary.Header;
        var sciHeader = sci.Header.Clone();
        var unit = sciHeader.GetString("BUNIT", null)?.Trim() is { Length: > 0 } u ? u : "adu";
        // A product's SCI carries its WCS (possibly an astrometric solution); a raw frame's approximate
        // WCS stays in the header, where the detector step moves its reference pixel with the trim.
        var image = new MaskedImage(sci.Width, sci.Height, data, variance, mask, sciHeader, unit)
        {
            Wcs = product is not null ? Imaging.Io.MaskedImageFits.TryReadWcs(sciHeader) : null,
        };
        // Detector keywords (DATASEC, GAIN ...) may sit in either header of a multi-extension frame.
        var detectorHeader = sci.Index == 0 ? primary : Combined(primary, sci.Header);
        return (new RecipeFrame
        {
            Name = Path.GetFileName(path),
            Category = category,
            Image = image,
            PrimaryHeader = primary,
            ExposureTime = ExposureTime(instrument, primary) ?? ExposureTime(null, sci.Header),
        }, detectorHeader);
    }

    /// <summary>The exposure time: the instrument's logical <c>exptime</c>, else EXPTIME or EXPOSURE; null when none.</summary>
    public static double? ExposureTime(InstrumentDefinition? instrument, Header header)
    {
        if (instrument?.FindKeyword("exptime") is not null && FrameValues.For(instrument, header).Get("exptime") is double t) return t;
        return header.TryGetDouble("EXPTIME", out var e) ? e : header.TryGetDouble("EXPOSURE", out var x) ? x : null;
    }

    private static bool SameShape(ImageHdu a, ImageHdu b) => a.Width == b.Width && a.Height == b.Height && a.Planes == 1;

    private static Header Combined(Header first, Header second)
    {
        var h = first.Clone();
        foreach (var c in second) if (!c.IsCommentary && !h.Contains(c.Keyword)) h.Add(c);
        return h;
    }
}

namespace Parallax.Imaging.Detector;

/// <summary>Cuts a section out of a masked image (ccdproc's <c>trim_image</c>).</summary>
public static class ImageTrim
{
    /// <summary>
    /// A new image holding <paramref name="section"/> of <paramref name="image"/>: data, variance and mask
    /// copied together (a flipped section is copied unflipped: trimming keeps pixel order), the header
    /// cloned, the unit kept.
    /// </summary>
    /// <exception cref="ArgumentException">The section reaches beyond the image.</exception>
    public static MaskedImage Trim(MaskedImage image, ImageSection section)
    {
        ArgumentNullException.ThrowIfNull(image);
        if (section.XEnd > image.Width || section.YEnd > image.Height) throw new ArgumentException($"section {section} reaches beyond the {image.Width}×{image.Height} image", nameof(section));
        var result = new MaskedImage(section.Width, section.Height, new float[section.Width * section.Height], null, null, image.Header.Clone(), image.Unit);
        for (var y = 0; y < section.Height; y++)
        {
            var src = section.YStart + y;
            image.DataRow(src).Slice(section.XStart, section.Width).CopyTo(result.DataRow(y));
            image.VarianceRow(src).Slice(section.XStart, section.Width).CopyTo(result.VarianceRow(y));
            image.MaskRow(src).Slice(section.XStart, section.Width).CopyTo(result.MaskRow(y));
        }
        return result;
    }
}

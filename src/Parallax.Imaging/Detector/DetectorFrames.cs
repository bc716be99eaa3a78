using Parallax.Fits;
using Parallax.Fits.Hdus;

namespace Parallax.Imaging.Detector;

/// <summary>Reads the raw pixels of every amplifier of a file, each HDU once.</summary>
public static class DetectorFrames
{
    /// <summary>
    /// The amplifiers of <paramref name="geometry"/> with their raw pixels (ADU, BSCALE/BZERO applied, as
    /// float32). Amplifiers sharing an HDU share one image.
    /// </summary>
    /// <exception cref="InvalidDataException">An amplifier's HDU is missing or holds no 2-D image; the message names both.</exception>
    public static IReadOnlyList<AmplifierFrame> Read(FitsFile file, DetectorGeometry geometry)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(geometry);
        var images = new Dictionary<int, MaskedImage>();
        var frames = new List<AmplifierFrame>(geometry.Amplifiers.Count);
        foreach (var amp in geometry.Amplifiers)
        {
            var index = amp.Hdu ?? FirstImage(file);
            if (!images.TryGetValue(index, out var image))
            {
                if (index < 0 || index >= file.Count || file[index] is not ImageHdu { HasData: true } hdu || hdu.Axes.Count != 2)
                    throw new InvalidDataException($"{file.FileName ?? "file"}: HDU {index} of amplifier {amp.Name} is not a 2-D image with pixels");
                image = new MaskedImage(hdu.Width, hdu.Height, hdu.ReadFloat32(), null, null, hdu.Header.Clone(), PixelUnits.Adu);
                images[index] = image;
            }
            frames.Add(new AmplifierFrame(image, amp));
        }
        return frames;
    }

    private static int FirstImage(FitsFile file)
    {
        for (var i = 0; i < file.Count; i++)
            if (file[i] is ImageHdu { HasData: true }) return i;
        throw new InvalidDataException($"{file.FileName ?? "file"} holds no image with pixels");
    }
}

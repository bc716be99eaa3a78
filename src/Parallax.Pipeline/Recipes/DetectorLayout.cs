using Parallax.Fits.Headers;
using Parallax.Pipeline.Instruments;

namespace Parallax.Pipeline.Recipes;

/// <summary>
/// The detector of the frames a recipe receives, resolved from the instrument file and the first
/// frame's header: amplifiers with their data and overscan sections, gain, read noise, saturation.
/// </summary>
public sealed class DetectorLayout
{
    /// <summary>No amplifier known: recipes use the whole image and assume a gain of 1.</summary>
    public static DetectorLayout Unknown { get; } = new([]);

    /// <summary>Creates a layout.</summary>
    public DetectorLayout(IReadOnlyList<AmplifierLayout> amplifiers) => Amplifiers = amplifiers;

    /// <summary>The amplifiers in readout order.</summary>
    public IReadOnlyList<AmplifierLayout> Amplifiers { get; }

    /// <summary>
    /// The regions holding illuminated pixels in an image of the given size: the amplifiers' data
    /// sections (clipped to the image), or the whole image when none is known. Overscan is never included.
    /// </summary>
    public IReadOnlyList<PixelRegion> DataRegions(int width, int height)
    {
        var regions = Amplifiers.Select(a => a.DataSection).OfType<PixelRegion>().Select(r => r.ClipTo(width, height)).Where(r => r.PixelCount > 0).ToList();
        return regions.Count > 0 ? regions : [PixelRegion.Whole(width, height)];
    }

    /// <summary>The mean gain of the amplifiers that state one (electrons per ADU), or null.</summary>
    public double? MeanGain => Amplifiers.Select(a => a.Gain).OfType<double>().DefaultIfEmpty(double.NaN).Average() is var g && double.IsFinite(g) ? g : null;

    /// <summary>The lowest saturation level of the amplifiers (raw ADU), or null.</summary>
    public double? Saturation => Amplifiers.Select(a => a.Saturation).OfType<double>().DefaultIfEmpty(double.NaN).Min() is var s && double.IsFinite(s) ? s : null;

    /// <summary>Resolves an instrument's detector geometry against a header (keyword references read, sections parsed).</summary>
    public static DetectorLayout From(DetectorGeometry? geometry, Header header)
    {
        if (geometry is null || geometry.Amplifiers.Count == 0) return Unknown;
        return new DetectorLayout(geometry.Amplifiers.Select(a => new AmplifierLayout
        {
            Name = a.Name,
            DataSection = PixelRegion.ParseSection(a.DataSection?.Resolve(header) as string),
            BiasSection = PixelRegion.ParseSection(a.BiasSection?.Resolve(header) as string),
            Gain = a.Gain?.ResolveNumber(header),
            ReadNoise = a.ReadNoise?.ResolveNumber(header),
            Saturation = a.Saturation?.ResolveNumber(header),
        }).ToList());
    }
}

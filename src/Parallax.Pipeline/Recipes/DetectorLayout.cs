using ImageSection = Parallax.Imaging.Detector.ImageSection;
using Parallax.Fits.Headers;
using Parallax.Pipeline.Instruments;

namespace Parallax.Pipeline.Recipes;

/// <summary>
/// The detector of the frames a recipe receives, resolved from the instrument file and the first
/// frame's header: amplifiers with their data and overscan sections, gain, read noise, saturation
/// and non-linear response.
/// </summary>
public sealed class DetectorLayout
{
    /// <summary>No amplifier known: recipes use the whole image and assume a gain of 1.</summary>
    public static DetectorLayout Unknown { get; } = new([]);

    /// <summary>Creates a layout.</summary>
    public DetectorLayout(IReadOnlyList<AmplifierLayout> amplifiers) => Amplifiers = amplifiers;

    /// <summary>The amplifiers in readout order.</summary>
    public IReadOnlyList<AmplifierLayout> Amplifiers { get; }

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
            DataSection = Section(a.DataSection?.Resolve(header) as string),
            BiasSection = Section(a.BiasSection?.Resolve(header) as string),
            Gain = a.Gain?.ResolveNumber(header),
            ReadNoise = a.ReadNoise?.ResolveNumber(header),
            Saturation = a.Saturation?.ResolveNumber(header),
            Nonlinearity = a.Nonlinearity ?? geometry.Nonlinearity,
        }).ToList());
    }

    // A section the header does not hold, or holds malformed, is left to the frame's own keywords (and their errors).
    private static ImageSection? Section(string? text) => ImageSection.TryParse(text, out var s) ? s : null;
}

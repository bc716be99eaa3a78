using Parallax.Imaging;
using Parallax.Imaging.Cosmics;
using Parallax.Pipeline.Recipes;
using Parallax.Recipes.Imaging;

namespace Parallax.Recipes.Steps;

/// <summary>
/// Cosmic-ray cleaning of a detrended frame with the imaging core's L.A.Cosmic: the detector's gain
/// and read noise given in the units L.A.Cosmic expects (electrons), saturated and other unusable
/// pixels left alone (they are already flagged), the rest of astroscrappy's defaults kept.
/// </summary>
public static class CosmicRayStep
{
    /// <summary>Finds and cleans cosmic rays in <paramref name="image"/> (electrons, or ADU when the detector gain converts); the input is not modified.</summary>
    public static CosmicRayResult Clean(MaskedImage image, DetectorStepResult detector, DetectorLayout layout, ReduceImageParameters parameters)
    {
        var inElectrons = image.Unit == PixelUnits.Electron;
        var readNoise = detector.Amplifiers.Count > 0 ? detector.Amplifiers.Average(a => a.ReadNoise) : 0;
        if (!(readNoise > 0)) readNoise = (DetectorNoise.ReadNoiseAdu(layout) ?? 0) * DetectorNoise.Gain(layout);
        var options = new CosmicRayParameters
        {
            SigClip = parameters.CrSigmaClip,
            ObjLim = parameters.CrObjectLimit,
            Gain = inElectrons ? 1 : DetectorNoise.Gain(layout),
            ReadNoise = readNoise > 0 ? readNoise : new CosmicRayParameters().ReadNoise,
            // Saturated pixels already carry their flag, which L.A.Cosmic leaves alone.
            SatLevel = double.PositiveInfinity,
        };
        return CosmicRayDetector.Detect(image, options);
    }
}

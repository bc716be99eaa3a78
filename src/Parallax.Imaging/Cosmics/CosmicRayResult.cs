namespace Parallax.Imaging.Cosmics;

/// <summary>What <see cref="CosmicRayDetector.Detect"/> found and the image it cleaned.</summary>
public sealed class CosmicRayResult
{
    internal CosmicRayResult(MaskedImage cleaned, bool[] cosmicRays, int[] perIteration)
    {
        Cleaned = cleaned;
        CosmicRays = cosmicRays;
        FlaggedPerIteration = perIteration;
        var total = 0;
        foreach (var flagged in cosmicRays) if (flagged) total++;
        FlaggedPixels = total;
    }

    /// <summary>
    /// A new image in the input's unit: cosmic-ray pixels replaced (mask bits
    /// <see cref="MaskBits.CosmicRay"/> | <see cref="MaskBits.Interpolated"/>, variance from the
    /// pixels that replaced them), every other pixel, variance and mask bit as in the input.
    /// </summary>
    public MaskedImage Cleaned { get; }

    /// <summary>Width × height flags, row by row: true where a cosmic ray was detected.</summary>
    public bool[] CosmicRays { get; }

    /// <summary>Pixels flagged in each iteration that ran (astroscrappy's per-iteration count); the last is 0 when the search stopped early.</summary>
    public IReadOnlyList<int> FlaggedPerIteration { get; }

    /// <summary>Total pixels flagged as cosmic rays.</summary>
    public int FlaggedPixels { get; }
}

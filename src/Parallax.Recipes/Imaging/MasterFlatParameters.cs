using Parallax.Pipeline.Recipes;

namespace Parallax.Recipes.Imaging;

/// <summary>Parameters of <see cref="MasterFlat"/>.</summary>
public sealed record MasterFlatParameters : DetectorParameters
{
    /// <summary>How the scaled flats are combined.</summary>
    [Parameter("How the scaled flats are combined pixel by pixel: median or mean.")]
    public CombineMethod Combine { get; init; } = CombineMethod.Median;

    /// <summary>Clipping threshold in standard deviations; 0 turns clipping off.</summary>
    [Parameter("Reject values more than this many standard deviations from the pixel's median before combining (needs 3 or more frames); 0 turns clipping off.", Minimum = 0, Maximum = 100, Unit = "sigma")]
    public double ClipSigma { get; init; } = 3.0;

    /// <summary>How the flats and the master are scaled.</summary>
    [Parameter("How each flat and the master are scaled: median or mean to 1, or none (the master stays in ADU).")]
    public FlatNormalisation Normalise { get; init; } = FlatNormalisation.Median;

    /// <summary>Flats whose level is below this are skipped as too faint.</summary>
    [Parameter("Skip a flat whose level (median over the data sections, after bias subtraction) is below this: too faint to be useful.", Minimum = 0, Unit = "adu")]
    public double MinLevel { get; init; } = 100;

    /// <summary>Flats whose level is above this are skipped as near saturation.</summary>
    [Parameter("Skip a flat whose level is above this: near saturation or non-linear.", Minimum = 0, Unit = "adu")]
    public double MaxLevel { get; init; } = 60000;

    /// <inheritdoc/>
    public override IEnumerable<string> Validate()
    {
        if (MinLevel >= MaxLevel) yield return $"min_level = {MinLevel} must be below max_level = {MaxLevel}: no flat could qualify";
    }
}

using Parallax.Pipeline.Recipes;

namespace Parallax.Recipes.Imaging;

/// <summary>Parameters of <see cref="ReduceImage"/>.</summary>
public sealed record ReduceImageParameters : DetectorParameters
{
    /// <summary>Subtract the master bias.</summary>
    [Parameter("Subtract the master bias (required when true).")]
    public bool SubtractBias { get; init; } = true;

    /// <summary>Subtract the master dark, scaled by exposure time, when one is available.</summary>
    [Parameter("Subtract the master dark scaled by exposure time, when one is available.")]
    public bool SubtractDark { get; init; } = true;

    /// <summary>Divide by the master flat.</summary>
    [Parameter("Divide by the master flat (required when true).")]
    public bool DivideFlat { get; init; } = true;

    /// <summary>Convert the result to electrons with each amplifier's gain.</summary>
    [Parameter("Convert the detrended frame to electrons with each amplifier's gain (variance times gain squared); false keeps ADU.")]
    public bool ToElectrons { get; init; } = true;

    /// <inheritdoc/>
    public override IEnumerable<string> Validate()
    {
        if (!SubtractBias && !SubtractDark && !DivideFlat)
            yield return "subtract_bias, subtract_dark and divide_flat are all false: the recipe would do nothing";
    }
}

using Parallax.Pipeline.Recipes;

namespace Parallax.Recipes.Imaging;

/// <summary>
/// Parameters shared by every recipe that reads raw imaging frames: how the overscan is measured
/// and smoothed before the frames are trimmed to their data sections.
/// </summary>
public abstract record DetectorParameters : RecipeParameters
{
    /// <summary>How the overscan level of each line is measured; none turns overscan subtraction off.</summary>
    [Parameter("How the overscan level of each readout line is measured (median, mean, clipped_mean), or none to skip overscan subtraction.")]
    public OverscanMode Overscan { get; init; } = OverscanMode.Median;

    /// <summary>
    /// Order of the Legendre polynomial fitted to the line levels along the readout axis; 0 subtracts
    /// each line's own level. Default 3: a narrow overscan measures each line with few pixels, and
    /// subtracting those noisy levels line by line would add their noise to every row of the frame.
    /// </summary>
    [Parameter("Order of the Legendre polynomial fitted to the overscan line levels along the readout axis (with 3-sigma rejection); 0 subtracts each line's own level.", Minimum = 0, Maximum = 15)]
    public int OverscanOrder { get; init; } = 3;

    /// <summary>Correct the detector's non-linear response given in the instrument file (after the overscan, in ADU above bias).</summary>
    [Parameter("Correct the non-linear response given in the instrument file (detector.nonlinearity): after the overscan, the recorded ADU above bias are mapped back to linear ones and pixels above the response's valid range (max_adu) are flagged Nonlinear (DQ value 32). No effect when the instrument gives no response or no overscan is subtracted.")]
    public bool CorrectLinearity { get; init; } = true;
}

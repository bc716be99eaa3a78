namespace Parallax.Imaging.Detector;

/// <summary>
/// Which detector corrections <see cref="DetectorCorrector"/> applies, in this order: saturation flags
/// (raw ADU), overscan subtraction, linearity correction, gain (to electrons) with the noise model,
/// trimming and assembly by DETSEC. Immutable.
/// </summary>
public sealed record DetectorCorrectionOptions
{
    /// <summary>Overscan measurement; null: no overscan subtraction.</summary>
    public OverscanOptions? Overscan { get; init; } = new();

    /// <summary>
    /// Trim to each amplifier's data section (and assemble amplifiers by DETSEC). When false (one
    /// amplifier only) the whole raw frame is kept, its overscan subtracted too (ccdproc's order:
    /// subtract_overscan before trim_image). Default true.
    /// </summary>
    public bool Trim { get; init; } = true;

    /// <summary>Multiply by each amplifier's gain, giving electrons; false keeps ADU. Default true.</summary>
    public bool ToElectrons { get; init; } = true;

    /// <summary>Flag pixels at or above each amplifier's saturation level (raw ADU) as Saturated. Default true.</summary>
    public bool FlagSaturation { get; init; } = true;

    /// <summary>Linearity correction of the bias-subtracted ADU; null: none.</summary>
    public NonlinearityCorrection? Nonlinearity { get; init; }

    /// <summary>Checks the fields.</summary>
    public void Validate()
    {
        Overscan?.Validate();
        Nonlinearity?.Validate();
    }
}

namespace Parallax.Pipeline.Instruments;

/// <summary>One amplifier (readout port) of a detector: where its pixels and overscan are, and its electronics.</summary>
public sealed class DetectorAmplifier
{
    /// <summary>The amplifier's name (e.g. <c>A</c>, <c>left</c>).</summary>
    public required string Name { get; init; }

    /// <summary>The HDU holding this amplifier's pixels (0 = primary; extensions for multi-extension detectors).</summary>
    public int Hdu { get; init; }

    /// <summary>The illuminated pixels, as a FITS section (<c>[x1:x2,y1:y2]</c>, one-based, inclusive).</summary>
    public DetectorValue? DataSection { get; init; }

    /// <summary>The overscan pixels used for the bias level, as a FITS section; null when the detector has none.</summary>
    public DetectorValue? BiasSection { get; init; }

    /// <summary>Gain in electrons per ADU.</summary>
    public DetectorValue? Gain { get; init; }

    /// <summary>Read noise in electrons.</summary>
    public DetectorValue? ReadNoise { get; init; }

    /// <summary>Saturation level in ADU (raw counts, before bias subtraction).</summary>
    public DetectorValue? Saturation { get; init; }

    /// <summary>This amplifier's non-linear response; null: the detector-wide one (<see cref="DetectorGeometry.Nonlinearity"/>), if any.</summary>
    public DetectorNonlinearity? Nonlinearity { get; init; }
}

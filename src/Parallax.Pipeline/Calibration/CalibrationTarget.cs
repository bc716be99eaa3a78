namespace Parallax.Pipeline.Calibration;

/// <summary>What needs a calibration: a group of frames (or one frame) with its values and time.</summary>
public sealed class CalibrationTarget
{
    /// <summary>How it is named in messages, e.g. "SCIENCE group SCIENCE-1".</summary>
    public required string Label { get; init; }

    /// <summary>Its logical values as text (null: absent or differing between the frames).</summary>
    public required IReadOnlyDictionary<string, string?> Values { get; init; }

    /// <summary>Its time (MJD), or null.</summary>
    public double? Mjd { get; init; }
}

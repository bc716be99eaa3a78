namespace Parallax.Pipeline.Calibration;

/// <summary>How far a calibration product may be trusted. Ordered: a higher value is better.</summary>
public enum CalibrationQuality
{
    /// <summary>Failed QC or marked bad by a person: never selected.</summary>
    Bad = 0,

    /// <summary>Made and passed automatic QC, not yet checked by a person.</summary>
    Provisional = 1,

    /// <summary>Checked and accepted.</summary>
    Certified = 2,
}

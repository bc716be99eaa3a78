namespace Parallax.Spectroscopy.FluxCalibration;

/// <summary>What became of one flux-table band in a sensitivity fit.</summary>
public enum SensitivityPointStatus
{
    /// <summary>Measured and used in the final fit.</summary>
    Used,

    /// <summary>Measured, then removed by the sigma rejection.</summary>
    Rejected,

    /// <summary>Inside a masked window (stellar line or telluric band).</summary>
    Masked,

    /// <summary>The spectrum has no usable pixel there (outside its range, masked pixels, or no positive signal).</summary>
    NoData,
}

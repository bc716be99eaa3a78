namespace Parallax.Simulation.Night;

/// <summary>What a raw frame is (IMAGETYP).</summary>
public enum FrameKind
{
    /// <summary>Zero-second closed-shutter frame (BIAS).</summary>
    Bias,

    /// <summary>Closed-shutter exposure (DARK).</summary>
    Dark,

    /// <summary>Uniformly illuminated exposure (FLAT): dome, twilight or spectrograph lamp.</summary>
    Flat,

    /// <summary>Comparison-lamp exposure (ARC).</summary>
    Arc,

    /// <summary>A target on the sky (OBJECT).</summary>
    Object,

    /// <summary>A spectrophotometric standard star (STANDARD).</summary>
    Standard,
}

using Parallax.Fits.Coordinates;
using Parallax.Imaging.Resampling;

namespace Parallax.Imaging.Coadd;

/// <summary>
/// A frame ready to be resampled band by band: its (background-subtracted) pixels, WCS, scale to the output unit, weight, exposure,
/// the box of the output grid it can reach, and its slice of the current band (reused from band to band).
/// </summary>
internal sealed class PlacedFrame
{
    public required string Name { get; init; }

    public required MaskedImage Image { get; init; }

    public required Wcs Wcs { get; init; }

    public required KernelSampler Sampler { get; init; }

    /// <summary>Counts → output unit.</summary>
    public required double Scale { get; init; }

    public required float Weight { get; init; }

    public required float Exposure { get; init; }

    /// <summary>Sky level in output units (0 after background subtraction), for clipping.</summary>
    public required float Sky { get; init; }

    /// <summary>Output columns X0..X1−1 and rows Y0..Y1−1 the frame can touch.</summary>
    public required int X0 { get; init; }

    /// <inheritdoc cref="X0"/>
    public required int X1 { get; init; }

    /// <inheritdoc cref="X0"/>
    public required int Y0 { get; init; }

    /// <inheritdoc cref="X0"/>
    public required int Y1 { get; init; }

    public int BoxWidth => X1 - X0;

    /// <summary>The frame's rows of the current band: output rows BandY0..BandY1−1 (empty when BandY1 ≤ BandY0), columns X0..X1−1.</summary>
    public int BandY0 { get; set; }

    /// <inheritdoc cref="BandY0"/>
    public int BandY1 { get; set; }

    public float[] Data { get; set; } = [];

    public float[] Variance { get; set; } = [];

    public ushort[] Mask { get; set; } = [];
}

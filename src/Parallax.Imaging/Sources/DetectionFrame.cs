namespace Parallax.Imaging.Sources;

/// <summary>The arrays detection and measurement share: background-subtracted data (ignored pixels as 0), filtered data, variance and mask.</summary>
internal sealed class DetectionFrame
{
    public required int Width { get; init; }
    public required int Height { get; init; }

    /// <summary>Data minus background; NaN and ignored pixels hold 0.</summary>
    public required float[] Subtracted { get; init; }

    /// <summary>The detection image (filtered <see cref="Subtracted"/>).</summary>
    public required float[] Filtered { get; init; }

    /// <summary>Per-pixel variance; zeros where not estimated.</summary>
    public required float[] Variance { get; init; }

    /// <summary>Mask bits.</summary>
    public required ushort[] Mask { get; init; }

    /// <summary>Bits that make a pixel ignored.</summary>
    public required ushort Ignore { get; init; }

    /// <summary>Variance used where the variance plane holds 0: the global background RMS squared.</summary>
    public required double FallbackVariance { get; init; }

    /// <summary>True when the pixel is NaN in the input or carries an ignored bit.</summary>
    public required bool[] Unusable { get; init; }

    public double VarianceAt(int i) => Variance[i] > 0 ? Variance[i] : FallbackVariance;
}

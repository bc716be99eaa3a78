using Parallax.Imaging.Resampling;

namespace Parallax.Imaging.Coadd;

/// <summary>A coadd: the combined image on its grid, with exposure and weight maps and what was done to each frame.</summary>
public sealed class CoaddResult
{
    internal CoaddResult(MaskedImage image, float[] exposure, float[] weight, TargetGrid grid, double? zeroPoint, bool hasSkyCoordinates,
        IReadOnlyList<CoaddFrameReport> frames, IReadOnlyList<(string Name, string Reason)> skipped, int bandRows, long rejected)
    {
        Image = image;
        Exposure = exposure;
        Weight = weight;
        Grid = grid;
        ZeroPoint = zeroPoint;
        HasSkyCoordinates = hasSkyCoordinates;
        Frames = frames;
        Skipped = skipped;
        BandRows = bandRows;
        RejectedTotal = rejected;
    }

    /// <summary>
    /// SCI / VAR / DQ on the grid, in <see cref="PixelUnits.ElectronPerSecond"/> (counts per second of the inputs' unit, at
    /// <see cref="ZeroPoint"/> when the frames had zero points), with the grid's WCS. Pixels no frame covers are NaN with
    /// <see cref="MaskBits.NoData"/>; the variance is that of each pixel alone (resampling correlates neighbours).
    /// </summary>
    public MaskedImage Image { get; }

    /// <summary>Per pixel, the seconds of exposure of the frames with a usable value there (0 without data), row-major like <see cref="Image"/>.</summary>
    public float[] Exposure { get; }

    /// <summary>Per pixel, the sum of the weights of the values averaged (0 without data); with inverse-variance weights about 1/VAR on the sky.</summary>
    public float[] Weight { get; }

    /// <summary>The output grid.</summary>
    public TargetGrid Grid { get; }

    /// <summary>The common zero point (magnitude of 1 unit/s of <see cref="Image"/>) when every frame had one; null otherwise.</summary>
    public double? ZeroPoint { get; }

    /// <summary>False when no frame had a WCS: the grid is then the reference frame's pixels under a stand-in TAN WCS, not the sky.</summary>
    public bool HasSkyCoordinates { get; }

    /// <summary>The frames used, in input order.</summary>
    public IReadOnlyList<CoaddFrameReport> Frames { get; }

    /// <summary>Frames left out (no WCS and no star match), with the reason.</summary>
    public IReadOnlyList<(string Name, string Reason)> Skipped { get; }

    /// <summary>Output rows per band the frames were resampled and combined in.</summary>
    public int BandRows { get; }

    /// <summary>Values the clipping left out over the whole image.</summary>
    public long RejectedTotal { get; }
}

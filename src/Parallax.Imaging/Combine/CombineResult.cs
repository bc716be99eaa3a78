namespace Parallax.Imaging.Combine;

/// <summary>What a stack combination produced, and how.</summary>
public sealed class CombineResult
{
    internal CombineResult(MaskedImage image, ushort[] framesUsed, ushort[] rejected, double[] scales, double[] offsets, VarianceMode variance, int bandRows, long workingBytes, long rejectedTotal)
    {
        Image = image;
        FramesUsed = framesUsed;
        Rejected = rejected;
        Scales = scales;
        Offsets = offsets;
        VarianceUsed = variance;
        BandRows = bandRows;
        WorkingBytes = workingBytes;
        RejectedTotal = rejectedTotal;
    }

    /// <summary>
    /// The combined image: data, variance (see <see cref="VarianceMode"/>) and mask — the OR of the
    /// mask bits of the values used (so informational bits such as Nonlinear survive), plus
    /// <see cref="MaskBits.NoData"/> where no frame contributed.
    /// </summary>
    public MaskedImage Image { get; }

    /// <summary>Per pixel, how many frames contributed (the NCOMBINE map).</summary>
    public ushort[] FramesUsed { get; }

    /// <summary>Per pixel, how many usable values the rejection removed (masked and NaN inputs are not counted).</summary>
    public ushort[] Rejected { get; }

    /// <summary>The multiplicative scale applied to each frame, in input order (1 without scaling).</summary>
    public IReadOnlyList<double> Scales { get; }

    /// <summary>The additive offset applied to each frame after scaling, in input order (0 without offsets).</summary>
    public IReadOnlyList<double> Offsets { get; }

    /// <summary>The variance mode in force (Auto resolved to Propagated or Scatter).</summary>
    public VarianceMode VarianceUsed { get; }

    /// <summary>Rows per band the stack was streamed in (the image height when everything fitted at once).</summary>
    public int BandRows { get; }

    /// <summary>Bytes of the result planes plus the band buffers: what the memory budget was checked against.</summary>
    public long WorkingBytes { get; }

    /// <summary>Values rejected over the whole image.</summary>
    public long RejectedTotal { get; }
}

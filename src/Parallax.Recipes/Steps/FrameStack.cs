using Parallax.Imaging;
using Parallax.Imaging.Combine;
using Parallax.Recipes.Imaging;

namespace Parallax.Recipes.Steps;

/// <summary>
/// Combines frames held in memory with the imaging core's streaming <see cref="StackCombiner"/>:
/// the recipes' two parameters (median or mean, and a clipping threshold) mapped onto its options.
/// Values that are NaN or carry <see cref="MaskBits.Unusable"/> bits are left out; a pixel with no
/// usable value is NaN with <see cref="MaskBits.NoData"/>. The variance is propagated from the
/// inputs' variances (Σσ²/n², times π/2 for the median).
/// </summary>
public static class FrameStack
{
    /// <summary>
    /// Combines <paramref name="images"/> (all the same size). With <paramref name="clipSigma"/> &gt; 0
    /// and three or more frames, values more than that many standard deviations from the pixel's
    /// median are rejected first, in one pass (as ccdproc does).
    /// </summary>
    /// <exception cref="ArgumentException">No images, or images of different sizes.</exception>
    /// <exception cref="OperationCanceledException">Cancelled.</exception>
    public static MaskedImage Combine(IReadOnlyList<MaskedImage> images, Imaging.CombineMethod method, double clipSigma, CancellationToken cancellation = default)
    {
        if (images.Count == 0) throw new ArgumentException("no images to combine", nameof(images));
        foreach (var im in images)
        {
            if (!im.HasSameShape(images[0])) throw new ArgumentException($"cannot combine a {im.ShapeText} image with {images[0].ShapeText} ones", nameof(images));
        }
        var clip = clipSigma > 0 && images.Count >= 3;
        var parameters = new CombineParameters
        {
            Method = method == Imaging.CombineMethod.Median ? Parallax.Imaging.Combine.CombineMethod.Median : Parallax.Imaging.Combine.CombineMethod.Mean,
            Rejection = clip ? RejectionMethod.SigmaClip : RejectionMethod.None,
            SigmaLow = clip ? clipSigma : 3,
            SigmaHigh = clip ? clipSigma : 3,
            MaxIterations = 1,
            Variance = VarianceMode.Propagated,
        };
        var sources = images.Select((im, i) => (IFrameSource)new MaskedImageFrameSource(im, $"frame {i + 1}")).ToList();
        var result = StackCombiner.Combine(sources, parameters, cancellation).Image;
        result.Unit = images[0].Unit;
        return result;
    }
}

using Parallax.Imaging.Alignment;
using Parallax.Imaging.Background;
using Parallax.Imaging.Sources;

namespace Parallax.Imaging.Coadd;

/// <summary>Aligns a frame to a reference frame on their stars: detection at 5σ, then <see cref="StarMatcher"/> (similarity).</summary>
internal static class StarAlignment
{
    private static readonly DetectionParameters Detection = new() { Threshold = 5, MinArea = 3 };

    /// <summary>The stars of an image (windowed centroids where they converged), brightest first is left to the matcher.</summary>
    public static List<StarPoint> Stars(MaskedImage image)
    {
        var background = BackgroundEstimator.Estimate(image);
        var catalog = SourceDetector.Detect(image, background, Detection);
        var stars = new List<StarPoint>(catalog.Count);
        foreach (var s in catalog.Sources)
        {
            if ((s.Flags & (SourceFlags.Saturated | SourceFlags.Truncated | SourceFlags.MaskedPixels)) != 0) continue;
            var (x, y) = double.IsFinite(s.XWin) ? (s.XWin, s.YWin) : (s.X, s.Y);
            stars.Add(new StarPoint(x, y, s.FluxIso));
        }
        return stars;
    }

    /// <summary>The frame→reference pixel transform, or the matcher's reason for failing.</summary>
    public static StarMatchResult Match(MaskedImage frame, List<StarPoint> reference)
        => StarMatcher.Match(Stars(frame), reference, new StarMatchParameters { AllowFlip = false });
}

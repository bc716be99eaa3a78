using System.Globalization;
using Parallax.Imaging;
using Parallax.Imaging.Background;
using Parallax.Imaging.Statistics;

namespace Parallax.Recipes.Steps;

/// <summary>
/// The sky of a detrended frame: the imaging core's <see cref="BackgroundEstimator"/> (clipped mode in
/// boxes, median-filtered mesh, bicubic spline, as SExtractor), measured always and subtracted on request.
/// </summary>
public static class SkyBackgroundStep
{
    /// <summary>What the sky step measured (and whether it subtracted the model).</summary>
    /// <param name="Level">Median of the sky model over the frame, in the image unit: the sky level.</param>
    /// <param name="Noise">Median of the box RMS, in the image unit: the sky noise per pixel.</param>
    /// <param name="Subtracted">True when the model was subtracted.</param>
    public readonly record struct Result(double Level, double Noise, bool Subtracted);

    /// <summary>
    /// Measures the sky of <paramref name="image"/> in boxes of <paramref name="box"/> pixels and, when
    /// <paramref name="subtract"/> is true, subtracts the model from the data in place and records SKYLEVEL
    /// (the median level subtracted) and SKYSUB in the header. The variance is left as it is: the sky's
    /// Poisson noise is still in every pixel after the smooth model is removed, and the model's own error,
    /// averaged over a box of thousands of pixels, is negligible next to it. Unusable and NaN pixels are left
    /// out of the box statistics (NaN stays NaN).
    /// </summary>
    public static Result Apply(MaskedImage image, bool subtract, int box = 64)
    {
        ArgumentNullException.ThrowIfNull(image);
        if (image.PixelCount == 0) return new Result(double.NaN, double.NaN, false);
        var model = BackgroundEstimator.Estimate(image, new BackgroundParameters { BoxWidth = Math.Min(box, image.Width), BoxHeight = Math.Min(box, image.Height) });
        var level = RobustStatistics.Median(model.LevelImage());
        var noise = (double)model.GlobalRms;
        if (!subtract) return new Result(level, noise, false);
        model.SubtractFrom(image.Data);
        image.Header.Set("SKYLEVEL", Math.Round(level, 4), $"[{image.Unit}] median sky level subtracted");
        image.Header.Set("SKYSUB", true, "sky background model subtracted");
        image.Header.AddHistory(string.Create(CultureInfo.InvariantCulture, $"Sky: background model ({box}-pixel boxes) subtracted, median level {level:0.###} {image.Unit}; variance unchanged"));
        return new Result(level, noise, true);
    }
}

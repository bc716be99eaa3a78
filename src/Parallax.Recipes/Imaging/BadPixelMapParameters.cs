using Parallax.Pipeline.Recipes;

namespace Parallax.Recipes.Imaging;

/// <summary>Parameters of <see cref="BadPixelMap"/>.</summary>
public sealed record BadPixelMapParameters : RecipeParameters
{
    /// <summary>Box size (pixels) of the smooth flat that each pixel's response is measured against.</summary>
    [Parameter("Box size of the smooth flat (a clipped background mesh of the master flat, interpolated by a bicubic spline) that each pixel's response is divided by; larger than a bad column's width, smaller than the illumination's scale.", Minimum = 8, Maximum = 1024, Unit = "pixel")]
    public int SmoothBox { get; init; } = 32;

    /// <summary>Relative response below which a pixel is flagged Cold (dead pixels included).</summary>
    [Parameter("Flag pixels whose response relative to the smooth flat is below this as Cold (DQ 16) and BadPixel (DQ 1); dead pixels (response 0) included; pixels without data in the flat are BadPixel only.", Minimum = 0, Maximum = 1)]
    public double ColdResponse { get; init; } = 0.8;

    /// <summary>Relative response above which a pixel is flagged BadPixel.</summary>
    [Parameter("Flag pixels whose response relative to the smooth flat is above this as BadPixel (DQ 1).", Minimum = 1, Maximum = 100)]
    public double HighResponse { get; init; } = 1.2;

    /// <summary>Median response of a column segment below which the whole segment is flagged Cold.</summary>
    [Parameter("Flag a column over a segment of column_rows rows as Cold and BadPixel when its median relative response is below this: finds columns too faint for the pixel test (e.g. a partly blocked column in binned frames). 0 turns it off.", Minimum = 0, Maximum = 1)]
    public double ColumnResponse { get; init; } = 0.93;

    /// <summary>Rows per column segment for the column test.</summary>
    [Parameter("Rows per segment for the column test (column_response).", Minimum = 4, Maximum = 100000, Unit = "pixel")]
    public int ColumnRows { get; init; } = 32;

    /// <summary>Dark current above which a pixel is flagged Hot (electrons per second; ADU per second when the gain is unknown).</summary>
    [Parameter("Flag pixels of the master dark whose dark current above the median exceeds this as Hot (DQ 8) and BadPixel; in electron/s with the instrument's gain, else adu/s.", Minimum = 0, Maximum = 1e6, Unit = "electron/s")]
    public double HotRate { get; init; } = 0.2;

    /// <summary>Significance a hot pixel must also reach, in robust standard deviations of the master dark.</summary>
    [Parameter("A hot pixel must also lie this many robust standard deviations above the master dark's median, so that noise in a short dark is not taken for hot pixels.", Minimum = 0, Maximum = 1000, Unit = "sigma")]
    public double HotSigma { get; init; } = 6.0;

    /// <inheritdoc/>
    public override IEnumerable<string> Validate()
    {
        if (ColdResponse >= HighResponse) yield return $"cold_response = {ColdResponse} must be below high_response = {HighResponse}";
    }
}

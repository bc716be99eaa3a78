using System.Globalization;
using Parallax.Imaging;
using Parallax.Pipeline.Recipes;

namespace Parallax.Recipes.Imaging;

/// <summary>
/// Bad-pixel map from master flats (cold and dead pixels, low-response column segments, pixels of too
/// high a response) and, when given, a master dark (hot pixels). The product's DQ holds the defect bits
/// (BadPixel on every defect, with Cold or Hot saying why); its SCI is 1 on a defect and 0 elsewhere, for
/// display; its VAR is 0. reduce_image ORs the DQ into every frame's mask. QC: <c>n_bad</c>, <c>n_hot</c>,
/// <c>n_cold</c>, <c>fraction</c>.
/// </summary>
public sealed class BadPixelMap : Recipe<BadPixelMapParameters>
{
    /// <inheritdoc/>
    public override string Name => "bad_pixel_map";

    /// <inheritdoc/>
    public override string Synopsis => "Map detector defects: cold and dead pixels and columns from master flats, hot pixels from a master dark";

    /// <inheritdoc/>
    public override string Description => """
        1. smooth each master flat (clipped background mesh of smooth_box pixels) and divide the flat by it: each pixel's relative response
        2. flag pixels below cold_response as Cold (dead ones included), above high_response or without data in the flat as BadPixel
        3. flag column segments of column_rows rows whose median relative response is below column_response as Cold
        4. with a master dark: flag pixels whose dark current above the median exceeds hot_rate (electron/s with the gain, else adu/s) and hot_sigma robust sigma as Hot
        Every defect also carries BadPixel. SCI = 1 on a defect, 0 elsewhere; DQ = the bits.
        QC: n_bad, n_hot, n_cold = pixels flagged; fraction = n_bad / pixels.
        """;

    /// <inheritdoc/>
    public override RecipeConnections Connections { get; } = new()
    {
        Inputs = [new InputConnection { Categories = ["MASTER_FLAT"], MinCount = 1, Doc = "normalised master flats (any filters; a defect in one is a defect)" }],
        Calibrations =
        [
            new CalibrationConnection { Category = "MASTER_DARK", Required = false, MatchKeys = ["binning", "readout"], Doc = "hot pixels, when given" },
        ],
        Outputs =
        [
            new OutputConnection
            {
                Category = "MASTER_BPM", ProductType = "master_bpm", Level = ProcessingLevel.Corrected,
                Doc = "bad-pixel map: DQ = defect bits (BadPixel with Cold or Hot), SCI = 1 on a defect, 0 elsewhere",
                Qc = new Dictionary<string, string>
                {
                    ["n_bad"] = "pixels flagged as any defect",
                    ["n_hot"] = "pixels flagged hot (master dark)",
                    ["n_cold"] = "pixels flagged cold or dead (master flat)",
                    ["fraction"] = "n_bad / pixels",
                },
            },
        ],
    };

    /// <inheritdoc/>
    public override RecipeOutcome Run(RecipeInput input, BadPixelMapParameters parameters, CancellationToken cancellation)
    {
        var first = input.Frames[0].Image;
        var skipped = new List<SkippedInput>();
        var mask = new ushort[first.PixelCount];
        var history = new List<string>();
        var used = 0;
        foreach (var f in input.Frames)
        {
            cancellation.ThrowIfCancellationRequested();
            if (!f.Image.HasSameShape(first))
            {
                skipped.Add(new SkippedInput(f.Name, $"is {f.Image.ShapeText} but the first flat is {first.ShapeText}"));
                continue;
            }
            var (cold, high) = BadPixelMapFinder.FromFlat(f.Image, mask, parameters.SmoothBox, parameters.ColdResponse, parameters.HighResponse, parameters.ColumnResponse, parameters.ColumnRows);
            history.Add($"bad_pixel_map: {f.Name}: {cold} cold/dead pixel(s), {high} of too high a response or without data");
            used++;
        }
        if (input.Calibration("MASTER_DARK") is { } dark)
        {
            if (!dark.Image.HasSameShape(first))
                return new UnprocessableData($"calibration MASTER_DARK {dark.Name} is {dark.Image.ShapeText} but the flats are {first.ShapeText}", skipped);
            var exposure = dark.ExposureTime ?? (dark.Image.Header.TryGetDouble("EXPTIME", out var t) ? t : dark.PrimaryHeader.TryGetDouble("EXPTIME", out var p) ? p : double.NaN);
            if (!(exposure > 0)) return new UnprocessableData($"calibration MASTER_DARK {dark.Name} has no positive EXPTIME: its dark current per second is unknown", skipped);
            var gain = input.Detector.MeanGain;
            var hot = BadPixelMapFinder.FromDark(dark.Image, mask, exposure, gain ?? 1, parameters.HotRate, parameters.HotSigma);
            history.Add(string.Create(CultureInfo.InvariantCulture,
                $"bad_pixel_map: {dark.Name}: {hot} hot pixel(s) above {parameters.HotRate} {(gain is null ? "adu/s (gain unknown)" : "electron/s")} and {parameters.HotSigma} sigma"));
        }
        else history.Add("bad_pixel_map: no MASTER_DARK: hot pixels not mapped");

        var data = new float[mask.Length];
        long nBad = 0, nHot = 0, nCold = 0;
        for (var i = 0; i < mask.Length; i++)
        {
            var m = mask[i];
            if (m == 0) continue;
            data[i] = 1;
            nBad++;
            if ((m & (ushort)MaskBits.Hot) != 0) nHot++;
            if ((m & (ushort)MaskBits.Cold) != 0) nCold++;
        }
        var image = new MaskedImage(first.Width, first.Height, data, new float[mask.Length], mask, first.Header.Clone(), "");
        image.Header.Set("BUNIT", "", "1 on a defect, 0 elsewhere; DQ holds the defect bits");
        return new RecipeSucceeded(
            [new RecipeProduct
            {
                Category = "MASTER_BPM",
                Image = image,
                Qc = new Dictionary<string, double>
                {
                    ["n_bad"] = nBad,
                    ["n_hot"] = nHot,
                    ["n_cold"] = nCold,
                    ["fraction"] = mask.Length == 0 ? 0 : (double)nBad / mask.Length,
                },
                History = [.. history, $"bad_pixel_map: {used} master flat(s)"],
            }],
            skipped);
    }
}

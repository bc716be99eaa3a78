using System.Globalization;
using Parallax.Fits.Headers;
using Parallax.Fits.Tables;
using Parallax.Imaging;
using Parallax.Imaging.Coadd;
using Parallax.Imaging.Io;
using Parallax.Imaging.Sources;
using Parallax.Imaging.Statistics;
using Parallax.Pipeline.Recipes;

namespace Parallax.Recipes.Imaging;

/// <summary>
/// Coadd (or mosaic) of reduced frames of one field and filter: each frame placed on a common TAN grid by its WCS (or aligned on
/// its stars), background-subtracted, scaled to electrons per second (at a common zero point when the frames carry MAGZPT),
/// resampled flux-conserving and combined by a clipped weighted mean (<see cref="CoaddBuilder"/>). The product has SCI / VAR / DQ
/// in electron/s, an EXPOSURE map (seconds), a WEIGHT map (sum of weights) and the coadd's source catalog (CAT) with sky
/// positions and, with a zero point, magnitudes.
/// </summary>
public sealed class CoaddImages : Recipe<CoaddImagesParameters>
{
    /// <inheritdoc/>
    public override string Name => "coadd";

    /// <inheritdoc/>
    public override string Synopsis => "Coadd or mosaic reduced frames on a common sky grid, with exposure and weight maps and a source catalog";

    /// <inheritdoc/>
    public override string Description => """
        1. give every frame a WCS: its own (astrometric solution), or the first frame's carried through a star match (align)
        2. build a TAN grid covering every frame, north up, at the inputs' pixel scale (pixel_scale)
        3. subtract each frame's background (subtract_background) and scale it to electron/s (to the first frame's MAGZPT when all frames have one)
        4. resample each frame onto the grid, flux-conserving, value + variance + mask (interpolation), band by band under a memory budget
        5. combine by a weighted mean (weighting) after clipping outliers (clip_sigma, clip_amplitude); EXPOSURE = seconds of usable exposure per pixel, WEIGHT = sum of weights
        6. detect sources on the coadd and measure them in apertures (detect_sigma, aperture_fwhm): the CAT table with RA/DEC and MAG_APER when the zero point is known
        QC: coadd_frames, coadd_exposure_s, coadd_noise, coadd_sources, coadd_fwhm_px, coadd_maglim_5sigma.
        """;

    /// <inheritdoc/>
    public override RecipeConnections Connections { get; } = new()
    {
        Inputs = [new InputConnection { Categories = ["REDUCED_IMAGE"], MinCount = 1, Doc = "reduced frames of one field and filter, in electrons, with a WCS when solved" }],
        Outputs =
        [
            new OutputConnection
            {
                Category = "COADD", ProductType = "coadd", Level = ProcessingLevel.Combined, PerInput = false,
                Doc = "the coadd: SCI in electron/s (at MAGZPT when known), VAR, DQ (NoData outside coverage), EXPOSURE [s], WEIGHT, CAT",
                Qc = new Dictionary<string, string>
                {
                    ["coadd_frames"] = "frames combined",
                    ["coadd_exposure_s"] = "median exposure of the covered pixels [s]",
                    ["coadd_noise"] = "3-sigma-clipped standard deviation of SCI where the exposure is the median (full depth) [electron/s]",
                    ["coadd_sources"] = "sources in the catalog",
                    ["coadd_fwhm_px"] = "median FWHM of the well-measured sources [pixel]",
                    ["coadd_maglim_5sigma"] = "5-sigma limiting magnitude in the catalog aperture, from the median VAR (only with a zero point) [mag]",
                },
            },
        ],
    };

    /// <inheritdoc/>
    public override RecipeOutcome Run(RecipeInput input, CoaddImagesParameters parameters, CancellationToken cancellation)
    {
        var skipped = new List<SkippedInput>();
        var frames = new List<CoaddFrame>();
        foreach (var frame in input.Frames)
        {
            var exposure = frame.ExposureTime ?? Number(frame, "EXPTIME");
            if (exposure is not > 0)
            {
                skipped.Add(new SkippedInput(frame.Name, "no positive exposure time (EXPTIME): it cannot be scaled to electron/s"));
                continue;
            }
            // A reduced frame whose WCS was not solved against a catalog (no ASTRSOLV) still carries the raw
            // header's rough pointing; it is aligned on its stars rather than trusted.
            var solved = frame.Image.Header.GetBool("ASTRSOLV", false);
            frames.Add(new CoaddFrame { Name = frame.Name, Image = frame.Image, ExposureTime = exposure.Value, ZeroPoint = Number(frame, "MAGZPT"), WcsIsApproximate = !solved });
        }
        if (frames.Count == 0) return new UnprocessableData(skipped.Count == 1 ? skipped[0].Reason : $"none of the {input.Frames.Count} frames can be coadded", skipped);
        var options = new CoaddParameters
        {
            Kernel = parameters.Interpolation,
            ClipSigma = parameters.ClipSigma,
            ClipAmplitudeFraction = parameters.ClipAmplitude,
            Weighting = parameters.Weighting,
            PixelScale = parameters.PixelScale > 0 ? parameters.PixelScale / 3600.0 : null,
            SubtractBackground = parameters.SubtractBackground,
            Alignment = parameters.Align,
        };
        CoaddResult coadd;
        try
        {
            coadd = CoaddBuilder.Build(frames, options, cancellation);
        }
        catch (ArgumentException e)
        {
            return new UnprocessableData(e.Message, skipped);
        }
        skipped.AddRange(coadd.Skipped.Select(s => new SkippedInput(s.Name, s.Reason)));
        var image = coadd.Image;
        var (catalog, fwhm, radius) = CoaddCatalog.Measure(image, parameters.DetectSigma, parameters.ApertureFwhm);
        var qc = Qc(coadd, catalog, fwhm, radius);
        Describe(image, coadd, input.Frames[0]);
        var gridHeader = new Header();
        image.Wcs?.WriteTo(gridHeader);
        var history = new List<string>();
        foreach (var f in coadd.Frames)
            history.Add(string.Create(CultureInfo.InvariantCulture, $"coadd: {f.Name} x {f.Scale:G6} weight {f.Weight:G6} background {f.Background:0.##} WCS {f.WcsSource}"));
        history.Add(string.Create(CultureInfo.InvariantCulture, $"coadd: {parameters.Interpolation} resampling, clipped weighted mean ({parameters.Weighting}, clip {parameters.ClipSigma} sigma), {coadd.RejectedTotal} values clipped, bands of {coadd.BandRows} rows"));
        var product = new RecipeProduct
        {
            Category = "COADD",
            Image = image,
            Qc = qc,
            Extensions =
            [
                new ProductImage { Name = "EXPOSURE", Width = image.Width, Height = image.Height, Data = coadd.Exposure, Unit = "s", Comment = "seconds of usable exposure per pixel", Header = gridHeader },
                new ProductImage { Name = "WEIGHT", Width = image.Width, Height = image.Height, Data = coadd.Weight, Comment = "sum of the frame weights averaged", Header = gridHeader.Clone() },
            ],
            Tables = [new ProductTable { Name = SourceCatalogFits.Extension, Table = Table(catalog, image, coadd.ZeroPoint), Header = CatalogHeader(catalog, radius, coadd.ZeroPoint) }],
            History = history,
        };
        return new RecipeSucceeded([product], skipped);
    }

    private static double? Number(RecipeFrame frame, string keyword)
    {
        foreach (var header in new[] { frame.Image.Header, frame.PrimaryHeader })
        {
            var v = header.GetDouble(keyword, double.NaN);
            if (double.IsFinite(v)) return v;
        }
        return null;
    }

    private static Dictionary<string, double> Qc(CoaddResult coadd, SourceCatalog catalog, double fwhm, double radius)
    {
        var image = coadd.Image;
        var covered = coadd.Exposure.Where(e => e > 0).ToArray();
        var depth = covered.Length == 0 ? double.NaN : RobustStatistics.Median(covered);
        // The noise of the full-depth area (edges with fewer frames are noisier), sources clipped away.
        var sky = new List<float>();
        for (var i = 0; i < image.PixelCount; i++)
            if (coadd.Exposure[i] == depth && (image.Mask[i] & (ushort)MaskBits.Unusable) == 0 && float.IsFinite(image.Data[i])) sky.Add(image.Data[i]);
        var qc = new Dictionary<string, double>
        {
            ["coadd_frames"] = coadd.Frames.Count,
            ["coadd_exposure_s"] = depth,
            ["coadd_noise"] = sky.Count == 0 ? double.NaN : RobustStatistics.SigmaClippedStats(sky.ToArray()).StandardDeviation,
            ["coadd_sources"] = catalog.Count,
            ["coadd_fwhm_px"] = fwhm,
        };
        if (coadd.ZeroPoint is { } zp)
        {
            var variance = RobustStatistics.Median(image.Variance, image.Mask);
            var limit = 5 * Math.Sqrt(variance * Math.PI * radius * radius);
            qc["coadd_maglim_5sigma"] = zp - 2.5 * Math.Log10(limit);
        }
        return qc;
    }

    /// <summary>Keywords of the SCI header: what the values are, and the observation they come from.</summary>
    private static void Describe(MaskedImage image, CoaddResult coadd, RecipeFrame first)
    {
        var h = image.Header;
        foreach (var key in new[] { "INSTRUME", "TELESCOP", "OBJECT", "FILTER", "DATE-OBS", "MJD-OBS" })
        {
            var card = first.Image.Header.Cards.FirstOrDefault(c => c.Keyword == key) ?? first.PrimaryHeader.Cards.FirstOrDefault(c => c.Keyword == key);
            if (card is not null) h.Add(card);
        }
        h.Add(HeaderCard.Create("NCOMBINE", coadd.Frames.Count, "frames combined"));
        h.Add(HeaderCard.Create("EXPTOTAL", coadd.Frames.Sum(f => 1.0 / f.Scale), "[s] summed exposure of the frames (scale = 1/EXPTIME)"));
        h.Add(HeaderCard.Create("FLUXUNIT", "electron/s", coadd.ZeroPoint is null ? "counts per second" : "counts per second at MAGZPT"));
        if (coadd.ZeroPoint is { } zp) h.Add(HeaderCard.Create("MAGZPT", zp, "[mag] magnitude of 1 unit/s of SCI"));
        if (!coadd.HasSkyCoordinates) h.Add(HeaderCard.Create("COMMENT", null, "no input had a WCS: the WCS is a stand-in on the first frame's pixels, not the sky"));
    }

    /// <summary>The catalog's table with sky positions and, with a zero point, magnitudes.</summary>
    private static BinaryTable Table(SourceCatalog catalog, MaskedImage image, double? zp)
    {
        var t = SourceCatalogFits.ToTable(catalog);
        var n = catalog.Count;
        var ra = new double[n];
        var dec = new double[n];
        var mag = new double[n];
        var magErr = new double[n];
        for (var i = 0; i < n; i++)
        {
            var s = catalog.Sources[i];
            var (x, y) = double.IsFinite(s.XWin) ? (s.XWin, s.YWin) : (s.X, s.Y);
            (ra[i], dec[i]) = image.Wcs is { } w ? w.PixelToWorld(x, y) : (double.NaN, double.NaN);
            mag[i] = zp is { } z && s.FluxAperture > 0 ? z - 2.5 * Math.Log10(s.FluxAperture) : double.NaN;
            magErr[i] = zp is not null && s.FluxAperture > 0 ? 2.5 / Math.Log(10) * s.FluxApertureError / s.FluxAperture : double.NaN;
        }
        t.AddColumn("RA", ra, options: new ColumnOptions { Unit = "deg" });
        t.AddColumn("DEC", dec, options: new ColumnOptions { Unit = "deg" });
        t.AddColumn("MAG_APER", mag, options: new ColumnOptions { Unit = "mag" });
        t.AddColumn("MAGERR_APER", magErr, options: new ColumnOptions { Unit = "mag" });
        return t;
    }

    private static Header CatalogHeader(SourceCatalog catalog, double radius, double? zp)
    {
        var extra = new Header();
        extra.Add(HeaderCard.Create("APERRAD", radius, "[pix] aperture radius of FLUX_APER"));
        if (zp is { } z) extra.Add(HeaderCard.Create("MAGZPT", z, "[mag] zero point of MAG_APER"));
        extra.Add(HeaderCard.Create("RADECSYS", "ICRS", "RA and DEC from the coadd WCS at XWIN/YWIN"));
        return SourceCatalogFits.TableHeader(catalog, extra);
    }
}

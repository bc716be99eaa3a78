using Parallax.Imaging;
using Parallax.Imaging.Statistics;
using Parallax.Pipeline.Recipes;
using Parallax.Recipes.Steps;

namespace Parallax.Recipes.Imaging;

/// <summary>
/// Detrending of science frames, one product per frame: subtract the overscan and trim, flag
/// saturated pixels, set the raw variance (read noise² + signal/gain), subtract the master bias,
/// subtract the master dark scaled to the frame's exposure, convert to electrons with each amplifier's
/// gain, divide by the master flat (a response in electrons), find and clean cosmic rays (L.A.Cosmic),
/// measure (and on request subtract) the sky background and, when a reference catalog is given, solve the
/// WCS (TAN + SIP) and measure the photometric zero point. A bad-pixel map (MASTER_BPM) is ORed into the
/// mask after the detector step, an illumination correction (MASTER_ILLUM) divided after the flat, when
/// available. Variance and mask are propagated. QC: <c>median_e</c> (sky
/// level) and <c>noise_e</c> (robust σ), or <c>median_adu</c> / <c>noise_adu</c> when the result stays
/// in ADU. The bias- and dark-subtracted frame before flat division is an intermediate product.
/// </summary>
public sealed class ReduceImage : Recipe<ReduceImageParameters>
{
    /// <inheritdoc/>
    public override string Name => "reduce_image";

    /// <inheritdoc/>
    public override string Synopsis => "Detrend science frames: bias and dark subtraction, flat division; one product per frame";

    /// <inheritdoc/>
    public override string Description => """
        1. subtract the overscan, trim to the data sections, flag saturated pixels and set the raw variance (read noise squared + signal / gain)
        2. subtract the master bias (subtract_bias)
        3. subtract the master dark scaled by exposure time (subtract_dark; skipped when no dark is available)
        4. convert to electrons with each amplifier's gain (to_electrons)
        5. divide by the master flat (divide_flat); pixels where the flat is not positive become NaN with NoData
        6. find and clean cosmic rays with L.A.Cosmic (cosmic_rays; cr_sigma_clip, cr_object_limit)
        7. measure the sky background (sky_box) and subtract it when subtract_sky is true (SKYLEVEL in the header; variance unchanged)
        8. with a reference catalog (--reference-catalog): solve the WCS against it, TAN + SIP of order sip_order (astrometry); the SCI header gets the solution and an ASTROM table lists the matched stars
        9. measure the zero point by aperture photometry of the matched stars: MAGZPT / MAGZPTE in the SCI header (zero_point)
        With a MASTER_BPM its defect bits are ORed into the mask after step 1; with a MASTER_ILLUM the frame is divided by it after step 5.
        QC per frame: median_e = median of the frame; noise_e = robust sigma; sky_e, sky_noise_e = sky level and noise from the background model (_adu in ADU); astrom_rms_px, astrom_rms_arcsec, astrom_matches; zp_mag, zp_err, zp_stars (zp_colour when a colour term is fitted).
        """;

    /// <inheritdoc/>
    public override RecipeConnections Connections { get; } = new()
    {
        Inputs = [new InputConnection { Categories = ["SCIENCE", "STANDARD"], MinCount = 1, Doc = "exposures of the sky" }],
        UsesReferenceCatalog = true,
        Calibrations =
        [
            new CalibrationConnection { Category = "MASTER_BIAS", Required = false, MatchKeys = ["binning", "readout"], Doc = "subtracted (required unless subtract_bias is false)" },
            new CalibrationConnection { Category = "MASTER_DARK", Required = false, MatchKeys = ["binning", "readout"], Doc = "scaled by exposure time and subtracted when available" },
            new CalibrationConnection { Category = "MASTER_FLAT", Required = false, MatchKeys = ["binning", "filter"], Doc = "divided by (required unless divide_flat is false)" },
            new CalibrationConnection { Category = "MASTER_BPM", Required = false, MatchKeys = ["binning"], Doc = "bad-pixel map: its DQ bits are ORed into every frame's mask when available" },
            new CalibrationConnection { Category = "MASTER_ILLUM", Required = false, MatchKeys = ["binning", "filter"], Doc = "illumination correction: divided by after the flat when available" },
        ],
        Outputs =
        [
            new OutputConnection
            {
                Category = "REDUCED_IMAGE", ProductType = "reduced_image", Level = ProcessingLevel.Corrected, PerInput = true, Doc = "the detrended frame",
                Qc = new Dictionary<string, string>
                {
                    ["median_e"] = "sky level: median of the frame [electron] (median_adu when to_electrons is false)",
                    ["noise_e"] = "robust sigma of the frame [electron] (noise_adu when to_electrons is false)",
                    ["cosmic_ray_pixels"] = "pixels flagged as cosmic rays by L.A.Cosmic",
                    ["sky_e"] = "median of the sky background model [electron] (sky_adu when to_electrons is false)",
                    ["sky_noise_e"] = "sky noise per pixel: median RMS of the background boxes [electron] (sky_noise_adu in ADU)",
                    ["astrom_rms_px"] = "radial rms of the astrometric fit's residuals [pixel]",
                    ["astrom_rms_arcsec"] = "radial rms of the astrometric fit's residuals [arcsec]",
                    ["astrom_matches"] = "stars matched to the reference catalog and kept by the fit",
                    ["zp_mag"] = "photometric zero point: magnitude of 1 e-/s (extinction included) [mag]",
                    ["zp_err"] = "standard error of the zero point [mag]",
                    ["zp_stars"] = "stars used for the zero point",
                    ["zp_colour"] = "colour term of the zero point (when the instrument file names colour columns) [mag/mag]",
                },
            },
            new OutputConnection
            {
                Category = "DEBIASED_IMAGE", ProductType = "debiased_image", Level = ProcessingLevel.Corrected, PerInput = true, Intermediate = true,
                Doc = "the frame after bias and dark subtraction, before flat division",
            },
        ],
    };

    /// <inheritdoc/>
    public override RecipeOutcome Run(RecipeInput input, ReduceImageParameters parameters, CancellationToken cancellation)
    {
        var bias = parameters.SubtractBias ? input.Calibration("MASTER_BIAS") : null;
        if (parameters.SubtractBias && bias is null) return new CalibrationNotFound("MASTER_BIAS", input.WhyMissing("MASTER_BIAS"));
        var flat = parameters.DivideFlat ? input.Calibration("MASTER_FLAT") : null;
        if (parameters.DivideFlat && flat is null) return new CalibrationNotFound("MASTER_FLAT", input.WhyMissing("MASTER_FLAT"));
        var dark = parameters.SubtractDark ? input.Calibration("MASTER_DARK") : null;
        var badPixels = input.Calibration("MASTER_BPM");
        var illumination = flat is null ? null : input.Calibration("MASTER_ILLUM");
        var gain = DetectorNoise.Gain(input.Detector);
        var products = new List<RecipeProduct>();
        var skipped = new List<SkippedInput>();
        foreach (var frame in input.Frames)
        {
            cancellation.ThrowIfCancellationRequested();
            if (DetectorStep.TryApply(frame, input.Detector, parameters, skipped) is not { } step) continue;
            var image = step.Image;
            // Frames are reduced one by one: one that does not fit the masters is skipped, the others go on.
            if (DetectorStep.MismatchedCalibration(image, bias, dark, flat, badPixels, illumination) is { } mismatch)
            {
                skipped.Add(new SkippedInput(frame.Name, mismatch.Reason));
                continue;
            }
            var history = new List<string>();
            DetectorStep.ApplyNoiseModel(step, input.Detector, bias?.Image);
            if (badPixels is not null) history.Add($"reduce_image: {BadPixelMaskStep.Apply(image, badPixels)} defect(s) of {badPixels.Name} flagged");
            if (bias is not null)
            {
                ImageArithmetic.Subtract(image, bias.Image);
                history.Add($"reduce_image: subtracted {bias.Name}");
            }
            if (dark is not null)
            {
                var scale = MasterFlat.DarkScale(frame, dark);
                ImageArithmetic.Subtract(image, dark.Image, scale);
                history.Add($"reduce_image: subtracted {dark.Name} x {scale:0.####}");
            }
            else if (parameters.SubtractDark) history.Add("reduce_image: no MASTER_DARK: dark current not subtracted");
            if (parameters.ToElectrons)
            {
                // Each amplifier's own gain, before the flat: the master flat is a response in
                // electrons (its amplifiers' gains divided out), so dividing by it keeps them apart.
                DetectorStep.ToElectrons(image, step, gain);
                history.Add("reduce_image: converted to electrons with each amplifier's gain");
            }
            if (flat is not null)
            {
                if (input.KeepIntermediates) products.Add(new RecipeProduct { Category = "DEBIASED_IMAGE", Image = image.Clone(), DerivedFrom = frame.Name, History = [.. history] });
                ImageArithmetic.Divide(image, flat.Image);
                history.Add($"reduce_image: divided by {flat.Name}");
                if (illumination is not null)
                {
                    ImageArithmetic.Divide(image, illumination.Image);
                    history.Add($"reduce_image: divided by illumination correction {illumination.Name}");
                }
            }
            var cosmicPixels = 0;
            if (parameters.CosmicRays)
            {
                var cleaned = CosmicRayStep.Clean(image, step, input.Detector, parameters);
                cosmicPixels = cleaned.FlaggedPixels;
                image = cleaned.Cleaned;
                history.Add($"reduce_image: {cosmicPixels} cosmic-ray pixel(s) flagged and cleaned (L.A.Cosmic, sigclip {parameters.CrSigmaClip}, objlim {parameters.CrObjectLimit})");
            }
            var unit = parameters.ToElectrons ? "e" : "adu";
            var sky = SkyBackgroundStep.Apply(image, parameters.SubtractSky, parameters.SkyBox);
            if (sky.Subtracted) history.Add($"reduce_image: sky background subtracted (median {sky.Level:0.###} {unit})");
            var calibrated = Calibrate(image, frame, input, parameters, history);
            var qc = new Dictionary<string, double>
            {
                [$"median_{unit}"] = RobustStatistics.Median(image.Data, image.Mask),
                [$"noise_{unit}"] = RobustStatistics.MadSigma(image.Data, image.Mask),
                ["cosmic_ray_pixels"] = cosmicPixels,
                [$"sky_{unit}"] = sky.Level,
                [$"sky_noise_{unit}"] = sky.Noise,
            };
            foreach (var (name, value) in calibrated.Qc) qc[name] = value;
            products.Add(new RecipeProduct
            {
                Category = "REDUCED_IMAGE",
                Image = image,
                DerivedFrom = frame.Name,
                Qc = qc,
                Tables = calibrated.Tables,
                History = history,
            });
        }
        if (products.Count == 0) return new UnprocessableData(skipped.Count == 1 ? skipped[0].Reason : $"none of the {input.Frames.Count} frames can be reduced", skipped);
        return new RecipeSucceeded(products, skipped);
    }

    /// <summary>
    /// Astrometry and zero point of one detrended frame when a reference catalog is given: sets the frame's WCS to the
    /// solution, writes MAGZPT / MAGZPTE, and returns the QC values and the ASTROM table. A frame whose astrometry
    /// fails keeps its header WCS and is still a product; the failure and its numbers are in HISTORY and QC.
    /// </summary>
    private static (Dictionary<string, double> Qc, IReadOnlyList<ProductTable> Tables) Calibrate(MaskedImage image, RecipeFrame frame, RecipeInput input, ReduceImageParameters parameters, List<string> history)
    {
        var qc = new Dictionary<string, double>();
        if (!parameters.Astrometry) return (qc, []);
        if (input.ReferenceCatalog is not { } catalog)
        {
            history.Add("reduce_image: no reference catalog given (--reference-catalog): astrometry and zero point skipped");
            return (qc, []);
        }
        var band = AstrometryStep.Band(frame, image, input, catalog);
        var solution = AstrometryStep.Solve(image, frame, catalog, band, parameters.SipOrder, history);
        if (solution is null) return (qc, []);
        qc["astrom_matches"] = solution.Matches.Count;
        if (!solution.Succeeded)
        {
            history.Add("reduce_image: astrometry numbers: " + string.Join(", ", solution.Numbers.Select(n => FormattableString.Invariant($"{n.Key} {n.Value:0.###}"))));
            return (qc, []);
        }
        image.Wcs = solution.Wcs;
        // Marks the WCS as measured: later steps (coadd) trust it instead of re-aligning on stars.
        image.Header.Set("ASTRSOLV", true, "WCS solved against a reference catalog");
        image.Header.Set("ASTRRMS", Math.Round(solution.RmsPixels, 4), "[pix] rms of the astrometric fit");
        qc["astrom_rms_px"] = solution.RmsPixels;
        qc["astrom_rms_arcsec"] = solution.RmsArcsec;
        Parallax.Imaging.Photometry.ZeroPointResult? zeroPoint = null;
        if (parameters.ZeroPoint)
        {
            zeroPoint = ZeroPointStep.Measure(image, frame, solution, catalog, band, input.Photometry?.Colour, history);
            if (zeroPoint is { Succeeded: true } zp)
            {
                qc["zp_mag"] = zp.ZeroPoint;
                qc["zp_err"] = zp.Error;
                qc["zp_stars"] = zp.Stars;
                if (double.IsFinite(zp.ColourTerm)) qc["zp_colour"] = zp.ColourTerm;
            }
        }
        double? airmass = frame.PrimaryHeader.TryGetDouble("AIRMASS", out var x) ? x : null;
        return (qc, [ZeroPointStep.AstromTable(solution, catalog, band, zeroPoint, airmass)]);
    }
}

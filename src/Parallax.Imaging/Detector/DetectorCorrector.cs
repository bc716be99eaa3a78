using Parallax.Fits;
using Parallax.Fits.Headers;

namespace Parallax.Imaging.Detector;

/// <summary>
/// Turns a raw readout into one detector image (<see cref="DetectorCorrectionOptions"/>): for every
/// amplifier, flag saturation on the raw ADU, subtract the overscan, correct the linearity, convert to
/// electrons with variance = read noise² + Poisson (electrons²: rn² + max(signal, 0); the raw variance is
/// replaced), trim to the data section and place the pixels by DETSEC (flipping where DETSEC runs the
/// other way, dividing by the binning DETSEC implies). One pass over the data pixels per amplifier.
/// </summary>
public static class DetectorCorrector
{
    /// <summary>Corrects a FITS readout: geometry from its headers unless given, output header from the primary HDU.</summary>
    /// <exception cref="FormatException">A section keyword is malformed (the message names it).</exception>
    /// <exception cref="ArgumentException">The geometry does not fit the images, or amplifiers cannot be assembled.</exception>
    public static DetectorCorrectionResult Correct(FitsFile file, DetectorCorrectionOptions options, DetectorGeometry? geometry = null)
    {
        ArgumentNullException.ThrowIfNull(file);
        geometry ??= DetectorGeometry.FromFile(file);
        var frames = DetectorFrames.Read(file, geometry);
        var header = file.Primary.Header.Clone();
        return Correct(frames, options, header);
    }

    /// <summary>Corrects the amplifiers of one raw image.</summary>
    public static DetectorCorrectionResult Correct(MaskedImage raw, DetectorGeometry geometry, DetectorCorrectionOptions options)
    {
        ArgumentNullException.ThrowIfNull(raw);
        ArgumentNullException.ThrowIfNull(geometry);
        return Correct([.. geometry.Amplifiers.Select(a => new AmplifierFrame(raw, a))], options, raw.Header);
    }

    /// <summary>Corrects amplifiers given with their raw images.</summary>
    /// <param name="amplifiers">The amplifiers (one or several per raw image).</param>
    /// <param name="options">Which corrections.</param>
    /// <param name="header">Header of the output (cloned; section keywords that no longer apply are removed, HISTORY added); null: the first raw image's.</param>
    /// <exception cref="ArgumentException">No amplifiers, a geometry that does not fit its image, an amplifier with no BIASSEC while overscan correction is asked for, or amplifiers that cannot be assembled (no DETSEC, binning that is not a whole number or differs between amplifiers).</exception>
    public static DetectorCorrectionResult Correct(IReadOnlyList<AmplifierFrame> amplifiers, DetectorCorrectionOptions options, Header? header = null)
    {
        ArgumentNullException.ThrowIfNull(amplifiers);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        if (amplifiers.Count == 0) throw new ArgumentException("no amplifiers to correct", nameof(amplifiers));
        if (!options.Trim && amplifiers.Count > 1) throw new ArgumentException($"{amplifiers.Count} amplifiers cannot be kept untrimmed: assembly needs trimming", nameof(options));
        foreach (var a in amplifiers) a.Geometry.Validate(a.Raw.Width, a.Raw.Height);

        var regions = amplifiers.Select(a => options.Trim ? a.Geometry.DataSection : ImageSection.FromZeroBased(0, 0, a.Raw.Width, a.Raw.Height)).ToArray();
        var layout = AmplifierLayout.Plan(amplifiers, regions, options.Trim);
        var width = layout.Width;
        var height = layout.Height;
        var data = new float[(long)width * height > int.MaxValue ? throw new ArgumentException($"the assembled image {width}×{height} is too large") : width * height];
        var variance = new float[data.Length];
        var mask = new ushort[data.Length];
        if (!layout.CoversEverything) Array.Fill(mask, (ushort)MaskBits.NoData);

        var reports = new AmplifierCorrection[amplifiers.Count];
        for (var i = 0; i < amplifiers.Count; i++)
        {
            var (raw, geometry) = (amplifiers[i].Raw, amplifiers[i].Geometry);
            OverscanProfile? profile = null;
            if (options.Overscan is { } overscan)
            {
                if (geometry.BiasSection is not { } bias)
                    throw new ArgumentException($"amplifier {geometry.Name} has no bias section (BIASSEC): give one in the geometry or turn overscan correction off", nameof(amplifiers));
                profile = OverscanCorrector.Measure(raw, bias, regions[i], overscan);
            }
            var kernel = new AmplifierKernel(raw, regions[i], layout.Placements[i], layout.FlipX[i], layout.FlipY[i], profile, geometry, options, data, variance, mask, width);
            var (saturated, nonlinear) = kernel.Run();
            reports[i] = new AmplifierCorrection(geometry.Name, profile, options.ToElectrons ? geometry.Gain : 1, geometry.ReadNoise,
                layout.Placements[i], layout.FlipX[i], layout.FlipY[i], saturated, nonlinear);
        }

        var outHeader = (header ?? amplifiers[0].Raw.Header).Clone();
        Stamp(outHeader, reports, options, layout);
        MoveWcs(outHeader, regions, layout);
        var image = new MaskedImage(width, height, data, variance, mask, outHeader, options.ToElectrons ? PixelUnits.Electron : PixelUnits.Adu);
        return new DetectorCorrectionResult(image, reports, layout.BinningX, layout.BinningY);
    }

    private static void Stamp(Header h, AmplifierCorrection[] reports, DetectorCorrectionOptions options, AmplifierLayout layout)
    {
        if (options.Trim)
        {
            var stale = h.Cards.Select(c => c.Keyword)
                .Where(k => k.StartsWith("BIASSEC", StringComparison.Ordinal) || k.StartsWith("DATASEC", StringComparison.Ordinal) || k.StartsWith("TRIMSEC", StringComparison.Ordinal))
                .Distinct().ToList();
            foreach (var k in stale) h.Remove(k);
        }
        foreach (var r in reports)
        {
            var o = r.Overscan is { } p
                ? FormattableString.Invariant($"overscan {p.BiasSection} {options.Overscan!.Statistic.ToString().ToLowerInvariant()} per {(p.Axis == OverscanAxis.PerRow ? "row" : "column")}{Smoothing(options.Overscan)}: level {p.MeanLevel:F3} ADU, rms {p.NoiseRms:F3} ADU")
                : "no overscan";
            h.AddHistory(FormattableString.Invariant($"Detector amp {r.Name}: {o}; gain {r.Gain:G6} e-/ADU; placed at {r.Placement}{(r.FlippedX ? " flipped x" : "")}{(r.FlippedY ? " flipped y" : "")}"));
        }
        if (options.Nonlinearity is { } nl) h.AddHistory("Detector: linearity corrected, coefficients " + string.Join(", ", nl.Coefficients.Select(c => c.ToString("G6", System.Globalization.CultureInfo.InvariantCulture))));
        if (options.ToElectrons)
        {
            h.Set("GAIN", 1.0, "[e-/ADU] data converted to electrons");
            h.AddHistory("Detector: converted to electrons; variance = RDNOISE^2 + max(signal, 0) in electrons^2");
        }
        if (layout.BinningX > 1 || layout.BinningY > 1) h.AddHistory(FormattableString.Invariant($"Detector: assembled by DETSEC at binning {layout.BinningX}x{layout.BinningY}"));
    }

    /// <summary>
    /// Keeps a celestial WCS of the raw pixels valid on the output: when every amplifier moved by the
    /// same offset without a flip (trimming the overscan off one contiguous data area), CRPIXn shift by
    /// it; otherwise the raw WCS no longer describes the assembled pixels and its axis types and
    /// reference pixel are removed, so that no reader takes it for a WCS.
    /// </summary>
    private static void MoveWcs(Header h, ImageSection[] regions, AmplifierLayout layout)
    {
        if (!h.Contains("CRPIX1") && !h.Contains("CRPIX2")) return;
        var dx = regions[0].XStart - layout.Placements[0].XStart;
        var dy = regions[0].YStart - layout.Placements[0].YStart;
        var uniform = true;
        for (var i = 0; i < regions.Length; i++)
        {
            uniform &= !layout.FlipX[i] && !layout.FlipY[i]
                && regions[i].XStart - layout.Placements[i].XStart == dx && regions[i].YStart - layout.Placements[i].YStart == dy;
        }
        if (uniform)
        {
            if (dx == 0 && dy == 0) return;
            if (h.TryGetDouble("CRPIX1", out var c1)) h.Set("CRPIX1", c1 - dx, h.FindCard("CRPIX1")?.Comment);
            if (h.TryGetDouble("CRPIX2", out var c2)) h.Set("CRPIX2", c2 - dy, h.FindCard("CRPIX2")?.Comment);
            h.AddHistory(FormattableString.Invariant($"Detector: WCS reference pixel moved by ({-dx}, {-dy}) with the trim"));
            return;
        }
        foreach (var k in new[] { "CRPIX1", "CRPIX2", "CTYPE1", "CTYPE2" }) h.Remove(k);
        h.AddHistory("Detector: raw WCS dropped: the amplifiers were flipped or moved apart in assembly");
    }

    private static string Smoothing(OverscanOptions o) => o.Smoothing switch
    {
        OverscanSmoothing.None => "",
        OverscanSmoothing.BSpline => FormattableString.Invariant($", B-spline every {o.BreakpointSpacing} lines"),
        _ => FormattableString.Invariant($", {o.Smoothing.ToString().ToLowerInvariant()} order {o.Order}"),
    };
}

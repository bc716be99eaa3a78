using System.Globalization;
using Parallax.Fits.Headers;
using Parallax.Fits.Tables;
using Parallax.Imaging;
using Parallax.Pipeline.Recipes;
using Parallax.Recipes.Imaging;
using Parallax.Recipes.Steps;
using Parallax.Spectroscopy.Arcs;
using Parallax.Spectroscopy.Slits;

namespace Parallax.Recipes.Spectroscopy;

/// <summary>
/// Wavelength calibration of a long-slit spectrograph from comparison-lamp frames (dispersion along x):
/// detrend and combine the arcs, collapse the rows around the slit centre into a spectrum, find and
/// measure its lines, identify them against the instrument's line lists with its rough wavelength
/// scale as prior, fit a Legendre solution with rejection, trace the lines' tilt along the slit and
/// build the 2-D wavelength map. The product's SCI is that map (Angstrom, air or vacuum as the line
/// lists; NaN outside the slit), with the identified lines as a <c>LINES</c> table and the 1-D solution
/// in the header (WAVEORD, WAVEDMN1/2, WAVEC0..). The slit is found on the master flat when one is
/// given; without one the whole frame is the slit, its centre row carries the solution and the map has
/// no tilt.
/// </summary>
public sealed class WavelengthCalibration : Recipe<WavelengthCalibrationParameters>
{
    /// <inheritdoc/>
    public override string Name => "wavelength_solution";

    /// <inheritdoc/>
    public override string Synopsis => "Arc lamps → identified lines, Legendre wavelength solution and 2-D wavelength map; QC rms in Å and px";

    /// <inheritdoc/>
    public override string Description => """
        1. subtract each arc's overscan, trim it, subtract the master bias when given; combine the arcs (mean)
        2. find the slit edges on the master flat (when given) and collapse half_width rows around the slit centre into a spectrum
        3. find the arc lines (threshold, fwhm_pixels) and identify them against the line lists (lamps) by the pattern of their spacings, with the instrument file's wavelength prior
        4. fit a Legendre solution of the given order with 3-sigma rejection; fail when its rms exceeds rms_max_pixels
        5. trace the lines' tilt along the slit and build the 2-D wavelength map
        QC: rms_angstrom, rms_pixels, lines_used, lines_rejected, central_wavelength (Å at the central column), dispersion (Å per pixel there).
        """;

    /// <inheritdoc/>
    public override RecipeConnections Connections { get; } = new()
    {
        UsesLineLists = true,
        Inputs = [new InputConnection { Categories = ["ARC"], MinCount = 1, Doc = "comparison-lamp exposures" }],
        Calibrations =
        [
            new CalibrationConnection { Category = "MASTER_BIAS", Required = false, MatchKeys = ["binning"], Doc = "subtracted when given" },
            new CalibrationConnection { Category = "MASTER_FLAT", Required = false, MatchKeys = ["disperser", "binning"], Doc = "locates the slit edges when given" },
        ],
        Outputs =
        [
            new OutputConnection
            {
                Category = "MASTER_ARC", ProductType = "wavelength_map", Level = ProcessingLevel.Corrected,
                Doc = "2-D wavelength map (Angstrom) with the identified lines (LINES table) and the 1-D solution in the header",
                Qc = new Dictionary<string, string>
                {
                    ["rms_angstrom"] = "rms of the used lines about the solution [Angstrom]",
                    ["rms_pixels"] = "the same in pixels [pixel]",
                    ["lines_used"] = "lines in the final fit",
                    ["lines_rejected"] = "identified lines the fit rejected",
                    ["central_wavelength"] = "wavelength at the central column of the slit centre [Angstrom]",
                    ["dispersion"] = "dispersion at the central column [Angstrom/pixel]",
                },
            },
        ],
    };

    /// <inheritdoc/>
    public override RecipeOutcome Run(RecipeInput input, WavelengthCalibrationParameters parameters, CancellationToken cancellation)
    {
        if (input.Spectroscopy is not { } settings)
            return new UnprocessableData($"instrument {input.Instrument ?? "(unknown)"} has no spectroscopy section: no wavelength prior");
        if (settings.DispersionAxis != 1)
            return new UnprocessableData("dispersion along NAXIS2 (spectroscopy.dispersion_axis: 2) is not supported by wavelength_solution yet");
        var lists = ChooseLineLists(input, parameters, out var why);
        if (lists is null) return new UnprocessableData(why);

        var bias = input.Calibration("MASTER_BIAS");
        var skipped = new List<SkippedInput>();
        var arcs = new List<MaskedImage>();
        foreach (var frame in input.Frames)
        {
            cancellation.ThrowIfCancellationRequested();
            if (DetectorStep.TryApply(frame, input.Detector, parameters, skipped) is not { } step) continue;
            if (DetectorStep.MismatchedCalibration(step.Image, bias) is { } mismatch) { skipped.Add(new SkippedInput(frame.Name, mismatch.Reason)); continue; }
            DetectorStep.ApplyNoiseModel(step, input.Detector, bias?.Image);
            if (bias is not null) ImageArithmetic.Subtract(step.Image, bias.Image);
            arcs.Add(step.Image);
        }
        if (arcs.Count == 0) return new UnprocessableData($"none of the {input.Frames.Count} arc frames can be used", skipped);
        var arc = arcs.Count == 1 ? arcs[0] : FrameStack.Combine(arcs, CombineMethod.Mean, 0, cancellation);

        var flat = input.Calibration("MASTER_FLAT");
        SlitEdges? edges = null;
        var history = new List<string>();
        if (flat is not null)
        {
            if (flat.Image.Width != arc.Width || flat.Image.Height != arc.Height)
                return new UnprocessableData($"{flat.Name} is {flat.Image.ShapeText}, the arcs {arc.ShapeText}", skipped);
            try { edges = SlitEdgeFinder.Find(flat.Image); }
            catch (InvalidOperationException e) { return new AlgorithmFailed($"slit edges on {flat.Name}: {e.Message}"); }
            history.Add($"wavelength_solution: slit edges from {flat.Name}");
        }
        else history.Add("wavelength_solution: no MASTER_FLAT: the whole frame is taken as the slit, without line tilts");

        var binning = Binning(input.Frames[0]);
        var prior = new WavelengthPrior(settings.CentralWavelength, settings.Dispersion, settings.WavelengthTolerance, settings.DispersionTolerance).Binned(binning);
        var centre = arc.Height / 2.0;
        var spectrum = ArcExtraction.Extract(arc, edges is null ? _ => centre : edges.CentreRow, parameters.HalfWidth);
        var lines = ArcLineFinder.Find(spectrum, new ArcLineOptions { Fwhm = parameters.FwhmPixels, Threshold = parameters.Threshold });
        WavelengthSolution solution;
        try { solution = ArcIdentifier.Solve(lines, lists, prior, spectrum.Length, new ArcIdentifierOptions { Order = parameters.Order }); }
        catch (InvalidOperationException e)
        {
            return new AlgorithmFailed(e.Message, new Dictionary<string, double> { ["lines_found"] = lines.Count, ["list_lines"] = lists.Count });
        }
        if (!(solution.RmsPixels <= parameters.RmsMaxPixels))
            return new AlgorithmFailed($"wavelength solution rms {solution.RmsPixels:0.###} px exceeds rms_max_pixels {parameters.RmsMaxPixels}",
                new Dictionary<string, double> { ["rms_pixels"] = solution.RmsPixels, ["lines_used"] = solution.LinesUsed });

        float[] map;
        if (edges is not null)
        {
            try { map = WavelengthMap.Build(solution, LineTiltTracer.Trace(arc, edges, solution)); }
            catch (InvalidOperationException e) { return new AlgorithmFailed($"line tilts: {e.Message}"); }
        }
        else
        {
            map = new float[arc.Width * arc.Height];
            for (var x = 0; x < arc.Width; x++) map[x] = (float)solution.Wavelength(x);
            for (var y = 1; y < arc.Height; y++) Array.Copy(map, 0, map, y * arc.Width, arc.Width);
        }
        var mask = new ushort[map.Length];
        for (var i = 0; i < map.Length; i++) if (float.IsNaN(map[i])) mask[i] = (ushort)MaskBits.NoData;
        var header = new Header();
        foreach (var card in SolutionCards(solution, settings.Medium)) header.Add(card);
        var image = new MaskedImage(arc.Width, arc.Height, map, new float[map.Length], mask, header, "Angstrom");
        var mid = (arc.Width - 1) / 2.0;
        history.Add(FormattableString.Invariant($"wavelength_solution: {arcs.Count} arc(s), {lines.Count} lines found, {solution.LinesUsed} used, rms {solution.RmsAngstrom:0.####} Å ({solution.RmsPixels:0.####} px), lists {string.Join(", ", ListNames(input, parameters))}"));
        return new RecipeSucceeded(
            [new RecipeProduct
            {
                Category = "MASTER_ARC",
                Image = image,
                Tables = [new ProductTable { Name = "LINES", Table = LinesTable(solution) }],
                Qc = new Dictionary<string, double>
                {
                    ["rms_angstrom"] = solution.RmsAngstrom,
                    ["rms_pixels"] = solution.RmsPixels,
                    ["lines_used"] = solution.LinesUsed,
                    ["lines_rejected"] = solution.LinesRejected,
                    ["central_wavelength"] = solution.Wavelength(mid),
                    ["dispersion"] = solution.Dispersion(mid),
                },
                History = history,
            }],
            skipped);
    }

    /// <summary>The line lists named by <c>lamps</c>, else those named like the frames' LAMP values, else all; null (with the reason) when there are none.</summary>
    private static LineList? ChooseLineLists(RecipeInput input, WavelengthCalibrationParameters parameters, out string why)
    {
        why = "";
        if (input.LineLists.Count == 0)
        {
            why = $"instrument {input.Instrument ?? "(unknown)"} names no line list (spectroscopy.linelists)";
            return null;
        }
        var chosen = ListNames(input, parameters).ToHashSet(StringComparer.Ordinal);
        var texts = input.LineLists.Where(l => chosen.Contains(Key(Path.GetFileNameWithoutExtension(l.Name)))).ToList();
        if (texts.Count == 0)
        {
            why = $"no line list named {parameters.Lamps} (the instrument has {string.Join(", ", input.LineLists.Select(l => l.Name))})";
            return null;
        }
        try { return LineList.Merge([.. texts.Select(t => LineList.Parse(t.Text, t.Name))]); }
        catch (FormatException e)
        {
            why = e.Message;
            return null;
        }
    }

    private static IEnumerable<string> ListNames(RecipeInput input, WavelengthCalibrationParameters parameters)
    {
        var all = input.LineLists.Select(l => Key(Path.GetFileNameWithoutExtension(l.Name))).ToList();
        if (parameters.Lamps.Trim().Length > 0) return parameters.Lamps.Split(',').Select(Key).Where(k => k.Length > 0);
        var lamps = input.Frames.Select(f => f.PrimaryHeader.GetString("LAMP", null)).OfType<string>().Select(Key).ToHashSet(StringComparer.Ordinal);
        var named = all.Where(lamps.Contains).ToList();
        return named.Count > 0 ? named : all;
    }

    /// <summary>A name reduced to lower-case letters and digits: LAMP 'HeNeAr' finds henear.dat, 'Hg-Cd-He' hgcdhe.dat.</summary>
    private static string Key(string name) => new([.. name.ToLowerInvariant().Where(char.IsLetterOrDigit)]);

    private static int Binning(RecipeFrame frame)
    {
        var h = frame.PrimaryHeader;
        if (h.GetString("CCDSUM", null)?.Split(' ', StringSplitOptions.RemoveEmptyEntries) is [var first, ..] && int.TryParse(first, NumberStyles.Integer, CultureInfo.InvariantCulture, out var b) && b > 0) return b;
        return h.TryGetDouble("XBINNING", out var x) && x >= 1 ? (int)x : 1;
    }

    private static IEnumerable<HeaderCard> SolutionCards(WavelengthSolution solution, string medium)
    {
        var p = solution.Polynomial;
        yield return HeaderCard.Create("WAVETYPE", p.Basis.ToString().ToLowerInvariant(), "basis of the 1-D wavelength solution");
        yield return HeaderCard.Create("WAVEORD", p.Order, "order of the 1-D wavelength solution");
        yield return HeaderCard.Create("WAVEDMN1", p.DomainMin, "[pix] column mapped to -1 (zero-based)");
        yield return HeaderCard.Create("WAVEDMN2", p.DomainMax, "[pix] column mapped to +1 (zero-based)");
        for (var i = 0; i <= p.Order; i++) yield return HeaderCard.Create($"WAVEC{i}", p.Coefficients[i], "[Angstrom] coefficient of the solution");
        yield return HeaderCard.Create("AIRORVAC", medium == "vacuum" ? "vac" : "air", "wavelengths in air or vacuum");
    }

    private static BinaryTable LinesTable(WavelengthSolution solution)
    {
        var lines = solution.Lines;
        var table = new BinaryTable(lines.Count);
        table.AddColumn("X_PIXEL", lines.Select(l => l.Line.Centre).ToArray(), options: new ColumnOptions { Unit = "pix" });
        table.AddColumn("X_ERROR", lines.Select(l => l.Line.CentreError).ToArray(), options: new ColumnOptions { Unit = "pix" });
        table.AddColumn("WAVELENGTH", lines.Select(l => l.Wavelength).ToArray(), options: new ColumnOptions { Unit = "Angstrom" });
        table.AddColumn("RESIDUAL", lines.Select(l => l.Residual).ToArray(), options: new ColumnOptions { Unit = "Angstrom" });
        table.AddColumn("RESIDUAL_PIX", lines.Select(l => l.ResidualPixels).ToArray(), options: new ColumnOptions { Unit = "pix" });
        table.AddColumn("USED", lines.Select(l => l.Used ? (byte)1 : (byte)0).ToArray(), options: new ColumnOptions { Unit = "" });
        return table;
    }
}

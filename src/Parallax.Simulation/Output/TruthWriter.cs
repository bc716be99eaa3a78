using System.Globalization;
using Parallax.Fits;
using Parallax.Fits.Coordinates;
using Parallax.Fits.Headers;
using Parallax.Fits.Images;
using Parallax.Simulation.Detector;
using Parallax.Simulation.Imaging;
using Parallax.Simulation.Models;
using Parallax.Simulation.Night;
using Parallax.Simulation.Plans;
using Parallax.Simulation.Spectroscopy;

namespace Parallax.Simulation.Output;

/// <summary>Writes the truth folder of a night (its README lists every file).</summary>
internal sealed class TruthWriter
{
    private readonly string _dir;
    private readonly InstrumentModel _model;
    private readonly DetectorPattern _pattern;

    public TruthWriter(string dir, InstrumentModel model, NightPlan plan, ulong seed, DetectorPattern pattern)
    {
        _dir = dir;
        _model = model;
        _pattern = pattern;
        File.WriteAllText(Path.Combine(dir, "model.yaml"), InstrumentModels.ReadText(model));
        File.WriteAllText(Path.Combine(dir, "plan.yaml"), $"# effective plan, seed {seed}\n" + SimulationYaml.Write(plan));
        var layout = pattern.Layout;
        var bias = Describe("True bias: noise-free, without the frame-to-frame jitter (truth/frames.csv), raw geometry", "adu");
        foreach (var a in layout.Amplifiers)
        {
            bias.Set($"BIAS{a.Model.Name}", a.Model.Bias, $"[ADU] mean bias level of amplifier {a.Model.Name}");
            bias.Set($"BIASSEC{a.Model.Name}", layout.BiasSection(a), $"overscan of amplifier {a.Model.Name}");
            bias.Set($"DATASEC{a.Model.Name}", layout.DataSection(a), $"data of amplifier {a.Model.Name}");
        }
        WriteImage("bias.fits", pattern.Bias, layout.RawColumns, layout.Rows, bias);
        WriteImage("dark.fits", pattern.Dark, layout.Columns, layout.Rows,
            Describe("True dark current per (binned) trimmed pixel, hot pixels included", "electron/s"));
        var defects = new Csv("kind", "x", "y_first", "y_last", "value");
        foreach (var h in pattern.HotPixels) defects.Row("hot", h.X, h.Y, h.Y, h.Rate);
        foreach (var c in model.Detector.BadColumns)
        {
            var (y0, y1) = c.Rows.Length == 2 ? (c.Rows[0], c.Rows[1]) : (0, model.Detector.Rows - 1);
            defects.Row("column", c.Column / layout.Binning, y0 / layout.Binning, y1 / layout.Binning, ((layout.Binning - 1) + c.Response) / layout.Binning);
        }
        defects.Save(Path.Combine(dir, "defects.csv"));
    }

    /// <summary>Per-frame files: cosmic rays, sources, true WCS.</summary>
    public void FrameFiles(FrameSpec spec, RawExposure exposure, IReadOnlyList<SourceTruth> sources, Wcs? trueWcs)
    {
        var stem = Path.GetFileNameWithoutExtension(spec.FileName);
        var rays = new Csv("x", "y", "electrons", "event");
        foreach (var h in exposure.CosmicRays) rays.Row(h.X, h.Y, h.Electrons, h.Event);
        rays.Save(Path.Combine(_dir, "cosmic_rays", stem + ".csv"));
        if (sources.Count > 0)
        {
            var csv = new Csv("id", "x", "y", "electrons", "magnitude");
            foreach (var s in sources) csv.Row(s.Id, Math.Round(s.X, 4), Math.Round(s.Y, 4), Math.Round(s.Electrons, 3), Math.Round(s.Magnitude, 4));
            csv.Save(Path.Combine(_dir, "sources", stem + ".csv"));
        }
        if (trueWcs is not null)
        {
            var h = Describe($"True WCS of {spec.FileName} on TRIMMED pixels (raw x minus the overscan before the data)", null);
            h.Set("IMAGEW", _pattern.Layout.Columns, "trimmed image width");
            h.Set("IMAGEH", _pattern.Layout.Rows, "trimmed image height");
            // A header-only HDU has NAXIS = 0; WCSAXES declares the two axes the WCS keywords index.
            h.Set("WCSAXES", 2, "number of WCS axes");
            trueWcs.WriteTo(h);
            Directory.CreateDirectory(Path.Combine(_dir, "wcs"));
            using var w = FitsWriter.Create(Path.Combine(_dir, "wcs", stem + ".fits"));
            w.WriteEmpty(h);
            w.Commit();
        }
    }

    /// <summary>Night-level truth of an imaging night.</summary>
    public void Imaging(ImagingScene scene, IReadOnlyList<FrameTruth> frames)
    {
        var layout = _pattern.Layout;
        foreach (var f in scene.FlatFilters.Order(StringComparer.Ordinal))
        {
            var h = Describe($"True flat field in {f}: response x vignetting x dust, mean 1, trimmed", null);
            h.Set("FILTER", f, "filter");
            WriteImage($"flat_{f}.fits", scene.Flat(f), layout.Columns, layout.Rows, h);
        }
        var dust = new Csv("surface", "x", "y", "radius", "depth");
        foreach (var d in scene.Dust) dust.Row(d.Surface, d.X, d.Y, d.Radius, d.Depth);
        dust.Save(Path.Combine(_dir, "dust.csv"));
        var filters = _model.Filters;
        var catalog = new Csv(["field", "id", "type", "ra", "dec", .. filters.Select(f => f.Name), "b_minus_v", "sersic_n", "r_eff_arcsec", "axis_ratio", "pa_deg"]);
        for (var t = 0; t < scene.Catalogs.Count; t++)
        {
            var field = frames.FirstOrDefault(f => f.Spec.TargetIndex == t)?.Spec.Object ?? $"target{t}";
            foreach (var s in scene.Catalogs[t])
                catalog.Row([field, s.Id, s.IsGalaxy ? "galaxy" : "star", Math.Round(s.Ra, 8), Math.Round(s.Dec, 8),
                    .. filters.Select(f => (object)Math.Round(s.Magnitude(f.Wavelength), 4)), Math.Round(s.BMinusV, 4),
                    s.IsGalaxy ? s.SersicIndex : null, s.IsGalaxy ? Math.Round(s.EffectiveRadius, 4) : null,
                    s.IsGalaxy ? Math.Round(s.AxisRatio, 4) : null, s.IsGalaxy ? Math.Round(s.PositionAngle, 3) : null]);
        }
        catalog.Save(Path.Combine(_dir, "catalog.csv"));
        Frames(frames);
        File.WriteAllText(Path.Combine(_dir, "README.md"), TruthReadme.Imaging(_model, layout));
    }

    /// <summary>Night-level truth of a spectroscopic night.</summary>
    public void Longslit(LongslitScene scene, IReadOnlyList<FrameTruth> frames)
    {
        var layout = _pattern.Layout;
        WriteImage("flat.fits", _pattern.Response, layout.Columns, layout.Rows, Describe("True pixel response (PRNU and bad columns), trimmed; the slit and lamp shapes are not in it", null));
        var map = Describe("True wavelength at the centre of each (binned) trimmed pixel", "Angstrom");
        WriteImage("wavelength_map.fits", scene.WavelengthMap(), layout.Columns, layout.Rows, map);
        var s = scene.Spectrograph;
        var g = scene.Geometry;
        var inv = CultureInfo.InvariantCulture;
        File.WriteAllText(Path.Combine(_dir, "wavelength_solution.yaml"), string.Create(inv, $"""
            # True geometry of the spectrum on UNBINNED trimmed pixels (zero-based x, y); binning {layout.Binning}:
            # a binned pixel (xb, yb) is centred on x = (xb + 0.5) b - 0.5, y = (yb + 0.5) b - 0.5.
            # t = (x - x_c) / (N/2); trace y_c(x) = y0 + a1 t + a2 t^2; tilt s(x) = s0 + s1 t (columns per row);
            # pixel (x, y) sees trace column u = x - s(x) (y - y_c(x)) and wavelength
            # lambda(u) = l0 + D tau + c2 tau^2 + c3 tau^3 with tau = u / (N - 1). Angstrom, air.
            columns: {_model.Detector.Columns}          # N
            centre_column: {(_model.Detector.Columns - 1) / 2.0}       # x_c
            trace: {"{"}y0: {s.TraceCenter}, a1: {s.TraceCurvature[0]}, a2: {s.TraceCurvature[1]}{"}"}
            tilt: {"{"}s0: {s.LineTilt[0]}, s1: {s.LineTilt[1]}{"}"}
            dispersion: {"{"}l0: {s.WavelengthRange[0]}, D: {g.LinearTerm}, c2: {s.DispersionTerms[0]}, c3: {s.DispersionTerms[1]}{"}"}
            line_fwhm: {s.LineFwhm}          # pixels along x
            slit_length_pixels: {g.SlitLengthPixels}
            """));
        foreach (var lamp in s.Lamps)
        {
            var csv = new Csv("wavelength", "trace_column", "rate", "label");
            foreach (var l in scene.LampLines(lamp.Name)) csv.Row(l.Wavelength, Math.Round(l.TraceColumn, 5), Math.Round(l.Rate, 4), l.Label);
            csv.Save(Path.Combine(_dir, $"arc_lines_{lamp.Name}.csv"));
        }
        var sky = new Csv("wavelength", "trace_column", "rate", "label");
        foreach (var l in scene.SkyLines) sky.Row(l.Wavelength, Math.Round(l.TraceColumn, 5), Math.Round(l.Rate, 4), l.Label);
        sky.Save(Path.Combine(_dir, "sky_lines.csv"));
        foreach (var target in frames.Select(f => f.Spec.Target).OfType<ScienceBlock>().DistinctBy(t => t.Object))
        {
            var flux = scene.SourceFlux(target);
            var csv = new Csv("wavelength", "flambda", "throughput", "extinction");
            // f_λ is ~1e-15: the CSV writer's fixed nine decimals would print 0, so it goes out with ten significant digits.
            for (var w = Math.Floor(s.WavelengthRange[0]) - 50; w <= s.WavelengthRange[1] + 50; w += 1)
                // f_λ is ~1e-15: the CSV writer's fixed nine decimals would write 0, so it goes as ten significant digits.
                csv.Row(w, flux(w).ToString("G10", inv), Math.Round(scene.Throughput(w), 6), scene.Extinction[w]);
            csv.Save(Path.Combine(_dir, $"spectrum_{FileSafe(target.Object)}.csv"));
        }
        Frames(frames);
        File.WriteAllText(Path.Combine(_dir, "README.md"), TruthReadme.Longslit(_model, layout));
    }

    private void Frames(IReadOnlyList<FrameTruth> frames)
    {
        var amps = _pattern.Layout.Amplifiers;
        var csv = new Csv(["file", "sequence", "imagetyp", "object", "filter", "exptime", "date_obs", "mjd_obs", "airmass", "seeing_arcsec",
            "ra", "dec", "ra_true", "dec_true", "dither_east", "dither_north", "sky_e_per_pixel", "cosmic_ray_events", "cosmic_ray_pixels", "sources",
            .. amps.Select(a => $"bias_offset_{a.Model.Name}")]);
        foreach (var t in frames)
        {
            var f = t.Spec;
            csv.Row([f.FileName, f.Sequence, f.ImageType, f.Object, f.Filter, f.Exptime, FrameHeaders.Iso(f.StartUtc), Math.Round(SkyGeometry.Mjd(f.StartUtc), 8),
                Math.Round(f.Airmass, 5), f.Seeing > 0 ? Math.Round(f.Seeing, 4) : null, f.Pointing?.Ra, f.Pointing?.Dec, f.TruePointing?.Ra, f.TruePointing?.Dec,
                f.Dither.East, f.Dither.North, Math.Round(t.SkyPerPixel, 3), t.CosmicRayEvents, t.CosmicRayPixels, t.Sources,
                .. amps.Select(a => (object)Math.Round(t.BiasOffsets[a.Index], 5))]);
        }
        csv.Save(Path.Combine(_dir, "frames.csv"));
    }

    private Header Describe(string what, string? unit)
    {
        var h = new Header();
        h.Set("ORIGIN", "Parallax simulator", "truth of a simulated night");
        h.Set("INSTRUME", _model.Instrume, "instrument");
        h.Set("SIMMODEL", _model.Name, "simulator instrument model");
        h.Set("XBINNING", _pattern.Layout.Binning, "binning along x");
        h.Set("YBINNING", _pattern.Layout.Binning, "binning along y");
        if (unit is not null) h.Set("BUNIT", unit, "pixel unit");
        h.AddComment(what);
        return h;
    }

    private void WriteImage(string name, float[] pixels, int nx, int ny, Header header)
    {
        using var w = FitsWriter.Create(Path.Combine(_dir, name));
        w.WriteImage(pixels, [nx, ny], header, ImageEncoding.Float32);
        w.Commit();
    }

    private static string FileSafe(string name) => string.Concat(name.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '_'));
}

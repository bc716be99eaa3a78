using Parallax.Fits.Coordinates;
using Parallax.Simulation.Detector;
using Parallax.Simulation.Models;
using Parallax.Simulation.Night;
using Parallax.Simulation.Plans;
using Parallax.Simulation.Randomness;

namespace Parallax.Simulation.Imaging;

/// <summary>
/// The light an imager's detector receives in each frame, in expected photo-electrons per trimmed pixel
/// (before shot noise, after the flat field): sky, stars and galaxies for objects; the dome lamp (with its
/// gradient) or the twilight sky for flats; nothing for biases and darks. Holds what a night shares: the
/// detector pattern, the true flats, the dust, and one catalog per target. Thread-safe once built.
/// </summary>
internal sealed class ImagingScene
{
    private readonly Dictionary<string, float[]> _flats = [];

    public ImagingScene(InstrumentModel model, NightPlan plan, ulong seed)
    {
        Model = model;
        Optics = model.Optics ?? throw new ArgumentException("an imager model is needed", nameof(model));
        Pattern = DetectorPattern.Create(model.Detector, plan.Binning);
        Dust = FlatFieldBuilder.Dust(Pattern.Layout, Optics, model.Filters);
        var used = plan.Calibrations.Concat(plan.Morning).SelectMany(c => c.Filters).Concat(plan.Science.SelectMany(s => s.Filters)).Distinct().ToArray();
        var flats = new float[used.Length][];
        Parallel.For(0, used.Length, i => flats[i] = FlatFieldBuilder.Build(Pattern, Optics, model.Filter(used[i]), Dust));
        for (var i = 0; i < used.Length; i++) _flats[used[i]] = flats[i];
        Catalogs = [.. plan.Science.Select((block, i) => Catalog(block, i, seed))];
    }

    public InstrumentModel Model { get; }

    public OpticsModel Optics { get; }

    public DetectorPattern Pattern { get; }

    public IReadOnlyList<DustDonut> Dust { get; }

    /// <summary>The synthetic catalog of each science target, in plan order.</summary>
    public IReadOnlyList<IReadOnlyList<CatalogSource>> Catalogs { get; }

    /// <summary>The filters that have a true flat.</summary>
    public IReadOnlyCollection<string> FlatFilters => _flats.Keys;

    /// <summary>The true flat of a filter (mean 1).</summary>
    public float[] Flat(string filter) => _flats[filter];

    /// <summary>Expected photo-electrons of a frame in a new array, or null for a closed shutter; with what landed where.</summary>
    public (float[]? Electrons, List<SourceTruth> Sources, Wcs? TrueWcs, double SkyPerPixel) Render(FrameSpec spec)
    {
        var image = new float[Pattern.Layout.Columns * Pattern.Layout.Rows];
        var (open, sources, wcs, sky) = Render(spec, image);
        return (open ? image : null, sources, wcs, sky);
    }

    /// <summary>Expected photo-electrons of a frame into <paramref name="image"/> (trimmed); false for a closed shutter (image untouched).</summary>
    public (bool ShutterOpen, List<SourceTruth> Sources, Wcs? TrueWcs, double SkyPerPixel) Render(FrameSpec spec, float[] image)
    {
        var layout = Pattern.Layout;
        var (nx, ny) = (layout.Columns, layout.Rows);
        var b2 = layout.Binning * layout.Binning;
        switch (spec.Kind)
        {
            case FrameKind.Bias or FrameKind.Dark:
                return (false, [], null, 0);
            case FrameKind.Flat:
            {
                var flat = Flat(spec.Filter!);
                if (spec.FlatKind == "dome")
                {
                    var level = Model.Filter(spec.Filter!).DomeFlatRate * b2 * spec.Exptime;
                    var g = Optics.DomeFlatGradient;
                    for (var y = 0; y < ny; y++)
                        for (var x = 0; x < nx; x++)
                            image[y * nx + x] = (float)(level * (1 + g * ((double)x / (nx - 1) - 0.5))) * flat[y * nx + x];
                    return (true, [], null, 0);
                }
                var sky = spec.SkyRate * b2 * spec.Exptime;
                System.Numerics.Tensors.TensorPrimitives.Multiply(flat, (float)sky, image);
                return (true, [], null, sky);
            }
            default:
                return RenderSky(spec, image);
        }
    }

    private (bool, List<SourceTruth>, Wcs?, double) RenderSky(FrameSpec spec, float[] image)
    {
        var layout = Pattern.Layout;
        var (nx, ny) = (layout.Columns, layout.Rows);
        var filter = Model.Filter(spec.Filter!);
        var scale = Optics.PixelScale * layout.Binning;
        var sky = spec.Exptime * Math.Pow(10, -0.4 * (filter.Sky - filter.ZeroPoint)) * scale * scale;
        Array.Fill(image, (float)sky);
        var wcs = FrameWcs.True(layout, Optics, spec.TruePointing!.Value);
        var fwhm = spec.Seeing / scale;
        var sources = new List<SourceTruth>();
        var extinction = filter.Extinction * spec.Airmass;
        foreach (var s in Catalogs[spec.TargetIndex])
        {
            var (x, y) = wcs.WorldToPixel(s.Ra, s.Dec);
            if (!double.IsFinite(x) || x < -120 || y < -120 || x > nx + 120 || y > ny + 120) continue;
            var magnitude = s.Magnitude(filter.Wavelength);
            var electrons = spec.Exptime * Math.Pow(10, -0.4 * (magnitude + extinction - filter.ZeroPoint));
            if (s.IsGalaxy)
            {
                // Position angle is from north through east; north is +y and east −x on the nominal orientation.
                var pa = s.PositionAngle * Math.PI / 180;
                SersicStamp.Add(image, nx, ny, x, y, electrons, s.SersicIndex, s.EffectiveRadius / scale, s.AxisRatio, Math.Atan2(Math.Cos(pa), -Math.Sin(pa)), fwhm);
            }
            else
            {
                MoffatStamp.Add(image, nx, ny, x, y, electrons, fwhm, Optics.PsfBeta);
            }
            if (x >= 0 && y >= 0 && x <= nx - 1 && y <= ny - 1) sources.Add(new SourceTruth(s.Id, x, y, electrons, magnitude));
        }
        System.Numerics.Tensors.TensorPrimitives.Multiply(image, Flat(filter.Name), image);
        return (true, sources, wcs, sky);
    }

    private IReadOnlyList<CatalogSource> Catalog(ScienceBlock block, int index, ulong seed)
    {
        var side = Model.Detector.Columns * Optics.PixelScale / 3600;
        var halfWidth = 0.75 * side + (2 * block.Dither + 5 * Optics.PointingError) / 3600;
        return CatalogGenerator.Generate(CounterRandom.Key(seed, CounterRandom.Label("catalog"), (ulong)index),
            block.Ra!.Value, block.Dec!.Value, halfWidth, block.StarDensity, block.BrightLimit, block.FaintLimit, block.Galaxies);
    }
}

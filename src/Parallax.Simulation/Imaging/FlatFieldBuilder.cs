using Parallax.Simulation.Detector;
using Parallax.Simulation.Models;
using Parallax.Simulation.Randomness;

namespace Parallax.Simulation.Imaging;

/// <summary>
/// The true flat field of each filter: the detector response (PRNU and bad columns) × vignetting (a loss
/// growing with the square of the distance from the centre, <c>vignetting</c> at the corners) × dust donuts
/// (half of them on the window and common to every filter, half on the filter), normalised to a mean of 1.
/// </summary>
internal static class FlatFieldBuilder
{
    public static float[] Build(DetectorPattern pattern, OpticsModel optics, FilterModel filter, IReadOnlyList<DustDonut> dust)
    {
        var layout = pattern.Layout;
        var (nx, ny) = (layout.Columns, layout.Rows);
        var flat = new float[nx * ny];
        var (cx, cy) = ((nx - 1) / 2.0, (ny - 1) / 2.0);
        var corner2 = cx * cx + cy * cy;
        for (var y = 0; y < ny; y++)
            for (var x = 0; x < nx; x++)
            {
                var r2 = ((x - cx) * (x - cx) + (y - cy) * (y - cy)) / corner2;
                flat[y * nx + x] = pattern.Response[y * nx + x] * (float)(1 - optics.Vignetting * r2);
            }
        foreach (var d in dust)
        {
            if (d.Surface != "window" && d.Surface != filter.Name) continue;
            var r = (int)Math.Ceiling(d.Radius + 4);
            for (var y = Math.Max(0, (int)d.Y - r); y <= Math.Min(ny - 1, (int)d.Y + r); y++)
                for (var x = Math.Max(0, (int)d.X - r); x <= Math.Min(nx - 1, (int)d.X + r); x++)
                    flat[y * nx + x] *= (float)d.Transmission(x, y);
        }
        var mean = 0.0;
        foreach (var v in flat) mean += v;
        mean /= flat.Length;
        System.Numerics.Tensors.TensorPrimitives.Multiply(flat, (float)(1 / mean), flat);
        return flat;
    }

    /// <summary>The dust donuts of the model for these filters, drawn from the pattern seed.</summary>
    public static List<DustDonut> Dust(DetectorLayout layout, OpticsModel optics, IReadOnlyList<FilterModel> filters)
    {
        var list = new List<DustDonut>();
        var seed = layout.Model.PatternSeed;
        var window = optics.Dust.Count / 2;
        Draw(list, new RandomStream(CounterRandom.Key(seed, CounterRandom.Label("dust-window"))), window, "window", layout, optics.Dust);
        foreach (var f in filters)
            Draw(list, new RandomStream(CounterRandom.Key(seed, CounterRandom.Label("dust-filter"), CounterRandom.Label(f.Name))), optics.Dust.Count - window, f.Name, layout, optics.Dust);
        return list;
    }

    private static void Draw(List<DustDonut> list, RandomStream stream, int count, string surface, DetectorLayout layout, DustModel dust)
    {
        for (var i = 0; i < count; i++)
        {
            var x = stream.Uniform(0, layout.Columns);
            var y = stream.Uniform(0, layout.Rows);
            var radius = stream.Uniform(dust.Radius[0], dust.Radius[1]) / layout.Binning;
            var depth = stream.Uniform(dust.Depth[0], dust.Depth[1]);
            list.Add(new DustDonut(x, y, radius, depth, surface));
        }
    }
}

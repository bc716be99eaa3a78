using Parallax.Simulation.Models;
using Parallax.Simulation.Randomness;

namespace Parallax.Simulation.Detector;

/// <summary>
/// The fixed pattern of one detector at one binning, drawn from the model's pattern seed so that every
/// night shows the same defects: the 2-D bias (raw geometry, ADU, without the frame-to-frame jitter), the
/// pixel response (PRNU and bad columns, trimmed), and the dark current with hot pixels (trimmed, electrons
/// per second per binned pixel).
/// </summary>
internal sealed class DetectorPattern
{
    private DetectorPattern(DetectorLayout layout, float[] bias, float[] response, float[] dark, IReadOnlyList<HotPixel> hot)
    {
        Layout = layout;
        Bias = bias;
        Response = response;
        Dark = dark;
        HotPixels = hot;
    }

    /// <summary>The geometry.</summary>
    public DetectorLayout Layout { get; }

    /// <summary>Noise-free bias, raw geometry, ADU.</summary>
    public float[] Bias { get; }

    /// <summary>Pixel response (PRNU × bad columns), trimmed, about 1.</summary>
    public float[] Response { get; }

    /// <summary>Dark current, trimmed, electrons per second per binned pixel.</summary>
    public float[] Dark { get; }

    /// <summary>The hot pixels.</summary>
    public IReadOnlyList<HotPixel> HotPixels { get; }

    /// <summary>Draws the pattern.</summary>
    public static DetectorPattern Create(DetectorModel model, int binning)
    {
        var layout = new DetectorLayout(model, binning);
        var seed = model.PatternSeed;
        return new DetectorPattern(layout, MakeBias(layout, seed), MakeResponse(layout, seed), MakeDark(layout, seed, out var hot), hot);
    }

    private static float[] MakeBias(DetectorLayout layout, ulong seed)
    {
        var w = layout.RawColumns;
        var bias = new float[w * layout.Rows];
        foreach (var a in layout.Amplifiers)
        {
            var m = a.Model;
            var columns = new float[a.DataWidth];
            var key = CounterRandom.Key(seed, CounterRandom.Label("bias-columns"), (ulong)a.Index);
            for (var i = 0; i < columns.Length; i++)
            {
                // A binned column averages b physical columns' offsets.
                var distance = (a.OverscanLeft ? i : a.DataWidth - 1 - i) * layout.Binning;
                columns[i] = (float)(m.BiasColumnRms / Math.Sqrt(layout.Binning) * CounterRandom.Normal(key, (uint)i) + m.BiasRolloff * Math.Exp(-distance / 8.0));
            }
            for (var y = 0; y < layout.Rows; y++)
            {
                var level = (float)(m.Bias + m.BiasRowRamp * (layout.Rows == 1 ? 0 : (double)y / (layout.Rows - 1)));
                var row = bias.AsSpan(y * w, w);
                row.Slice(a.RawOverscanStart, a.OverscanWidth).Fill(level);
                var data = row.Slice(a.RawDataStart, a.DataWidth);
                for (var i = 0; i < data.Length; i++) data[i] = level + columns[i];
            }
        }
        return bias;
    }

    private static float[] MakeResponse(DetectorLayout layout, ulong seed)
    {
        var (nx, ny) = (layout.Columns, layout.Rows);
        var response = new float[nx * ny];
        var sigma = (float)(layout.Model.Prnu / layout.Binning);
        var scratch = new float[3 * ((nx + 1) / 2)];
        for (var y = 0; y < ny; y++)
        {
            var row = response.AsSpan(y * nx, nx);
            CounterRandom.FillNormal(CounterRandom.Key(seed, CounterRandom.Label("prnu"), (ulong)y), 0, row, scratch);
            for (var x = 0; x < nx; x++) row[x] = 1f + sigma * row[x];
        }
        foreach (var bad in layout.Model.BadColumns)
        {
            var x = bad.Column / layout.Binning;
            var factor = (float)(((layout.Binning - 1) + bad.Response) / layout.Binning);
            var (y0, y1) = bad.Rows.Length == 2 ? (bad.Rows[0] / layout.Binning, bad.Rows[1] / layout.Binning) : (0, ny - 1);
            for (var y = y0; y <= y1; y++) response[y * nx + x] *= factor;
        }
        return response;
    }

    private static float[] MakeDark(DetectorLayout layout, ulong seed, out IReadOnlyList<HotPixel> hotPixels)
    {
        var m = layout.Model;
        var b2 = layout.Binning * layout.Binning;
        var dark = new float[layout.Columns * layout.Rows];
        Array.Fill(dark, (float)(m.DarkCurrent * b2));
        var stream = new RandomStream(CounterRandom.Key(seed, CounterRandom.Label("hot-pixels")));
        var count = (int)Math.Round(m.HotPixels.Fraction * m.Columns * m.Rows);
        var hot = new List<HotPixel>(count);
        for (var i = 0; i < count; i++)
        {
            var x = stream.Next(m.Columns) / layout.Binning;
            var y = stream.Next(m.Rows) / layout.Binning;
            var rate = stream.LogUniform(m.HotPixels.DarkCurrent[0], m.HotPixels.DarkCurrent[1]);
            dark[y * layout.Columns + x] += (float)rate;
            hot.Add(new HotPixel(x, y, rate));
        }
        hotPixels = hot;
        return dark;
    }
}

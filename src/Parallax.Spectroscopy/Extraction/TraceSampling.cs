using Parallax.Spectroscopy.Tracing;

namespace Parallax.Spectroscopy.Extraction;

/// <summary>What both extractions need along a trace: its row and the wavelength there at every column.</summary>
internal static class TraceSampling
{
    public static (double[] Rows, double[] Wavelengths) Sample(ObjectTrace trace, float[] map, int width, int height)
    {
        var rows = new double[width];
        var wavelengths = new double[width];
        for (var x = 0; x < width; x++)
        {
            var yc = trace.RowAt(x);
            rows[x] = yc;
            var y0 = (int)Math.Floor(yc);
            if (y0 < 0 || y0 + 1 >= height) { wavelengths[x] = double.NaN; continue; }
            var f = yc - y0;
            wavelengths[x] = map[y0 * width + x] * (1 - f) + map[(y0 + 1) * width + x] * f;
        }
        return (rows, wavelengths);
    }

    public static void Check(Parallax.Imaging.MaskedImage frame, float[] sky, float[] map)
    {
        var n = frame.Width * frame.Height;
        if (sky.Length != n) throw new ArgumentException($"the sky holds {sky.Length} pixels, the frame {frame.Width} × {frame.Height}", nameof(sky));
        if (map.Length != n) throw new ArgumentException($"the wavelength map holds {map.Length} pixels, the frame {frame.Width} × {frame.Height}", nameof(map));
    }
}

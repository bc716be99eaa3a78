using Parallax.Imaging;
using Parallax.Imaging.Statistics;
using Parallax.Spectroscopy.Slits;

namespace Parallax.Spectroscopy.Rectification;

/// <summary>
/// Resamples a long-slit frame onto a grid linear in wavelength and slit position, conserving flux. Each detector pixel
/// is taken as the rectangle in (wavelength, slit position) between its edges — wavelengths half-way to its neighbours on
/// the same row of the 2-D wavelength map (so tilted lines come out straight), slit positions of its lower and upper
/// edges from the slit edges — and its flux is shared among the output pixels in proportion to the overlap (a drizzle
/// with pixfrac 1, separable in the two axes); variances are shared with the squared fractions (the correlation this
/// introduces between neighbours is not kept). NaN and <see cref="MaskBits.Unusable"/> pixels give no flux; their bits
/// go to every output pixel they overlap.
/// </summary>
public static class Rectifier
{
    /// <summary>Rectifies <paramref name="frame"/> (usually sky-subtracted).</summary>
    /// <param name="frame">The frame, dispersion along x.</param>
    /// <param name="wavelengthMap">Angstrom at every pixel centre, NaN outside the slit (row-major as the frame).</param>
    /// <param name="edges">The slit.</param>
    /// <param name="options">The output grid; <see cref="RectificationOptions.Default"/> when null.</param>
    /// <exception cref="ArgumentException">The map or edges do not match the frame.</exception>
    public static RectifiedSpectrum Rectify(MaskedImage frame, float[] wavelengthMap, SlitEdges edges, RectificationOptions? options = null)
    {
        options ??= RectificationOptions.Default;
        options.Validate();
        var (w, h) = (frame.Width, frame.Height);
        if (wavelengthMap.Length != w * h) throw new ArgumentException($"the wavelength map holds {wavelengthMap.Length} pixels, the frame {w} × {h}", nameof(wavelengthMap));
        if (edges.Width != w || edges.Height != h) throw new ArgumentException($"the slit was found on a {edges.Width} × {edges.Height} image, the frame is {w} × {h}", nameof(edges));
        var (start, step, columns, rows) = Grid(wavelengthMap, edges, options);
        var data = new double[columns * rows];
        var variance = new double[columns * rows];
        var coverage = new double[columns * rows];
        var mask = new ushort[columns * rows];
        Span<double> fx = stackalloc double[64];
        Span<int> jx = stackalloc int[64];
        Span<double> fy = stackalloc double[64];
        Span<int> jy = stackalloc int[64];
        for (var y = 0; y < h; y++)
        {
            for (var x = 0; x < w; x++)
            {
                var i = y * w + x;
                var lambda = wavelengthMap[i];
                if (!float.IsFinite(lambda)) continue;
                var (l0, l1) = Edges(wavelengthMap, w, x, y);
                var s0 = edges.Position(x, y - 0.5);
                var s1 = edges.Position(x, y + 0.5);
                var nx = Overlaps((Math.Min(l0, l1) - start) / step, (Math.Max(l0, l1) - start) / step, columns, fx, jx);
                var ny = Overlaps(Math.Min(s0, s1) * rows, Math.Max(s0, s1) * rows, rows, fy, jy);
                if (nx == 0 || ny == 0) continue;
                var d = frame.Data[i];
                var m = frame.Mask[i];
                var ok = float.IsFinite(d) && (m & (ushort)MaskBits.Unusable) == 0;
                // Overlap fractions are of the detector pixel; the output pixel's covered area is the overlap over its own size.
                var widthX = Math.Abs(l1 - l0) / step;
                var widthY = Math.Abs(s1 - s0) * rows;
                for (var a = 0; a < ny; a++)
                    for (var b = 0; b < nx; b++)
                    {
                        var o = jy[a] * columns + jx[b];
                        var f = fx[b] * fy[a];
                        mask[o] |= m;
                        if (!ok) continue;
                        data[o] += f * d;
                        variance[o] += f * f * frame.Variance[i];
                        coverage[o] += f * widthX * widthY;
                    }
            }
        }
        var image = new MaskedImage(columns, rows) { Unit = frame.Unit };
        var cover = new float[columns * rows];
        for (var o = 0; o < data.Length; o++)
        {
            cover[o] = (float)coverage[o];
            if (coverage[o] <= 0)
            {
                image.Data[o] = float.NaN;
                image.Variance[o] = float.NaN;
                image.Mask[o] = (ushort)(mask[o] | (ushort)MaskBits.NoData);
                continue;
            }
            image.Data[o] = (float)data[o];
            image.Variance[o] = (float)variance[o];
            image.Mask[o] = (ushort)(mask[o] | (coverage[o] < 0.999 ? (ushort)MaskBits.Edge : 0));
        }
        return new RectifiedSpectrum(image, cover, start, step);
    }

    /// <summary>The pixel's wavelength edges: half-way to its neighbours on the same row, mirrored where a neighbour has no wavelength.</summary>
    private static (double Low, double High) Edges(float[] map, int w, int x, int y)
    {
        var c = (double)map[y * w + x];
        var left = x > 0 ? map[y * w + x - 1] : float.NaN;
        var right = x < w - 1 ? map[y * w + x + 1] : float.NaN;
        var dl = float.IsFinite(left) ? c - left : float.IsFinite(right) ? right - c : 0;
        var dr = float.IsFinite(right) ? right - c : dl;
        return (c - 0.5 * dl, c + 0.5 * dr);
    }

    /// <summary>The output bins the interval [a, b] (in bin units) overlaps and the fraction of the interval in each; 0 when it misses the grid.</summary>
    private static int Overlaps(double a, double b, int bins, Span<double> fractions, Span<int> indices)
    {
        var length = b - a;
        if (!(length > 0) || b <= 0 || a >= bins) return 0;
        var n = 0;
        for (var j = Math.Max(0, (int)Math.Floor(a)); j <= Math.Min(bins - 1, (int)Math.Floor(b)) && n < fractions.Length; j++)
        {
            var overlap = Math.Min(b, j + 1) - Math.Max(a, j);
            if (overlap <= 0) continue;
            fractions[n] = overlap / length;
            indices[n++] = j;
        }
        return n;
    }

    private static (double Start, double Step, int Columns, int Rows) Grid(float[] map, SlitEdges edges, RectificationOptions options)
    {
        var (w, h) = (edges.Width, edges.Height);
        double lo = double.PositiveInfinity, hi = double.NegativeInfinity;
        foreach (var v in map) if (float.IsFinite(v)) { lo = Math.Min(lo, v); hi = Math.Max(hi, v); }
        if (!(hi > lo)) throw new ArgumentException("the wavelength map holds no range of wavelengths", nameof(map));
        var step = options.WavelengthStep;
        if (step <= 0)
        {
            var steps = new List<double>();
            for (var x = 0; x < w - 1; x++)
            {
                var y = (int)Math.Round(edges.CentreRow(x));
                if (y < 0 || y >= h) continue;
                var d = Math.Abs(map[y * w + x + 1] - map[y * w + x]);
                if (double.IsFinite(d) && d > 0) steps.Add(d);
            }
            if (steps.Count == 0) throw new ArgumentException("the wavelength map has no dispersion along the slit centre", nameof(map));
            step = Selection.Median(steps.ToArray());
        }
        // Half a detector pixel beyond the extreme pixel centres, so that every pixel's footprint lands on the grid.
        var start = options.WavelengthStart > 0 ? options.WavelengthStart : lo - step;
        var columns = options.Columns > 0 ? options.Columns : (int)Math.Ceiling((hi + step - start) / step);
        double length = 0;
        for (var x = 0; x < w; x++) length += edges.Length(x);
        var rows = options.Rows > 0 ? options.Rows : Math.Max(1, (int)Math.Round(length / w));
        return (start, step, columns, rows);
    }
}

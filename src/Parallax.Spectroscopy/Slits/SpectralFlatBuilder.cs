using Parallax.Imaging;
using Parallax.Imaging.Statistics;
using Parallax.Spectroscopy.Arcs;

namespace Parallax.Spectroscopy.Slits;

/// <summary>
/// Separates a long-slit flat into lamp spectrum × slit illumination × pixel response. The lamp spectrum is the median,
/// per column of the slit centre, of the flat divided by the illumination (each pixel assigned to the trace column that
/// sees its wavelength when the line tilts are given, else to its own column); the illumination is the median, in bins
/// of slit position, of the flat divided by the lamp spectrum; two passes of each. The pixel response is what remains.
/// NaN and <see cref="MaskBits.Unusable"/> pixels take no part in the medians.
/// </summary>
public static class SpectralFlatBuilder
{
    /// <summary>Builds the spectral flat.</summary>
    /// <param name="flat">The (combined, bias-subtracted) lamp flat.</param>
    /// <param name="edges">The slit, found on the same flat.</param>
    /// <param name="tilts">Line tilts from an arc: the lamp spectrum then follows lines of constant wavelength (recommended when lines tilt).</param>
    /// <param name="illuminationBins">Bins of slit position for the illumination (default 100).</param>
    public static SpectralFlat Build(MaskedImage flat, SlitEdges edges, LineTilts? tilts = null, int illuminationBins = 100)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(illuminationBins, 4);
        var (w, h) = (flat.Width, flat.Height);
        var position = edges.PositionMap();
        var column = new float[w * h];
        Parallel.For(0, h, y =>
        {
            for (var x = 0; x < w; x++) column[y * w + x] = tilts is null ? x : (float)tilts.TraceColumn(x, y);
        });
        bool Usable(int i) => float.IsFinite(flat.Data[i]) && (flat.Mask[i] & (ushort)MaskBits.Unusable) == 0 && float.IsFinite(position[i]);
        var positions = Enumerable.Range(0, illuminationBins).Select(b => (b + 0.5) / illuminationBins).ToArray();
        var illumination = Enumerable.Repeat(1.0, illuminationBins).ToArray();
        var lamp = new double[w];
        for (var pass = 0; pass < 2; pass++)
        {
            // Lamp spectrum from the inner slit (10–90 %), away from the soft edges.
            lamp = BinnedMedian(w, h * w, i => Usable(i) && position[i] is >= 0.1f and <= 0.9f ? (int)Math.Round(column[i]) : -1,
                i => flat.Data[i] / SpectralFlat.Interpolate(positions, illumination, position[i]));
            FillGaps(lamp);
            var lampValues = lamp;
            illumination = BinnedMedian(illuminationBins, h * w, i => Usable(i) ? Math.Min(illuminationBins - 1, (int)(position[i] * illuminationBins)) : -1,
                i => flat.Data[i] / Lamp(lampValues, column[i]));
            FillGaps(illumination);
            var inner = illumination.Where((_, b) => positions[b] is >= 0.1 and <= 0.9).ToArray();
            var norm = Selection.Median(inner);
            for (var b = 0; b < illumination.Length; b++) illumination[b] /= norm;
        }
        var response = new MaskedImage(w, h);
        var slitMask = edges.Mask();
        Parallel.For(0, h, y =>
        {
            for (var x = 0; x < w; x++)
            {
                var i = y * w + x;
                var m = slitMask[i];
                if (m != 0)
                {
                    response.Data[i] = 1;
                    response.Variance[i] = 0;
                    response.Mask[i] = (ushort)(m | flat.Mask[i]);
                    continue;
                }
                var model = Lamp(lamp, column[i]) * SpectralFlat.Interpolate(positions, illumination, position[i]);
                response.Data[i] = (float)(flat.Data[i] / model);
                response.Variance[i] = (float)(flat.Variance[i] / (model * model));
                response.Mask[i] = flat.Mask[i];
            }
        });
        response.Unit = PixelUnits.Dimensionless;
        return new SpectralFlat(response, lamp, positions, illumination);
    }

    private static double Lamp(double[] lamp, double column)
    {
        if (column <= 0) return lamp[0];
        if (column >= lamp.Length - 1) return lamp[^1];
        var i = (int)column;
        var f = column - i;
        return lamp[i] * (1 - f) + lamp[i + 1] * f;
    }

    // Median of value(i) over the pixels i that bin(i) sends to each of `bins` bins (a negative bin leaves a pixel out); NaN for an empty bin.
    private static double[] BinnedMedian(int bins, int pixels, Func<int, int> bin, Func<int, double> value)
    {
        var counts = new int[bins + 1];
        var index = new int[pixels];
        for (var i = 0; i < pixels; i++)
        {
            var b = bin(i);
            index[i] = b >= 0 && b < bins ? b : -1;
            if (index[i] >= 0) counts[index[i] + 1]++;
        }
        for (var b = 0; b < bins; b++) counts[b + 1] += counts[b];
        var values = new double[counts[bins]];
        var fill = (int[])counts.Clone();
        for (var i = 0; i < pixels; i++)
            if (index[i] >= 0) values[fill[index[i]]++] = value(i);
        var result = new double[bins];
        for (var b = 0; b < bins; b++)
        {
            var span = values.AsSpan(counts[b], counts[b + 1] - counts[b]);
            result[b] = span.Length == 0 ? double.NaN : Selection.Median(span);
        }
        return result;
    }

    private static void FillGaps(double[] values)
    {
        var last = double.NaN;
        for (var i = 0; i < values.Length; i++) { if (double.IsFinite(values[i])) last = values[i]; else values[i] = last; }
        last = double.NaN;
        for (var i = values.Length - 1; i >= 0; i--) { if (double.IsFinite(values[i])) last = values[i]; else values[i] = last; }
    }
}

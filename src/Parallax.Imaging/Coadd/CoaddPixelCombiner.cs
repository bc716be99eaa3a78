using System.Runtime.CompilerServices;

namespace Parallax.Imaging.Coadd;

/// <summary>
/// The combination kernel of a coadd: the stack of one output pixel (one value, variance, mask per frame that covers it, and the
/// frame's weight, exposure and sky level), clipped and averaged with the frames' weights. One instance per worker thread; the
/// caller fills <see cref="Values"/> .. <see cref="Sky"/> for entries 0..n−1 and calls <see cref="Combine"/>. Nothing is allocated per pixel.
/// </summary>
/// <remarks>
/// Clipping works on the values above each frame's sky (<see cref="Sky"/>, 0 after background subtraction), so frames at different
/// sky levels are compared fairly, against each value's own σ widened by a fraction of the signal (SWarp's CLIP_AMPFRAC), around the
/// median. A pixel where any frame was saturated keeps the <see cref="MaskBits.Saturated"/> bit even when other frames gave a
/// value (they miss the saturated frame's share of a star core). Fewer than three values are never clipped: two values cannot say which one is the outlier, and keeping the lower of
/// a pair that disagrees (a cosmic-ray guess) takes flux out of undersampled star cores, whose resampled values differ from frame
/// to frame by more than any fixed fraction.
/// </remarks>
internal sealed class CoaddPixelCombiner
{
    private readonly double _kappa2;
    private readonly double _amp;
    private readonly int _iterations;
    private readonly ushort _reject;
    private readonly int[] _usable;
    private readonly bool[] _kept;
    private readonly double[] _sorted;

    public CoaddPixelCombiner(int frames, double clipSigma, double ampFraction, int iterations, MaskBits rejectMask)
    {
        Values = new float[frames];
        Variances = new float[frames];
        Masks = new ushort[frames];
        Weights = new float[frames];
        Exposures = new float[frames];
        Sky = new float[frames];
        _usable = new int[frames];
        _kept = new bool[frames];
        _sorted = new double[frames];
        _kappa2 = clipSigma * clipSigma;
        _amp = ampFraction;
        _iterations = iterations;
        _reject = (ushort)rejectMask;
    }

    /// <summary>Values (output unit) of the frames covering the pixel.</summary>
    public float[] Values { get; }

    /// <summary>Their variances.</summary>
    public float[] Variances { get; }

    /// <summary>Their mask bits.</summary>
    public ushort[] Masks { get; }

    /// <summary>Their frames' weights (&gt; 0).</summary>
    public float[] Weights { get; }

    /// <summary>Their frames' exposure times, seconds.</summary>
    public float[] Exposures { get; }

    /// <summary>Their frames' sky levels in output units (0 after background subtraction).</summary>
    public float[] Sky { get; }

    /// <summary>Combines entries 0..<paramref name="n"/>−1.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public CoaddPixel Combine(int n)
    {
        var m = 0;
        double exposure = 0;
        ushort saturated = 0;
        for (var i = 0; i < n; i++)
        {
            var v = Values[i];
            var s2 = Variances[i];
            // A value without a finite variance cannot be weighted or clipped fairly.
            if (!float.IsFinite(v) || (Masks[i] & _reject) != 0 || !(s2 >= 0) || !float.IsFinite(s2))
            {
                saturated |= (ushort)(Masks[i] & (ushort)MaskBits.Saturated);
                continue;
            }
            _usable[m] = i;
            _kept[m] = true;
            m++;
            exposure += Exposures[i];
        }
        if (m == 0)
        {
            // Say why there is nothing: the bits of the values that were there (saturated, bad pixel...).
            var why = (ushort)MaskBits.NoData;
            for (var i = 0; i < n; i++) why |= Masks[i];
            return new CoaddPixel(float.NaN, float.NaN, why, 0f, 0f, 0, 0);
        }
        var rejected = 0;
        if (_kappa2 > 0 && m > 2) rejected = Clip(m);
        double sw = 0, swx = 0, sw2v = 0;
        // A frame that saturated here leaves the others' value biased low in a star core: the pixel says so.
        var bits = saturated;
        for (var k = 0; k < m; k++)
        {
            if (!_kept[k]) continue;
            var i = _usable[k];
            double w = Weights[i];
            sw += w;
            swx += w * Values[i];
            sw2v += w * w * Variances[i];
            bits |= Masks[i];
        }
        return new CoaddPixel((float)(swx / sw), (float)(sw2v / (sw * sw)), bits, (float)exposure, (float)sw, m - rejected, rejected);
    }

    private double Excess(int k) => (double)Values[_usable[k]] - Sky[_usable[k]];

    private int Clip(int m)
    {
        var kept = m;
        for (var iteration = 0; iteration < _iterations; iteration++)
        {
            var k = 0;
            for (var j = 0; j < m; j++)
                if (_kept[j]) _sorted[k++] = Excess(j);
            var centre = Median(k);
            var amp2 = _amp * _amp * centre * centre;
            var changed = 0;
            for (var j = 0; j < m; j++)
            {
                if (!_kept[j]) continue;
                var d = Excess(j) - centre;
                if (d * d > _kappa2 * (Variances[_usable[j]] + amp2)) changed++;
            }
            // Never clip every value: a pixel where nothing agrees keeps them all.
            if (changed == 0 || changed == kept) break;
            for (var j = 0; j < m; j++)
            {
                if (!_kept[j]) continue;
                var d = Excess(j) - centre;
                if (d * d > _kappa2 * (Variances[_usable[j]] + amp2)) _kept[j] = false;
            }
            kept -= changed;
            if (kept < 3) break;
        }
        return m - kept;
    }

    /// <summary>Median of _sorted[0..k) by insertion sort: stacks are tens of values.</summary>
    private double Median(int k)
    {
        var a = _sorted;
        for (var i = 1; i < k; i++)
        {
            var x = a[i];
            var j = i - 1;
            while (j >= 0 && a[j] > x)
            {
                a[j + 1] = a[j];
                j--;
            }
            a[j + 1] = x;
        }
        return (k & 1) == 1 ? a[k / 2] : 0.5 * (a[k / 2 - 1] + a[k / 2]);
    }
}

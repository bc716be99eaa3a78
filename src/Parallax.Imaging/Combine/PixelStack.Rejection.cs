using Parallax.Imaging.Statistics;

namespace Parallax.Imaging.Combine;

// The rejection algorithms. Each works on the sorted usable values of one pixel and returns the
// contiguous range [lo, hi) it keeps.
internal sealed partial class PixelStack
{
    private (int Lo, int Hi) Reject(int n) => _p.Rejection switch
    {
        RejectionMethod.None => (0, n),
        RejectionMethod.SigmaClip => IterativeClip(n, percentileSpread: false),
        RejectionMethod.PercentileClip => IterativeClip(n, percentileSpread: true),
        RejectionMethod.MinMax => MinMax(n),
        _ => Winsorized(n),
    };

    /// <summary>Sigma clipping on the sorted values, as astropy's sigma_clip: keep centre − low·σ ≤ x ≤ centre + high·σ, repeat until stable.</summary>
    private (int, int) IterativeClip(int n, bool percentileSpread)
    {
        int lo = 0, hi = n;
        for (var iter = 0; iter < _p.MaxIterations && hi > lo; iter++)
        {
            double centre, spread;
            if (percentileSpread)
            {
                centre = SortedMedian(lo, hi);
                spread = (SortedPercentile(lo, hi, UpperSigmaPercentile) - SortedPercentile(lo, hi, LowerSigmaPercentile)) / 2;
            }
            else
            {
                var median = SortedMedian(lo, hi);
                var k = hi - lo;
                var (shift, sumD, sumD2) = Moments(lo, hi);
                centre = _p.ClipCentre == CentreFunction.Median ? median : shift + sumD / k;
                spread = _p.ClipSpread == SpreadFunction.StandardDeviation
                    ? Math.Sqrt(Math.Max(0, sumD2 - sumD * sumD / k) / k)
                    : RobustStatistics.MadToSigma * Mad(lo, hi, median);
            }
            var (nlo, nhi) = Narrow(lo, hi, centre - _p.SigmaLow * spread, centre + _p.SigmaHigh * spread);
            if (nlo == lo && nhi == hi) break;
            lo = nlo;
            hi = nhi;
        }
        return (lo, hi);
    }

    /// <summary>Winsorized sigma clipping as Siril does it (see <see cref="RejectionMethod.WinsorizedSigmaClip"/>).</summary>
    private (int, int) Winsorized(int n)
    {
        int lo = 0, hi = n;
        for (var iter = 0; iter < _p.MaxIterations && hi - lo > 3; iter++)
        {
            var median = SortedMedian(lo, hi);
            var sigma = SampleStd(lo, hi, double.NegativeInfinity, double.PositiveInfinity);
            for (var inner = 0; inner < 50; inner++)
            {
                var previous = sigma;
                sigma = 1.134 * SampleStd(lo, hi, median - 1.5 * sigma, median + 1.5 * sigma);
                if (Math.Abs(sigma - previous) <= previous * 0.0005) break;
            }
            var (nlo, nhi) = Narrow(lo, hi, median - _p.SigmaLow * sigma, median + _p.SigmaHigh * sigma);
            if (nlo == lo && nhi == hi) break;
            lo = nlo;
            hi = nhi;
        }
        return (lo, hi);
    }

    private (int, int) MinMax(int n)
    {
        int nl = _p.RejectLow, nh = _p.RejectHigh;
        if (n < _frames)
        {
            // Fewer usable values than frames: reject the same fraction (IRAF's rule).
            nl = (int)Math.Floor(nl * (double)n / _frames + 0.001);
            nh = (int)Math.Floor(nh * (double)n / _frames + 0.001);
        }
        while (nl + nh >= n && nl + nh > 0)
        {
            if (nh >= nl) nh--;
            else nl--;
        }
        return (nl, n - nh);
    }

    /// <summary>Drops sorted values below <paramref name="lower"/> from the bottom and above <paramref name="upper"/> from the top.</summary>
    private (int, int) Narrow(int lo, int hi, double lower, double upper)
    {
        while (lo < hi && V(lo) < lower) lo++;
        while (hi > lo && V(hi - 1) > upper) hi--;
        return (lo, hi);
    }
}

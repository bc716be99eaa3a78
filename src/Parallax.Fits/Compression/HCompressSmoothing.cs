namespace Parallax.Fits.Compression;

/// <summary>
/// H-compress's optional smoothing on decode (ZNAME 'SMOOTH' = 1): before each inverse pass the
/// difference coefficients hx, hy and hc are nudged toward the values that would interpolate the
/// neighbouring zones' means, limited by monotonicity and to ± scale/2, the rounding error the
/// digitisation allowed. Lossless tiles (scale ≤ 1) are unchanged.
/// </summary>
internal static class HCompressSmoothing
{
    /// <summary>Smooths the nxtop × nytop block of coefficients (rows <paramref name="ny"/> apart).</summary>
    public static void Apply(Span<long> a, int nxtop, int nytop, int ny, int scale)
    {
        long smax = scale >> 1;
        if (smax <= 0) return;
        var ny2 = ny << 1;

        // x differences hx, from the means of the zones before and after in x
        for (var i = 2; i < nxtop - 2; i += 2)
        {
            var s00 = ny * i;
            var s10 = s00 + ny;
            for (var j = 0; j < nytop; j += 2, s00 += 2, s10 += 2)
            {
                var hm = a[s00 - ny2];
                var h0 = a[s00];
                var hp = a[s00 + ny2];
                a[s10] += Adjust(hp - hm, hm, h0, hp, a[s10], smax);
            }
        }

        // y differences hy
        for (var i = 0; i < nxtop; i += 2)
        {
            var s00 = ny * i + 2;
            for (var j = 2; j < nytop - 2; j += 2, s00 += 2)
            {
                var hm = a[s00 - 2];
                var h0 = a[s00];
                var hp = a[s00 + 2];
                a[s00 + 1] += Adjust(hp - hm, hm, h0, hp, a[s00 + 1], smax);
            }
        }

        // curvature differences hc, from the four diagonal neighbours
        for (var i = 2; i < nxtop - 2; i += 2)
        {
            var s00 = ny * i + 2;
            var s10 = s00 + ny;
            for (var j = 2; j < nytop - 2; j += 2, s00 += 2, s10 += 2)
            {
                var hmm = a[s00 - ny2 - 2];
                var hpm = a[s00 + ny2 - 2];
                var hmp = a[s00 - ny2 + 2];
                var hpp = a[s00 + ny2 + 2];
                var h0 = a[s00];
                var diff = hpp + hmm - hmp - hpm;     // 64 × the hc that would match the neighbours
                var hx2 = a[s10] << 1;
                var hy2 = a[s00 + 1] << 1;
                var m1 = Math.Min(Math.Max(hpp - h0, 0) - hx2 - hy2, Math.Max(h0 - hpm, 0) + hx2 - hy2);
                var m2 = Math.Min(Math.Max(h0 - hmp, 0) - hx2 + hy2, Math.Max(hmm - h0, 0) + hx2 + hy2);
                var dmax = Math.Min(m1, m2) << 4;
                m1 = Math.Max(Math.Min(hpp - h0, 0) - hx2 - hy2, Math.Min(h0 - hpm, 0) + hx2 - hy2);
                m2 = Math.Max(Math.Min(h0 - hmp, 0) - hx2 + hy2, Math.Min(hmm - h0, 0) + hx2 + hy2);
                var dmin = Math.Max(m1, m2) << 4;
                if (dmin < dmax)
                {
                    diff = Math.Max(Math.Min(diff, dmax), dmin);
                    var s = diff - (a[s10 + 1] << 6);
                    s = s >= 0 ? s >> 6 : (s + 63) >> 6;
                    a[s10 + 1] += Math.Max(Math.Min(s, smax), -smax);
                }
            }
        }
    }

    /// <summary>The change of a slope coefficient toward 1/8 of <paramref name="diff"/>, within monotonicity and ± smax.</summary>
    private static long Adjust(long diff, long hm, long h0, long hp, long current, long smax)
    {
        var dmax = Math.Max(Math.Min(hp - h0, h0 - hm), 0) << 2;
        var dmin = Math.Min(Math.Max(hp - h0, h0 - hm), 0) << 2;
        // a monotonicity limit of zero means the slope is left alone
        if (dmin >= dmax) return 0;
        diff = Math.Max(Math.Min(diff, dmax), dmin);
        var s = diff - (current << 3);
        s = s >= 0 ? s >> 3 : (s + 7) >> 3;
        return Math.Max(Math.Min(s, smax), -smax);
    }
}

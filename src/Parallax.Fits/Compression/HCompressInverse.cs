namespace Parallax.Fits.Compression;

/// <summary>
/// The inverse H-transform of an nx × ny array of coefficients (rows of ny, the fast axis).
/// Each of log2(max(nx, ny)) passes interleaves the coefficients of the next finer level and
/// turns each (h0, hx, hy, hc) group into four pixels, rounding the way the forward transform
/// truncated so that scale ≤ 1 is lossless. Works in 64-bit integers, like CFITSIO's hinv64,
/// which gives the same result as its 32-bit hinv wherever that one does not overflow.
/// </summary>
internal static class HCompressInverse
{
    /// <summary>Transforms <paramref name="a"/> in place; <paramref name="smooth"/> applies H-compress's coefficient smoothing at each level.</summary>
    public static void Apply(Span<long> a, int nx, int ny, bool smooth, int scale)
    {
        var log2 = HCompressQuadtree.CeilingLog2(Math.Max(nx, ny));
        if (log2 == 0) return;   // a single pixel is its own transform
        var tmp = new long[(Math.Max(nx, ny) + 1) / 2];

        var shift = 1;
        var bit0 = 1L << (log2 - 1);
        var bit1 = bit0 << 1;
        var bit2 = bit0 << 2;
        var mask0 = -bit0;
        var mask1 = mask0 << 1;
        var mask2 = mask0 << 2;
        var prnd0 = bit0 >> 1;
        var prnd1 = bit1 >> 1;
        var prnd2 = bit2 >> 1;
        var nrnd0 = prnd0 - 1;
        var nrnd1 = prnd1 - 1;
        var nrnd2 = prnd2 - 1;

        // h0 is a multiple of bit2
        a[0] = (a[0] + (a[0] >= 0 ? prnd2 : nrnd2)) & mask2;

        int nxtop = 1, nytop = 1, nxf = nx, nyf = ny, c = 1 << log2;
        for (var k = log2 - 1; k >= 0; k--)
        {
            c >>= 1;
            nxtop <<= 1;
            nytop <<= 1;
            if (nxf <= c) nxtop--; else nxf -= c;
            if (nyf <= c) nytop--; else nyf -= c;
            if (k == 0)
            {
                // last pass: divide by 4, and prnd0 is 0 so its negative counterpart is too
                nrnd0 = 0;
                shift = 2;
            }

            for (var i = 0; i < nxtop; i++) Unshuffle(a, ny * i, nytop, 1, tmp);
            for (var j = 0; j < nytop; j++) Unshuffle(a, j, nxtop, ny, tmp);
            if (smooth) HCompressSmoothing.Apply(a, nxtop, nytop, ny, scale);

            var oddx = nxtop % 2;
            var oddy = nytop % 2;
            int i2;
            for (i2 = 0; i2 < nxtop - oddx; i2 += 2)
            {
                var s00 = ny * i2;
                var s10 = s00 + ny;
                for (var j = 0; j < nytop - oddy; j += 2, s00 += 2, s10 += 2)
                {
                    var h0 = a[s00];
                    var hx = a[s10];
                    var hy = a[s00 + 1];
                    var hc = a[s10 + 1];
                    // hx and hy are multiples of bit1, hc of bit0
                    hx = (hx + (hx >= 0 ? prnd1 : nrnd1)) & mask1;
                    hy = (hy + (hy >= 0 ? prnd1 : nrnd1)) & mask1;
                    hc = (hc + (hc >= 0 ? prnd0 : nrnd0)) & mask0;
                    // bit0 of hc goes to hx and hy
                    var lowbit0 = hc & bit0;
                    hx = hx >= 0 ? hx - lowbit0 : hx + lowbit0;
                    hy = hy >= 0 ? hy - lowbit0 : hy + lowbit0;
                    // bits 0 and 1 of hc, hx, hy go to h0; the sign cases keep negative pixels lossless
                    var lowbit1 = (hc ^ hx ^ hy) & bit1;
                    h0 = h0 >= 0 ? h0 + lowbit0 - lowbit1 : h0 + (lowbit0 == 0 ? lowbit1 : lowbit0 - lowbit1);
                    a[s10 + 1] = (h0 + hx + hy + hc) >> shift;
                    a[s10] = (h0 + hx - hy - hc) >> shift;
                    a[s00 + 1] = (h0 - hx + hy - hc) >> shift;
                    a[s00] = (h0 - hx - hy + hc) >> shift;
                }
                if (oddy != 0)
                {
                    // last column of an odd row length: only h0 and hx exist
                    var h0 = a[s00];
                    var hx = a[s10];
                    hx = (hx >= 0 ? hx + prnd1 : hx + nrnd1) & mask1;
                    var lowbit1 = hx & bit1;
                    h0 = h0 >= 0 ? h0 - lowbit1 : h0 + lowbit1;
                    a[s10] = (h0 + hx) >> shift;
                    a[s00] = (h0 - hx) >> shift;
                }
            }
            if (oddx != 0)
            {
                // last row of an odd column length: only h0 and hy exist
                var s00 = ny * i2;
                int j;
                for (j = 0; j < nytop - oddy; j += 2, s00 += 2)
                {
                    var h0 = a[s00];
                    var hy = a[s00 + 1];
                    hy = (hy >= 0 ? hy + prnd1 : hy + nrnd1) & mask1;
                    var lowbit1 = hy & bit1;
                    h0 = h0 >= 0 ? h0 - lowbit1 : h0 + lowbit1;
                    a[s00 + 1] = (h0 + hy) >> shift;
                    a[s00] = (h0 - hy) >> shift;
                }
                if (oddy != 0) a[s00] >>= shift;
            }

            bit2 = bit1;
            bit1 = bit0;
            bit0 >>= 1;
            mask1 = mask0;
            mask0 >>= 1;
            prnd1 = prnd0;
            prnd0 >>= 1;
            nrnd1 = nrnd0;
            nrnd0 = prnd0 - 1;
        }
    }

    /// <summary>
    /// Interleaves the n values a[start], a[start + stride], …: the first half goes to the even
    /// positions and the second half to the odd ones.
    /// </summary>
    private static void Unshuffle(Span<long> a, int start, int n, int stride, Span<long> tmp)
    {
        var half = (n + 1) >> 1;
        for (int i = half, t = 0; i < n; i++, t++) tmp[t] = a[start + stride * i];
        for (var i = half - 1; i >= 0; i--) a[start + 2 * stride * i] = a[start + stride * i];
        for (int i = 1, t = 0; i < n; i += 2, t++) a[start + stride * i] = tmp[t];
    }
}

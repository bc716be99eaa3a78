namespace Parallax.Imaging.Sources;

/// <summary>
/// Measures one source from its isophotal pixels: flux, barycentre and second moments (a, b, θ), peak
/// and flags as SExtractor's and sep's analyse step, then the windowed centroid (XWIN/YWIN) and a
/// FWHM from the windowed moments.
/// </summary>
internal static class SourceMeasurer
{
    private const int WindowIterations = 16;
    private const double WindowStepSquared = 1e-8;

    public static Source Measure(DetectionFrame f, Blob blob, int[] pixels, bool blended)
    {
        double sumC = 0, sx = 0, sy = 0, flux = 0, variance = 0;
        double peak = double.NegativeInfinity;
        int xpeak = 0, ypeak = 0, xmin = int.MaxValue, xmax = int.MinValue, ymin = int.MaxValue, ymax = int.MinValue;
        var flags = blended ? SourceFlags.Blended : SourceFlags.None;
        var x0 = blob.XMin;
        var y0 = blob.YMin;
        foreach (var p in pixels)
        {
            int x = blob.X[p], y = blob.Y[p];
            var i = y * f.Width + x;
            double c = blob.C[p], v = f.Subtracted[i];
            sumC += c;
            sx += c * (x - x0);
            sy += c * (y - y0);
            flux += v;
            variance += f.VarianceAt(i);
            if (v > peak)
            {
                peak = v;
                xpeak = x;
                ypeak = y;
            }
            xmin = Math.Min(xmin, x);
            xmax = Math.Max(xmax, x);
            ymin = Math.Min(ymin, y);
            ymax = Math.Max(ymax, y);
            if ((f.Mask[i] & (ushort)MaskBits.Saturated) != 0) flags |= SourceFlags.Saturated;
            if (f.Unusable[i]) flags |= SourceFlags.MaskedPixels;
        }
        var mx = sx / sumC;
        var my = sy / sumC;
        double sxx = 0, syy = 0, sxy = 0;
        foreach (var p in pixels)
        {
            double c = blob.C[p], dx = blob.X[p] - x0 - mx, dy = blob.Y[p] - y0 - my;
            sxx += c * dx * dx;
            syy += c * dy * dy;
            sxy += c * dx * dy;
        }
        double x2 = sxx / sumC, y2 = syy / sumC, xy = sxy / sumC;
        if (x2 * y2 - xy * xy < 0.00694)
        {
            x2 += 0.0833333;
            y2 += 0.0833333;
            flags |= SourceFlags.Singular;
        }
        var diff = x2 - y2;
        var theta = Math.Abs(diff) > 0 ? Math.Atan2(2 * xy, diff) / 2 : Math.PI / 4;
        var root = Math.Sqrt(0.25 * diff * diff + xy * xy);
        var a = Math.Sqrt(0.5 * (x2 + y2) + root);
        var b = Math.Sqrt(Math.Max(0, 0.5 * (x2 + y2) - root));
        if (xmin == 0 || ymin == 0 || xmax == f.Width - 1 || ymax == f.Height - 1) flags |= SourceFlags.Truncated;

        var source = new Source
        {
            X = mx + x0,
            Y = my + y0,
            PixelCount = pixels.Length,
            FluxIso = flux,
            FluxIsoError = Math.Sqrt(variance),
            X2 = x2,
            Y2 = y2,
            XY = xy,
            A = a,
            B = b,
            Theta = theta,
            Peak = peak,
            XPeak = xpeak,
            YPeak = ypeak,
            XMin = xmin,
            XMax = xmax,
            YMin = ymin,
            YMax = ymax,
            Flags = flags,
        };
        return Windowed(f, source);
    }

    /// <summary>
    /// SExtractor's windowed centroid: x ← x + 2·Σ w·I·(xᵢ − x) / Σ w·I with a Gaussian window w of
    /// σ_w = FWHM / 2.3548 over pixels within 4σ_w, until the step is below 10⁻⁴ px (16 iterations at most).
    /// The first FWHM guess is the diameter of a disc as big as the pixels above half the peak.
    /// </summary>
    private static Source Windowed(DetectionFrame f, Source s)
    {
        var halfArea = 0;
        // Pixels above half the peak inside the bounding box give the initial size.
        for (var y = s.YMin; y <= s.YMax; y++)
            for (var x = s.XMin; x <= s.XMax; x++)
                if (f.Subtracted[y * f.Width + x] > 0.5 * s.Peak) halfArea++;
        var fwhmGuess = Math.Max(1.0, 2 * Math.Sqrt(Math.Max(1, halfArea) / Math.PI));
        var sigmaW = fwhmGuess / 2.3548;
        double x0 = s.X, y0 = s.Y;
        var converged = false;
        double m2x = 0, m2y = 0;
        for (var iter = 0; iter < WindowIterations; iter++)
        {
            if (!Moments(f, x0, y0, sigmaW, out var dxm, out var dym, out m2x, out m2y)) break;
            x0 += 2 * dxm;
            y0 += 2 * dym;
            if (x0 < -0.5 || y0 < -0.5 || x0 > f.Width - 0.5 || y0 > f.Height - 0.5) break;
            if (4 * (dxm * dxm + dym * dym) < WindowStepSquared)
            {
                converged = true;
                break;
            }
        }
        if (!converged) return s with { XWin = s.X, YWin = s.Y, Flags = s.Flags | SourceFlags.WindowFailed };
        // Windowed moments of a Gaussian of variance v in a window of variance σ_w² are (1/v + 1/σ_w²)⁻¹.
        Moments(f, x0, y0, sigmaW, out _, out _, out m2x, out m2y);
        var w2 = sigmaW * sigmaW;
        var m = 0.5 * (m2x + m2y);
        var fwhm = m > 0 && m < w2 ? 2.3548 * Math.Sqrt(1 / (1 / m - 1 / w2)) : double.NaN;
        return s with { XWin = x0, YWin = y0, Fwhm = fwhm };
    }

    /// <summary>Window-weighted first moments (offsets from the centre) and second moments about the centre; false when the weighted flux is not positive.</summary>
    private static bool Moments(DetectionFrame f, double xc, double yc, double sigmaW, out double dx, out double dy, out double m2x, out double m2y)
    {
        var r = 4 * sigmaW;
        var r2 = r * r;
        var inv = 1 / (2 * sigmaW * sigmaW);
        var xa = Math.Max(0, (int)Math.Floor(xc - r));
        var xb = Math.Min(f.Width - 1, (int)Math.Ceiling(xc + r));
        var ya = Math.Max(0, (int)Math.Floor(yc - r));
        var yb = Math.Min(f.Height - 1, (int)Math.Ceiling(yc + r));
        // The Gaussian window is separable: one exponential per column and per row, not per pixel.
        var nx = xb - xa + 1;
        Span<double> wx = nx <= 256 ? stackalloc double[nx] : new double[nx];
        for (var x = xa; x <= xb; x++) wx[x - xa] = Math.Exp(-(x - xc) * (x - xc) * inv);
        double sw = 0, sx = 0, sy = 0, sxx = 0, syy = 0;
        for (var y = ya; y <= yb; y++)
        {
            var ddy = y - yc;
            var wy = Math.Exp(-ddy * ddy * inv);
            var row = y * f.Width;
            for (var x = xa; x <= xb; x++)
            {
                var ddx = x - xc;
                if (ddx * ddx + ddy * ddy > r2) continue;
                var i = row + x;
                if (f.Unusable[i]) continue;
                var wv = wx[x - xa] * wy * f.Subtracted[i];
                sw += wv;
                sx += wv * ddx;
                sy += wv * ddy;
                sxx += wv * ddx * ddx;
                syy += wv * ddy * ddy;
            }
        }
        if (!(sw > 0))
        {
            dx = dy = m2x = m2y = 0;
            return false;
        }
        dx = sx / sw;
        dy = sy / sw;
        m2x = sxx / sw - dx * dx;
        m2y = syy / sw - dy * dy;
        return true;
    }
}

using Parallax.Imaging;
using Parallax.Spectroscopy.Slits;

namespace Parallax.Spectroscopy.Sky;

/// <summary>
/// Long-slit sky subtraction in the manner of Kelson (2003): every sky pixel is placed at its own wavelength from the
/// 2-D wavelength map (tilted lines then sample each wavelength at many sub-pixel phases), and one B-spline in wavelength
/// — optionally times a low-order polynomial in slit position — is fitted by weighted least squares to all of them at
/// once, with iterative rejection of cosmic rays and object light; the model is then evaluated at every pixel. No pixel
/// is ever resampled. The frame should be in electrons (see <see cref="SkyFitOptions.ModelVariance"/>); NaN pixels,
/// pixels with <see cref="MaskBits.Unusable"/> bits, pixels with a non-positive or non-finite variance, pixels near the
/// slit edges and pixels the caller excludes (the objects) take no part in the fit.
/// </summary>
public static class BSplineSkyFitter
{
    /// <summary>Fits the sky of <paramref name="frame"/>.</summary>
    /// <param name="frame">The detrended frame (dispersion along x), electrons.</param>
    /// <param name="wavelengthMap">Wavelength (Angstrom) at every pixel centre, row-major as the frame, NaN outside the slit (<see cref="Arcs.WavelengthMap.Build"/>).</param>
    /// <param name="edges">The slit: gives each pixel its slit position.</param>
    /// <param name="exclude">Optional per-pixel flags: true leaves the pixel out of the fit (object regions, e.g. <see cref="Tracing.ObjectMask.Build"/>); null: none.</param>
    /// <param name="options">Breakpoints, spatial order, rejection; <see cref="SkyFitOptions.Default"/> when null.</param>
    /// <returns>The sky model on every pixel with a wavelength.</returns>
    /// <exception cref="ArgumentException">The map, mask or edges do not match the frame.</exception>
    /// <exception cref="InvalidOperationException">Too few sky pixels for the coefficients.</exception>
    public static SkyModel Fit(MaskedImage frame, float[] wavelengthMap, SlitEdges edges, bool[]? exclude = null, SkyFitOptions? options = null)
    {
        options ??= SkyFitOptions.Default;
        options.Validate();
        var (w, h) = (frame.Width, frame.Height);
        if (wavelengthMap.Length != w * h) throw new ArgumentException($"the wavelength map holds {wavelengthMap.Length} pixels, the frame {w} × {h}", nameof(wavelengthMap));
        if (exclude is not null && exclude.Length != w * h) throw new ArgumentException($"the exclusion mask holds {exclude.Length} pixels, the frame {w} × {h}", nameof(exclude));
        if (edges.Width != w || edges.Height != h) throw new ArgumentException($"the slit was found on a {edges.Width} × {edges.Height} image, the frame is {w} × {h}", nameof(edges));

        var pixels = SkyPixels(frame, wavelengthMap, edges, exclude, options.EdgeMargin);
        var k = options.SpatialOrder + 1;
        var breakpoints = Breakpoints(wavelengthMap, edges, options.BreakpointSpacing, pixels.Wavelength);
        breakpoints = Prune(breakpoints, pixels.Wavelength, minimum: 4 * k);
        var spline = new SkySpline(breakpoints, options.Degree, k);
        if (pixels.Count < 2 * spline.CoefficientCount)
            throw new InvalidOperationException($"only {pixels.Count} sky pixels for {spline.CoefficientCount} sky coefficients: widen BreakpointSpacing or exclude less of the slit");
        var design = new SkyDesign(spline, pixels);

        var n = pixels.Count;
        var use = new bool[n];
        Array.Fill(use, true);
        var weight = new double[n];
        var model = new double[n];
        for (var i = 0; i < n; i++) weight[i] = 1 / pixels.Variance[i];
        int iterations = 0, rejected = 0;
        double chi2 = double.NaN;
        for (var pass = 0; pass < options.MaxIterations; pass++)
        {
            iterations++;
            design.Solve(use, weight);
            design.Evaluate(model);
            // Weights and residuals from the model's variance: the data's own variance favours low pixels.
            var changed = 0;
            rejected = 0;
            double sum = 0;
            var used = 0;
            for (var i = 0; i < n; i++)
            {
                var v = Variance(pixels, i, model[i], options.ModelVariance);
                weight[i] = 1 / v;
                var r = (pixels.Data[i] - model[i]) / Math.Sqrt(v);
                var keep = r <= options.UpperSigma && r >= -options.LowerSigma;
                if (keep != use[i]) changed++;
                use[i] = keep;
                if (keep) { sum += r * r; used++; }
                else rejected++;
            }
            chi2 = sum / Math.Max(1, used - spline.CoefficientCount);
            if (changed == 0 && pass > 0) break;
        }
        // The last pass may have changed the rejected set; refit once with it so that the model matches the counts reported.
        design.Solve(use, weight);
        var sky = Evaluate(spline, wavelengthMap, edges);
        return new SkyModel(sky, w, h, spline, n - rejected, rejected, iterations, chi2);
    }

    private static double Variance(SkyPixels p, int i, double model, bool modelVariance)
    {
        var v = p.Variance[i];
        if (!modelVariance) return v;
        var constant = v - Math.Max(p.Data[i], 0);
        var m = constant + Math.Max(model, 0);
        // A variance plane that is not max(D, 0) + constant (say ADU, or flat-fielded) can make this small: keep a floor.
        return Math.Max(m, 0.05 * v);
    }

    /// <summary>The sky model at every pixel with a finite wavelength.</summary>
    internal static float[] Evaluate(SkySpline spline, float[] map, SlitEdges edges)
    {
        var (w, h) = (edges.Width, edges.Height);
        var sky = new float[w * h];
        Parallel.For(0, h, y =>
        {
            Span<double> b = stackalloc double[spline.Degree + 1];
            Span<double> p = stackalloc double[spline.SpatialTerms];
            for (var x = 0; x < w; x++)
            {
                var i = y * w + x;
                var lambda = map[i];
                if (!float.IsFinite(lambda)) { sky[i] = float.NaN; continue; }
                var interval = spline.Interval(lambda);
                spline.Basis(interval, lambda, b);
                spline.Spatial(Math.Clamp(edges.Position(x, y), -0.1, 1.1), p);
                sky[i] = (float)spline.Evaluate(interval, b, p);
            }
        });
        return sky;
    }

    private static SkyPixels SkyPixels(MaskedImage frame, float[] map, SlitEdges edges, bool[]? exclude, double margin)
    {
        var (w, h) = (frame.Width, frame.Height);
        var list = new SkyPixels(w * h / 2);
        for (var x = 0; x < w; x++)
        {
            var lo = edges.Lower.RowAt(x);
            var hi = edges.Upper.RowAt(x);
            var length = hi - lo;
            var y0 = Math.Max(0, (int)Math.Ceiling(lo + margin));
            var y1 = Math.Min(h - 1, (int)Math.Floor(hi - margin));
            for (var y = y0; y <= y1; y++)
            {
                var i = y * w + x;
                var d = frame.Data[i];
                var v = frame.Variance[i];
                var lambda = map[i];
                if (!float.IsFinite(d) || !(v > 0) || !float.IsFinite(v) || !float.IsFinite(lambda)) continue;
                if ((frame.Mask[i] & (ushort)MaskBits.Unusable) != 0 || (exclude is not null && exclude[i])) continue;
                list.Add(lambda, (y - lo) / length, d, v);
            }
        }
        return list;
    }

    /// <summary>Breakpoints every <paramref name="spacing"/> columns along the slit centre, extended to cover every sky pixel's wavelength.</summary>
    internal static double[] Breakpoints(float[] map, SlitEdges edges, double spacing, List<double> wavelengths)
    {
        var (w, h) = (edges.Width, edges.Height);
        var centre = new double[w];
        for (var x = 0; x < w; x++)
        {
            var y = (int)Math.Round(edges.CentreRow(x));
            centre[x] = y >= 0 && y < h ? map[y * w + x] : double.NaN;
        }
        FillGaps(centre);
        if (!double.IsFinite(centre[0])) throw new InvalidOperationException("the wavelength map has no value along the slit centre");
        var list = new List<double>();
        for (var u = 0.0; u <= w - 1 + 1e-9; u += spacing)
        {
            var i = Math.Min(w - 2, (int)u);
            var f = u - i;
            list.Add(w == 1 ? centre[0] : centre[i] * (1 - f) + centre[i + 1] * f);
        }
        list.Sort();
        double lo = double.PositiveInfinity, hi = double.NegativeInfinity;
        foreach (var l in wavelengths) { lo = Math.Min(lo, l); hi = Math.Max(hi, l); }
        var first = list.Count > 1 ? list[1] - list[0] : 1;
        var last = list.Count > 1 ? list[^1] - list[^2] : 1;
        while (list[0] > lo) list.Insert(0, list[0] - first);
        while (list[^1] < hi) list.Add(list[^1] + last);
        return [.. list];
    }

    /// <summary>Removes interior breakpoints until every interval holds at least <paramref name="minimum"/> pixels (a coefficient must be constrained).</summary>
    internal static double[] Prune(double[] breakpoints, List<double> wavelengths, int minimum)
    {
        var counts = new int[breakpoints.Length - 1];
        foreach (var l in wavelengths)
        {
            var i = Array.BinarySearch(breakpoints, l);
            if (i < 0) i = ~i - 1;
            counts[Math.Clamp(i, 0, counts.Length - 1)]++;
        }
        var kept = new List<double> { breakpoints[0] };
        var pending = 0;
        for (var i = 0; i < counts.Length; i++)
        {
            pending += counts[i];
            var end = i == counts.Length - 1;
            if (end) { kept.Add(breakpoints[^1]); break; }
            if (pending >= minimum) { kept.Add(breakpoints[i + 1]); pending = 0; }
        }
        // The last interval may be short of pixels: merge it into its neighbour.
        if (kept.Count > 2 && pending < minimum) kept.RemoveAt(kept.Count - 2);
        return [.. kept];
    }

    private static void FillGaps(double[] values)
    {
        var last = double.NaN;
        for (var i = 0; i < values.Length; i++) { if (double.IsFinite(values[i])) last = values[i]; else values[i] = last; }
        last = double.NaN;
        for (var i = values.Length - 1; i >= 0; i--) { if (double.IsFinite(values[i])) last = values[i]; else values[i] = last; }
    }
}

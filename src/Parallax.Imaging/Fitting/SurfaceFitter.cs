namespace Parallax.Imaging.Fitting;

/// <summary>
/// Weighted least-squares fits of 2-D polynomial surfaces (<see cref="SurfaceFitOptions"/>) with optional
/// iterative sigma rejection, solved by QR. With full cross terms and no rejection the coefficients are
/// the least-squares solution over numpy's <c>legvander2d</c>/<c>chebvander2d</c>/<c>polyvander2d</c>.
/// </summary>
public static class SurfaceFitter
{
    /// <summary>Fits z(x, y) to scattered points.</summary>
    /// <param name="x">x of each point.</param>
    /// <param name="y">y of each point.</param>
    /// <param name="z">Value at each point.</param>
    /// <param name="options">Basis, orders, cross terms, domains, rejection.</param>
    /// <param name="weights">Optional weights multiplying the residuals (1/σ); empty: all 1. A weight ≤ 0 or non-finite leaves the point out.</param>
    /// <param name="exclude">Optional flags: true leaves the point out. Empty: none.</param>
    /// <returns>The surface, rms, points used and the rejected points; non-finite x, y or z are left out.</returns>
    /// <exception cref="ArgumentException">The spans differ in length.</exception>
    /// <exception cref="InvalidOperationException">Too few usable points for the terms.</exception>
    public static FitResult<PolynomialSurface> Fit(ReadOnlySpan<double> x, ReadOnlySpan<double> y, ReadOnlySpan<double> z, SurfaceFitOptions options,
        ReadOnlySpan<double> weights = default, ReadOnlySpan<bool> exclude = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        if (y.Length != x.Length) throw new ArgumentException($"{x.Length} x but {y.Length} y", nameof(y));
        var usable = FitInputs.Usable(x, z, weights, exclude);
        for (var i = 0; i < usable.Length; i++) usable[i] &= double.IsFinite(y[i]);
        var xs = x.ToArray();
        var ys = y.ToArray();
        var zs = z.ToArray();
        var ws = weights.IsEmpty ? null : weights.ToArray();
        var xDomain = options.XDomain ?? Range(xs, usable);
        var yDomain = options.YDomain ?? Range(ys, usable);
        var terms = Terms(options);
        return IterativeRejection.Run(zs, usable, terms.Length, options.Rejection,
            use => FitOnce(xs, ys, zs, ws, use, options, terms, xDomain, yDomain),
            (model, values) =>
            {
                for (var i = 0; i < values.Length; i++) values[i] = model.Evaluate(xs[i], ys[i]);
            });
    }

    /// <summary>Fits z to the pixels of an image (x = column, y = row), leaving out NaN pixels and those whose mask has a bit of <paramref name="reject"/>.</summary>
    /// <param name="image">Row-major pixels, width × height.</param>
    /// <param name="width">Columns.</param>
    /// <param name="height">Rows.</param>
    /// <param name="options">Basis, orders, cross terms, domains, rejection.</param>
    /// <param name="mask">Optional mask (same length); empty: none.</param>
    /// <param name="reject">Mask bits that leave a pixel out.</param>
    /// <exception cref="ArgumentException">The lengths do not match width × height.</exception>
    public static FitResult<PolynomialSurface> FitImage(ReadOnlySpan<float> image, int width, int height, SurfaceFitOptions options,
        ReadOnlySpan<ushort> mask = default, MaskBits reject = MaskBits.Unusable)
    {
        if (image.Length != width * height) throw new ArgumentException($"{image.Length} pixels for a {width}×{height} image", nameof(image));
        if (!mask.IsEmpty && mask.Length != image.Length) throw new ArgumentException($"{mask.Length} mask values for {image.Length} pixels", nameof(mask));
        var x = new double[image.Length];
        var y = new double[image.Length];
        var z = new double[image.Length];
        var exclude = new bool[image.Length];
        for (var r = 0; r < height; r++)
            for (var c = 0; c < width; c++)
            {
                var i = r * width + c;
                x[i] = c;
                y[i] = r;
                z[i] = image[i];
                exclude[i] = !mask.IsEmpty && (mask[i] & (ushort)reject) != 0;
            }
        return Fit(x, y, z, options, default, exclude);
    }

    internal static (int I, int J)[] Terms(SurfaceFitOptions options)
    {
        var terms = new List<(int, int)>();
        var max = Math.Max(options.XOrder, options.YOrder);
        for (var i = 0; i <= options.XOrder; i++)
            for (var j = 0; j <= options.YOrder; j++)
            {
                var keep = options.CrossTerms switch
                {
                    CrossTerms.None => i == 0 || j == 0,
                    CrossTerms.Half => i + j <= max,
                    _ => true,
                };
                if (keep) terms.Add((i, j));
            }
        return [.. terms];
    }

    private static (double, double) Range(double[] v, bool[] usable)
    {
        double lo = double.PositiveInfinity, hi = double.NegativeInfinity;
        for (var i = 0; i < v.Length; i++)
        {
            if (!usable[i]) continue;
            lo = Math.Min(lo, v[i]);
            hi = Math.Max(hi, v[i]);
        }
        if (!double.IsFinite(lo)) throw new InvalidOperationException("no usable points to fit");
        return hi > lo ? (lo, hi) : (lo - 0.5, lo + 0.5);
    }

    private static PolynomialSurface FitOnce(double[] x, double[] y, double[] z, double[]? w, bool[] use, SurfaceFitOptions options,
        (int I, int J)[] terms, (double Min, double Max) xDomain, (double Min, double Max) yDomain)
    {
        var index = FitInputs.Indices(use);
        var bx = new double[options.XOrder + 1];
        var by = new double[options.YOrder + 1];
        var xc = 0.5 * (xDomain.Min + xDomain.Max);
        var xs = 2 / (xDomain.Max - xDomain.Min);
        var yc = 0.5 * (yDomain.Min + yDomain.Max);
        var ysc = 2 / (yDomain.Max - yDomain.Min);
        var c = LeastSquares.Solve(index.Length, terms.Length, (r, row) =>
        {
            var i = index[r];
            BasisFunctions.Fill(options.Basis, (x[i] - xc) * xs, bx);
            BasisFunctions.Fill(options.Basis, (y[i] - yc) * ysc, by);
            for (var k = 0; k < terms.Length; k++) row[k] = bx[terms[k].I] * by[terms[k].J];
            return (z[i], w is null ? 1 : w[i]);
        });
        return new PolynomialSurface(options.Basis, options.XOrder, options.YOrder, terms, c, xDomain, yDomain);
    }
}

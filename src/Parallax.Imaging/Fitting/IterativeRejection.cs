namespace Parallax.Imaging.Fitting;

/// <summary>
/// The fit–reject–refit loop shared by every fitter (semantics in <see cref="RejectionOptions"/>). The
/// fitter supplies how to fit the points in use and how to evaluate a model at every point.
/// </summary>
internal static class IterativeRejection
{
    /// <summary>Runs the loop.</summary>
    /// <param name="y">Values, one per point.</param>
    /// <param name="usable">Points the caller allows (finite, positive weight, not excluded).</param>
    /// <param name="coefficients">Coefficients of the model: rejection never leaves fewer points in use.</param>
    /// <param name="options">Rejection parameters.</param>
    /// <param name="fit">Fits the points flagged in its argument.</param>
    /// <param name="evaluate">Writes the model at every point into its second argument.</param>
    public static FitResult<TModel> Run<TModel>(double[] y, bool[] usable, int coefficients, RejectionOptions options,
        Func<bool[], TModel> fit, Action<TModel, double[]> evaluate)
    {
        var n = y.Length;
        var use = (bool[])usable.Clone();
        var rejected = new bool[n];
        var model = new double[n];
        var used = use.Count(u => u);
        if (used < coefficients)
            throw new InvalidOperationException($"{used} usable points cannot determine {coefficients} coefficients");
        var iterations = 0;
        while (true)
        {
            var result = fit(use);
            evaluate(result, model);
            var rms = Rms(y, model, use);
            if (iterations >= options.MaxIterations || !(rms > 0)) return new FitResult<TModel>(result, rms, used, rejected, iterations);
            var fresh = MarkOutliers(y, model, use, rms, options);
            if (fresh.Count == 0 || used - fresh.Count < coefficients) return new FitResult<TModel>(result, rms, used, rejected, iterations);
            foreach (var i in fresh)
            {
                use[i] = false;
                rejected[i] = true;
            }
            used -= fresh.Count;
            iterations++;
        }
    }

    private static double Rms(double[] y, double[] model, bool[] use)
    {
        double sum = 0;
        var count = 0;
        for (var i = 0; i < y.Length; i++)
        {
            if (!use[i]) continue;
            var r = y[i] - model[i];
            sum += r * r;
            count++;
        }
        return count == 0 ? double.NaN : Math.Sqrt(sum / count);
    }

    private static HashSet<int> MarkOutliers(double[] y, double[] model, bool[] use, double rms, RejectionOptions options)
    {
        var fresh = new HashSet<int>();
        var upper = options.UpperSigma * rms;
        var lower = -options.LowerSigma * rms;
        for (var i = 0; i < y.Length; i++)
        {
            if (!use[i]) continue;
            var r = y[i] - model[i];
            if (r <= upper && r >= lower) continue;
            for (var j = Math.Max(0, i - options.Grow); j <= Math.Min(y.Length - 1, i + options.Grow); j++)
                if (use[j]) fresh.Add(j);
        }
        return fresh;
    }
}

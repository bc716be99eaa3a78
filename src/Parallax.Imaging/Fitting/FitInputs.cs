namespace Parallax.Imaging.Fitting;

/// <summary>Validation of fit inputs and the "usable point" rule every fitter shares.</summary>
internal static class FitInputs
{
    /// <summary>Usable points: finite x and y, finite positive weight (when weights are given), not excluded.</summary>
    /// <exception cref="ArgumentException">The spans differ in length.</exception>
    public static bool[] Usable(ReadOnlySpan<double> x, ReadOnlySpan<double> y, ReadOnlySpan<double> weights, ReadOnlySpan<bool> exclude)
    {
        if (x.Length != y.Length) throw new ArgumentException($"{x.Length} abscissae but {y.Length} values", nameof(y));
        if (!weights.IsEmpty && weights.Length != y.Length) throw new ArgumentException($"{weights.Length} weights for {y.Length} values", nameof(weights));
        if (!exclude.IsEmpty && exclude.Length != y.Length) throw new ArgumentException($"{exclude.Length} exclusion flags for {y.Length} values", nameof(exclude));
        var usable = new bool[y.Length];
        for (var i = 0; i < y.Length; i++)
            usable[i] = double.IsFinite(x[i]) && double.IsFinite(y[i])
                && (weights.IsEmpty || (weights[i] > 0 && double.IsFinite(weights[i])))
                && (exclude.IsEmpty || !exclude[i]);
        return usable;
    }

    /// <summary>The indices of the flagged points.</summary>
    public static int[] Indices(bool[] use)
    {
        var count = 0;
        foreach (var u in use) if (u) count++;
        var index = new int[count];
        var k = 0;
        for (var i = 0; i < use.Length; i++) if (use[i]) index[k++] = i;
        return index;
    }
}

namespace Parallax.Imaging.Fitting;

/// <summary>Evaluates any <see cref="ICurve1D"/> over spans: one body for every model.</summary>
internal static class CurveEvaluation
{
    public static void Evaluate<T>(T curve, ReadOnlySpan<double> x, Span<double> result)
        where T : ICurve1D
    {
        if (x.Length != result.Length) throw new ArgumentException($"{x.Length} abscissae but room for {result.Length} results", nameof(result));
        for (var i = 0; i < x.Length; i++) result[i] = curve.Evaluate(x[i]);
    }

    // Evaluated in double, rounded once.
    public static void Evaluate<T>(T curve, ReadOnlySpan<float> x, Span<float> result)
        where T : ICurve1D
    {
        if (x.Length != result.Length) throw new ArgumentException($"{x.Length} abscissae but room for {result.Length} results", nameof(result));
        for (var i = 0; i < x.Length; i++) result[i] = (float)curve.Evaluate(x[i]);
    }

    public static void EvaluateAtIndices<T>(T curve, double start, Span<float> result)
        where T : ICurve1D
    {
        for (var i = 0; i < result.Length; i++) result[i] = (float)curve.Evaluate(start + i);
    }
}

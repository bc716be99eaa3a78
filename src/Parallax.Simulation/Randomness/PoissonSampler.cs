namespace Parallax.Simulation.Randomness;

/// <summary>
/// Photon (shot) noise over a span of expected counts. Exact below <see cref="NormalThreshold"/> counts
/// (inversion of the cumulative distribution with one uniform draw per pixel); above it the normal
/// approximation λ + √λ·z, whose skewness 1/√λ is below 0.18 there and whose mean and variance are exact.
/// Results above the threshold are not integers: the readout adds read noise and divides by the gain before
/// quantising, so the difference never reaches the written values' statistics.
/// </summary>
internal static class PoissonSampler
{
    /// <summary>Expected counts at and above which the normal approximation is used.</summary>
    public const float NormalThreshold = 30f;

    /// <summary>Replaces each expected count in <paramref name="values"/> by a Poisson draw; negative means give 0.</summary>
    /// <param name="key">Stream key of this span (e.g. one frame row).</param>
    /// <param name="values">Expected counts in, drawn counts out.</param>
    /// <param name="normals">Scratch for n normal deviates.</param>
    /// <param name="scratch">Scratch for <see cref="CounterRandom.FillNormal"/> (3·ceil(n/2) floats).</param>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    public static void Sample(ulong key, Span<float> values, Span<float> normals, Span<float> scratch)
    {
        var n = values.Length;
        var z = normals[..n];
        CounterRandom.FillNormal(key, 0, z, scratch);
        var lowKey = key ^ 0x5DEECE66DUL;
        for (var i = 0; i < n; i++)
        {
            var lambda = values[i];
            if (lambda >= NormalThreshold) values[i] = lambda + MathF.Sqrt(lambda) * z[i];
            else if (lambda > 0f) values[i] = Invert(lambda, CounterRandom.Uniform(lowKey, (uint)i));
            else values[i] = 0f;
        }
    }

    /// <summary>Poisson deviate by inversion: the smallest k whose cumulative probability reaches u.</summary>
    public static int Invert(double lambda, double u)
    {
        if (!(lambda > 0)) return 0;
        var p = Math.Exp(-lambda);
        var cumulative = p;
        var k = 0;
        while (u > cumulative && k < 1000)
        {
            k++;
            p *= lambda / k;
            cumulative += p;
            if (p == 0) break;
        }
        return k;
    }
}

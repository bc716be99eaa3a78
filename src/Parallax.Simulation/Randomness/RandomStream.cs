namespace Parallax.Simulation.Randomness;

/// <summary>
/// A sequential view of one counter-based stream, for the few scalar draws a scene needs (catalog
/// entries, event positions). Each call consumes the next counter; the sequence depends only on the key.
/// </summary>
internal sealed class RandomStream(ulong key)
{
    private uint _counter;

    /// <summary>The key of this stream.</summary>
    public ulong Key { get; } = key;

    /// <summary>Uniform in (0, 1).</summary>
    public double Uniform() => CounterRandom.UniformDouble(Key, _counter++);

    /// <summary>Uniform in (a, b).</summary>
    public double Uniform(double a, double b) => a + (b - a) * Uniform();

    /// <summary>Log-uniform in (a, b), both positive.</summary>
    public double LogUniform(double a, double b) => Math.Exp(Uniform(Math.Log(a), Math.Log(b)));

    /// <summary>Standard normal.</summary>
    public double Normal() => CounterRandom.Normal(Key, _counter++);

    /// <summary>Normal with the given mean and standard deviation.</summary>
    public double Normal(double mean, double sigma) => mean + sigma * Normal();

    /// <summary>An integer in [0, n).</summary>
    public int Next(int n) => (int)Math.Min(n - 1, Math.Floor(Uniform() * n));

    /// <summary>A Poisson count (inversion below 30, normal approximation above, as <see cref="PoissonSampler"/>).</summary>
    public int Poisson(double mean) => mean >= PoissonSampler.NormalThreshold
        ? (int)Math.Max(0, Math.Round(mean + Math.Sqrt(mean) * Normal()))
        : PoissonSampler.Invert(mean, Uniform());
}

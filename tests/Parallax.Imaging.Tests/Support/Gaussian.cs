namespace Parallax.Imaging.Tests.Support;

/// <summary>Seeded Gaussian deviates (Box–Muller), so synthetic frames are the same on every run.</summary>
public sealed class Gaussian(int seed)
{
    private readonly Random _random = new(seed);
    private double? _spare;

    /// <summary>A standard normal deviate.</summary>
    public double Next()
    {
        if (_spare is { } s)
        {
            _spare = null;
            return s;
        }
        double u, v, r;
        do
        {
            u = 2 * _random.NextDouble() - 1;
            v = 2 * _random.NextDouble() - 1;
            r = u * u + v * v;
        } while (r >= 1 || r == 0);
        var f = Math.Sqrt(-2 * Math.Log(r) / r);
        _spare = v * f;
        return u * f;
    }

    /// <summary>A uniform deviate in [0, 1).</summary>
    public double Uniform() => _random.NextDouble();

    /// <summary>A uniform integer in [0, max).</summary>
    public int Index(int max) => _random.Next(max);
}

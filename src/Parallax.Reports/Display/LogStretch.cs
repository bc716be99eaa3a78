namespace Parallax.Reports.Display;

/// <summary>y = log(a·x + 1) / log(a + 1) (astropy's <c>LogStretch</c>, default a = 1000): for a wide dynamic range.</summary>
public sealed record LogStretch : IStretch
{
    /// <summary>A log stretch of strength <paramref name="a"/> (&gt; 0).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="a"/> is not positive.</exception>
    public LogStretch(double a = 1000)
    {
        if (!(a > 0)) throw new ArgumentOutOfRangeException(nameof(a), a, "the log stretch's a must be positive");
        A = a;
        _scale = 1 / Math.Log(a + 1);
    }

    private readonly double _scale;

    /// <summary>The strength: larger lifts faint values more.</summary>
    public double A { get; }

    /// <inheritdoc/>
    public double Apply(double normalised) => Math.Log(A * LinearStretch.Clip(normalised) + 1) * _scale;
}

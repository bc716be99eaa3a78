namespace Parallax.Reports.Display;

/// <summary>y = asinh(x / a) / asinh(1 / a) (astropy's <c>AsinhStretch</c>, default a = 0.1): linear near zero, logarithmic for bright values.</summary>
public sealed record AsinhStretch : IStretch
{
    /// <summary>An asinh stretch turning over at <paramref name="a"/> (0 &lt; a ≤ 1).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="a"/> is not in (0, 1].</exception>
    public AsinhStretch(double a = 0.1)
    {
        if (!(a > 0 && a <= 1)) throw new ArgumentOutOfRangeException(nameof(a), a, "the asinh stretch's a must lie in (0, 1]");
        A = a;
        _scale = 1 / Math.Asinh(1 / a);
    }

    private readonly double _scale;

    /// <summary>The normalised value where the curve turns from linear to logarithmic.</summary>
    public double A { get; }

    /// <inheritdoc/>
    public double Apply(double normalised) => Math.Asinh(LinearStretch.Clip(normalised) / A) * _scale;
}

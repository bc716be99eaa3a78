namespace Parallax.Imaging.Fitting;

/// <summary>
/// What a 1-D least-squares B-spline fit is (IRAF's spline3, PypeIt's bspline for sky models and
/// overscan smoothing): the degree, the breakpoints — given, or evenly spread over the data range by
/// a spacing or an interval count — and the outlier rejection. Immutable; <see cref="BSplineFitter"/>
/// executes it. Precedence: <see cref="Breakpoints"/>, then <see cref="BreakpointSpacing"/>, then
/// <see cref="Intervals"/>.
/// </summary>
public sealed record BSplineFitOptions
{
    /// <summary>Polynomial degree of the pieces, 1..5. Default 3 (cubic).</summary>
    public int Degree { get; init; } = 3;

    /// <summary>Explicit breakpoints (x units), strictly ascending, at least two; null: evenly spread.</summary>
    public IReadOnlyList<double>? Breakpoints { get; init; }

    /// <summary>Largest distance between breakpoints (x units): the range is cut into ⌈range / spacing⌉ equal intervals. Null: use <see cref="Intervals"/>.</summary>
    public double? BreakpointSpacing { get; init; }

    /// <summary>Number of equal intervals over the range of the usable x when neither breakpoints nor spacing is given. Default 8.</summary>
    public int Intervals { get; init; } = 8;

    /// <summary>Outlier rejection. Default none.</summary>
    public RejectionOptions Rejection { get; init; } = RejectionOptions.None;

    /// <summary>Checks the fields together.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A field is out of range, or the breakpoints are not finite and strictly ascending.</exception>
    public void Validate()
    {
        if (Degree is < 1 or > 5) throw new ArgumentOutOfRangeException(nameof(Degree), $"degree {Degree} must lie in 1..5");
        if (Intervals < 1) throw new ArgumentOutOfRangeException(nameof(Intervals), $"intervals {Intervals} must be ≥ 1");
        if (BreakpointSpacing is { } s && (!(s > 0) || !double.IsFinite(s))) throw new ArgumentOutOfRangeException(nameof(BreakpointSpacing), $"breakpoint spacing {s} must be positive and finite");
        if (Breakpoints is { } b)
        {
            if (b.Count < 2) throw new ArgumentOutOfRangeException(nameof(Breakpoints), $"{b.Count} breakpoints: at least two are needed");
            for (var i = 0; i < b.Count; i++)
                if (!double.IsFinite(b[i]) || (i > 0 && !(b[i] > b[i - 1])))
                    throw new ArgumentOutOfRangeException(nameof(Breakpoints), $"breakpoint {i} ({b[i]}) is not finite or not above the one before");
        }
        Rejection.Validate();
    }
}

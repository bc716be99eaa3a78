namespace Parallax.Imaging.Detector;

/// <summary>Which way the overscan level varies, i.e. what one "line" of the overscan is.</summary>
public enum OverscanAxis
{
    /// <summary>From the shapes: a bias section as tall as the data is a serial overscan (<see cref="PerRow"/>), one as wide as the data a parallel one (<see cref="PerColumn"/>).</summary>
    Auto,

    /// <summary>Serial overscan (columns beside the data): one level per row, varying along y (ccdproc's <c>overscan_axis=1</c>).</summary>
    PerRow,

    /// <summary>Parallel overscan (rows above or below the data): one level per column, varying along x (ccdproc's <c>overscan_axis=0</c>).</summary>
    PerColumn,
}

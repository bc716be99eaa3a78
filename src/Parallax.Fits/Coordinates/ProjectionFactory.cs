using Parallax.Fits.Coordinates.Projections;

namespace Parallax.Fits.Coordinates;

/// <summary>Creates the projection for a CTYPE code, taking its parameters PVi_m (i = latitude axis) from a lookup.</summary>
internal static class ProjectionFactory
{
    /// <summary>The codes this library implements.</summary>
    public static readonly IReadOnlyList<string> SupportedCodes = ["TAN", "SIN", "ARC", "ZEA", "STG", "CAR", "MER", "CEA", "SFL", "AIT"];

    /// <summary>The PV indices m each projection reads.</summary>
    public static IReadOnlyList<int> ParameterIndices(string code) => code switch
    {
        "SIN" => [1, 2],
        "CEA" => [1],
        _ => [],
    };

    /// <summary>The projection, or null when the code is not supported.</summary>
    /// <param name="code">Three-letter code.</param>
    /// <param name="parameter">PV value for index m, or null when absent (the projection's default applies).</param>
    /// <exception cref="ArgumentOutOfRangeException">A parameter is out of range for the projection.</exception>
    public static IProjection? Create(string code, Func<int, double?> parameter) => code switch
    {
        "TAN" => new TanProjection(),
        "SIN" => new SinProjection(parameter(1) ?? 0.0, parameter(2) ?? 0.0),
        "ARC" => new ArcProjection(),
        "ZEA" => new ZeaProjection(),
        "STG" => new StgProjection(),
        "CAR" => new CarProjection(),
        "MER" => new MerProjection(),
        "CEA" => new CeaProjection(parameter(1) ?? 1.0),
        "SFL" => new SflProjection(),
        "AIT" => new AitProjection(),
        _ => null,
    };
}

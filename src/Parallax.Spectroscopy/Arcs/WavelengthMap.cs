using Parallax.Spectroscopy.Slits;

namespace Parallax.Spectroscopy.Arcs;

/// <summary>The 2-D wavelength map: the wavelength at the centre of every pixel, from a 1-D solution along the slit centre and the line tilts.</summary>
public static class WavelengthMap
{
    /// <summary>
    /// λ(x, y) = solution(x − Δx(x, y − y_c(x))) in Angstrom for every pixel of a <see cref="SlitEdges.Width"/> ×
    /// <see cref="SlitEdges.Height"/> image (row-major); NaN outside the slit when <paramref name="outsideSlit"/> is false.
    /// </summary>
    public static float[] Build(WavelengthSolution solution, LineTilts tilts, bool outsideSlit = false)
    {
        var edges = tilts.Edges;
        var (w, h) = (edges.Width, edges.Height);
        var map = new float[w * h];
        Parallel.For(0, h, y =>
        {
            for (var x = 0; x < w; x++)
            {
                var p = edges.Position(x, y);
                map[y * w + x] = outsideSlit || p is >= 0 and <= 1 ? (float)solution.Wavelength(tilts.TraceColumn(x, y)) : float.NaN;
            }
        });
        return map;
    }
}

using Parallax.Imaging.Sources;

namespace Parallax.Imaging.Astrometry;

/// <summary>A bucket grid over detected stars' windowed centroids for nearest-neighbour queries within a radius no larger than the cell.</summary>
internal sealed class NeighbourGrid
{
    private readonly Dictionary<(int, int), List<int>> _cells = [];
    private readonly double _cell;

    public NeighbourGrid(List<Source> stars, double cell)
    {
        _cell = cell;
        for (var i = 0; i < stars.Count; i++)
        {
            var key = Key(stars[i].XWin, stars[i].YWin);
            if (!_cells.TryGetValue(key, out var list)) _cells[key] = list = [];
            list.Add(i);
        }
    }

    private (int, int) Key(double x, double y) => ((int)Math.Floor(x / _cell), (int)Math.Floor(y / _cell));

    /// <summary>The nearest star to (x, y) within <paramref name="radius"/> (≤ the cell size): its index and squared distance, or (−1, ∞).</summary>
    public (int Index, double D2) Nearest(List<Source> stars, double x, double y, double radius)
    {
        var (cx, cy) = Key(x, y);
        var best = -1;
        var bestD2 = radius * radius;
        for (var j = cy - 1; j <= cy + 1; j++)
        {
            for (var i = cx - 1; i <= cx + 1; i++)
            {
                if (!_cells.TryGetValue((i, j), out var list)) continue;
                foreach (var k in list)
                {
                    var dx = stars[k].XWin - x;
                    var dy = stars[k].YWin - y;
                    var d2 = dx * dx + dy * dy;
                    if (d2 <= bestD2) (best, bestD2) = (k, d2);
                }
            }
        }
        return best < 0 ? (-1, double.PositiveInfinity) : (best, bestD2);
    }
}

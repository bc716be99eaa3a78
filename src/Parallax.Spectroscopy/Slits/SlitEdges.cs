using Parallax.Imaging;

namespace Parallax.Spectroscopy.Slits;

/// <summary>
/// The two edges of a long slit on the detector (dispersion along x, slit along y), and from them the slit
/// centre, its length, and for every pixel its fractional position along the slit: 0 on the lower edge, 1 on
/// the upper edge, linear in between at each column.
/// </summary>
public sealed class SlitEdges
{
    /// <summary>Creates the slit from its two fitted edges.</summary>
    /// <param name="lower">The edge at smaller rows.</param>
    /// <param name="upper">The edge at larger rows.</param>
    /// <param name="width">Columns of the image the edges were measured on.</param>
    /// <param name="height">Rows of that image.</param>
    public SlitEdges(EdgeTrace lower, EdgeTrace upper, int width, int height)
    {
        Lower = lower;
        Upper = upper;
        Width = width;
        Height = height;
    }

    /// <summary>The edge at smaller rows.</summary>
    public EdgeTrace Lower { get; }

    /// <summary>The edge at larger rows.</summary>
    public EdgeTrace Upper { get; }

    /// <summary>Columns of the image.</summary>
    public int Width { get; }

    /// <summary>Rows of the image.</summary>
    public int Height { get; }

    /// <summary>Row of the slit centre (midway between the edges) at column <paramref name="x"/>.</summary>
    public double CentreRow(double x) => 0.5 * (Lower.RowAt(x) + Upper.RowAt(x));

    /// <summary>Slit length at column <paramref name="x"/>, pixels.</summary>
    public double Length(double x) => Upper.RowAt(x) - Lower.RowAt(x);

    /// <summary>Fractional position along the slit of the point (x, y): 0 on the lower edge, 1 on the upper; outside the slit it is below 0 or above 1.</summary>
    public double Position(double x, double y)
    {
        var lo = Lower.RowAt(x);
        return (y - lo) / (Upper.RowAt(x) - lo);
    }

    /// <summary>
    /// The slit-position map: for every pixel (row-major, <see cref="Width"/> × <see cref="Height"/>) its fractional
    /// position along the slit at the pixel centre, NaN outside the slit (position below 0 or above 1).
    /// </summary>
    public float[] PositionMap()
    {
        var map = new float[Width * Height];
        for (var x = 0; x < Width; x++)
        {
            var lo = Lower.RowAt(x);
            var length = Upper.RowAt(x) - lo;
            for (var y = 0; y < Height; y++)
            {
                var p = (y - lo) / length;
                map[y * Width + x] = p is >= 0 and <= 1 ? (float)p : float.NaN;
            }
        }
        return map;
    }

    /// <summary>
    /// A mask of the slit: <see cref="MaskBits.NoData"/> for pixels whose centre is outside the slit, <see cref="MaskBits.Edge"/>
    /// for pixels within <paramref name="edgeMargin"/> pixels inside an edge (partly lit), zero elsewhere.
    /// </summary>
    /// <param name="edgeMargin">Pixels inside each edge flagged as <see cref="MaskBits.Edge"/> (default 1).</param>
    public ushort[] Mask(double edgeMargin = 1)
    {
        var mask = new ushort[Width * Height];
        for (var x = 0; x < Width; x++)
        {
            var lo = Lower.RowAt(x);
            var hi = Upper.RowAt(x);
            for (var y = 0; y < Height; y++)
            {
                mask[y * Width + x] = y < lo || y > hi ? (ushort)MaskBits.NoData
                    : y < lo + edgeMargin || y > hi - edgeMargin ? (ushort)MaskBits.Edge : (ushort)0;
            }
        }
        return mask;
    }
}

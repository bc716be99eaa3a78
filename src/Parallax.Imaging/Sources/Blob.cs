namespace Parallax.Imaging.Sources;

/// <summary>The pixels of one connected component: coordinates, filtered values and a local grid for neighbour look-ups.</summary>
internal sealed class Blob
{
    public Blob(PixelRun[] runs, float[] filtered, int width)
    {
        var n = 0;
        int xmin = int.MaxValue, xmax = int.MinValue, ymin = int.MaxValue, ymax = int.MinValue;
        foreach (var r in runs)
        {
            n += r.Length;
            xmin = Math.Min(xmin, r.X0);
            xmax = Math.Max(xmax, r.X1);
            ymin = Math.Min(ymin, r.Y);
            ymax = Math.Max(ymax, r.Y);
        }
        X = new int[n];
        Y = new int[n];
        C = new float[n];
        var k = 0;
        foreach (var r in runs)
            for (var x = r.X0; x <= r.X1; x++)
            {
                X[k] = x;
                Y[k] = r.Y;
                C[k++] = filtered[r.Y * width + x];
            }
        XMin = xmin;
        YMin = ymin;
        GridWidth = xmax - xmin + 1;
        GridHeight = ymax - ymin + 1;
    }

    /// <summary>Columns of the pixels.</summary>
    public int[] X { get; }

    /// <summary>Rows of the pixels.</summary>
    public int[] Y { get; }

    /// <summary>Filtered (detection) values of the pixels.</summary>
    public float[] C { get; }

    /// <summary>Pixels in the blob.</summary>
    public int Count => X.Length;

    /// <summary>First column of the bounding box.</summary>
    public int XMin { get; }

    /// <summary>First row of the bounding box.</summary>
    public int YMin { get; }

    /// <summary>Bounding box width.</summary>
    public int GridWidth { get; }

    /// <summary>Bounding box height.</summary>
    public int GridHeight { get; }

    /// <summary>All pixel indices 0..Count−1.</summary>
    public int[] All() => Enumerable.Range(0, Count).ToArray();
}

namespace Parallax.Imaging.Background;

/// <summary>
/// The sky background of an image: a mesh of box values (level and RMS, in the image unit) and the
/// bicubic spline through them that gives every pixel's value, as sep.Background and SExtractor.
/// Box (i, j) is centred on pixel ((i + ½)·BoxWidth − ½, (j + ½)·BoxHeight − ½) (zero-based pixel
/// centres); beyond the outer box centres the spline extrapolates from the last two boxes.
/// </summary>
public sealed class BackgroundModel
{
    private readonly float[] _level;
    private readonly float[] _rms;
    private readonly float[] _levelSecond;
    private readonly float[] _rmsSecond;
    private readonly Lazy<(int[] Lower, float[] Weights)> _columnWeights;

    internal BackgroundModel(int width, int height, int boxWidth, int boxHeight, int nodesX, int nodesY, float[] level, float[] rms)
    {
        Width = width;
        Height = height;
        BoxWidth = boxWidth;
        BoxHeight = boxHeight;
        NodesX = nodesX;
        NodesY = nodesY;
        _level = level;
        _rms = rms;
        GlobalLevel = MedianOf(level);
        GlobalRms = MedianOf(rms);
        if (!(GlobalRms > 0))
        {
            // A mesh of zero RMS (a constant image) would make every threshold zero: fall back on the
            // positive boxes, or 1, as SExtractor does.
            var positive = rms.Where(v => v > 0).ToArray();
            GlobalRms = positive.Length > 0 ? MedianOf(positive) : 1f;
        }
        _columnWeights = new(ColumnWeights);
        _levelSecond = ColumnSecondDerivatives(level);
        _rmsSecond = ColumnSecondDerivatives(rms);
    }

    /// <summary>Image columns.</summary>
    public int Width { get; }

    /// <summary>Image rows.</summary>
    public int Height { get; }

    /// <summary>Box width in pixels.</summary>
    public int BoxWidth { get; }

    /// <summary>Box height in pixels.</summary>
    public int BoxHeight { get; }

    /// <summary>Boxes along x (⌈Width / BoxWidth⌉).</summary>
    public int NodesX { get; }

    /// <summary>Boxes along y.</summary>
    public int NodesY { get; }

    /// <summary>Filtered box levels (image unit), NodesX × NodesY, row by row.</summary>
    public ReadOnlySpan<float> MeshLevel => _level;

    /// <summary>Filtered box RMS (image unit), NodesX × NodesY, row by row.</summary>
    public ReadOnlySpan<float> MeshRms => _rms;

    /// <summary>Median of the box levels (sep's <c>globalback</c>), in the image unit.</summary>
    public float GlobalLevel { get; }

    /// <summary>Median of the box RMS values (sep's <c>globalrms</c>), in the image unit; positive.</summary>
    public float GlobalRms { get; }

    /// <summary>Writes the background level of row <paramref name="y"/> into <paramref name="destination"/> (Width values).</summary>
    public void LevelRow(int y, Span<float> destination) => EvaluateRow(_level, _levelSecond, y, destination);

    /// <summary>Writes the background RMS of row <paramref name="y"/> into <paramref name="destination"/> (Width values).</summary>
    public void RmsRow(int y, Span<float> destination) => EvaluateRow(_rms, _rmsSecond, y, destination);

    /// <summary>The full-resolution background level, Width × Height, row by row.</summary>
    public float[] LevelImage() => Evaluate(_level, _levelSecond);

    /// <summary>The full-resolution background RMS, Width × Height, row by row.</summary>
    public float[] RmsImage() => Evaluate(_rms, _rmsSecond);

    /// <summary>Background level at one pixel (zero-based, pixel centres at integers).</summary>
    public float LevelAt(int x, int y)
    {
        Span<float> row = Width <= 4096 ? stackalloc float[Width] : new float[Width];
        LevelRow(y, row);
        return row[x];
    }

    /// <summary>
    /// A copy of <paramref name="image"/> with the background level subtracted from the data; variance
    /// and mask are copied unchanged (the model's own uncertainty is negligible next to the pixel noise).
    /// </summary>
    /// <exception cref="ArgumentException">The image is not the size the model was made for.</exception>
    public MaskedImage Subtract(MaskedImage image)
    {
        ArgumentNullException.ThrowIfNull(image);
        if (image.Width != Width || image.Height != Height) throw new ArgumentException($"image is {image.Width}×{image.Height} but the background was made for {Width}×{Height}", nameof(image));
        var result = image.Clone();
        SubtractFrom(result.Data);
        return result;
    }

    /// <summary>Subtracts the background level in place from Width × Height values, row by row (row-parallel).</summary>
    public void SubtractFrom(float[] data)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (data.Length != Width * Height) throw new ArgumentException($"{data.Length} values given for a {Width}×{Height} background", nameof(data));
        Rows.For(Height, Width, (y0, y1) =>
        {
            var row = new float[Width];
            for (var y = y0; y < y1; y++)
            {
                LevelRow(y, row);
                System.Numerics.Tensors.TensorPrimitives.Subtract(data.AsSpan(y * Width, Width), row, data.AsSpan(y * Width, Width));
            }
        });
    }

    private float[] Evaluate(float[] nodes, float[] second)
    {
        var result = new float[Width * Height];
        Rows.For(Height, Width, (y0, y1) =>
        {
            for (var y = y0; y < y1; y++) EvaluateRow(nodes, second, y, result.AsSpan(y * Width, Width));
        });
        return result;
    }

    /// <summary>Bicubic spline: along y at each mesh column, then a natural spline along x through those values.</summary>
    private void EvaluateRow(float[] nodes, float[] second, int y, Span<float> destination)
    {
        if ((uint)y >= (uint)Height) throw new ArgumentOutOfRangeException(nameof(y), $"row {y} is outside 0..{Height - 1}");
        if (destination.Length < Width) throw new ArgumentException($"destination holds {destination.Length} values, fewer than the width {Width}", nameof(destination));
        var nx = NodesX;
        Span<float> node = nx <= 1024 ? stackalloc float[nx] : new float[nx];
        Span<float> nodeSecond = nx <= 1024 ? stackalloc float[nx] : new float[nx];
        Span<float> scratch = nx <= 1024 ? stackalloc float[nx] : new float[nx];
        if (NodesY > 1)
        {
            var (yl, dy) = Locate(y, BoxHeight, NodesY);
            var cdy = 1 - dy;
            var dy3 = dy * dy * dy - dy;
            var cdy3 = cdy * cdy * cdy - cdy;
            var lo = yl * nx;
            var hi = lo + nx;
            for (var i = 0; i < nx; i++)
                node[i] = cdy * nodes[lo + i] + dy * nodes[hi + i] + cdy3 * second[lo + i] + dy3 * second[hi + i];
        }
        else
        {
            nodes.AsSpan(0, nx).CopyTo(node);
        }
        if (nx == 1)
        {
            destination[..Width].Fill(node[0]);
            return;
        }
        NaturalSpline.SecondDerivatives(node, nodeSecond, nx, 1, scratch);
        // The x weights are the same on every row: computed once per model (ColumnWeights).
        var (lower, weights) = _columnWeights.Value;
        for (var x = 0; x < Width; x++)
        {
            var xl = lower[x];
            var w = weights.AsSpan(4 * x, 4);
            destination[x] = w[0] * node[xl] + w[1] * node[xl + 1] + w[2] * nodeSecond[xl] + w[3] * nodeSecond[xl + 1];
        }
    }

    /// <summary>For each column: the lower mesh node and the four spline weights (node, next node, their second derivatives).</summary>
    private (int[] Lower, float[] Weights) ColumnWeights()
    {
        var lower = new int[Width];
        var weights = new float[4 * Width];
        var inv = 1f / BoxWidth;
        for (var x = 0; x < Width; x++)
        {
            var u = (x + 0.5f) * inv - 0.5f;
            var xl = (int)MathF.Floor(u);
            if (xl < 0) xl = 0;
            else if (xl > NodesX - 2) xl = Math.Max(0, NodesX - 2);
            var dx = u - xl;
            var cdx = 1 - dx;
            lower[x] = xl;
            weights[4 * x] = cdx;
            weights[4 * x + 1] = dx;
            weights[4 * x + 2] = cdx * (cdx * cdx - 1);
            weights[4 * x + 3] = dx * (dx * dx - 1);
        }
        return (lower, weights);
    }

    /// <summary>The lower mesh node and the fraction towards the next for pixel coordinate p (pixel centres at integers).</summary>
    private static (int Lower, float Fraction) Locate(int p, int box, int nodes)
    {
        var u = (p + 0.5f) / box - 0.5f;
        var l = (int)MathF.Floor(u);
        if (l < 0) l = 0;
        else if (l > nodes - 2) l = nodes - 2;
        return (l, u - l);
    }

    private float[] ColumnSecondDerivatives(float[] nodes)
    {
        var result = new float[nodes.Length];
        var scratch = new float[Math.Max(1, NodesY)];
        for (var x = 0; x < NodesX; x++)
            NaturalSpline.SecondDerivatives(nodes.AsSpan(x), result.AsSpan(x), NodesY, NodesX, scratch);
        return result;
    }

    private static float MedianOf(float[] values)
    {
        var copy = (float[])values.Clone();
        Array.Sort(copy);
        var n = copy.Length;
        if (n == 0) return 0;
        return n % 2 == 1 ? copy[n / 2] : (copy[n / 2 - 1] + copy[n / 2]) / 2f;
    }
}

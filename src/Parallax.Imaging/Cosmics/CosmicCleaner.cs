namespace Parallax.Imaging.Cosmics;

/// <summary>
/// Replaces flagged pixels from their 5 × 5 neighbourhood, in place. Only flagged pixels are
/// written and flagged pixels are never read (except by <see cref="CleanType.Median"/>, which reads
/// a separate median image), so rows can run in parallel. Pixels within 2 of the edge are left alone.
/// </summary>
internal static class CosmicCleaner
{
    /// <summary>Half-size of the replacement window.</summary>
    public const int Radius = 2;

    /// <summary>Inverse distances of the 5 × 5 window (0 at its centre, which is always excluded).</summary>
    private static readonly float[] InverseDistance = BuildInverseDistance();

    /// <summary>
    /// Replaces every pixel with <paramref name="cosmic"/> set. Good neighbours are those with neither
    /// <paramref name="cosmic"/> nor <paramref name="excluded"/> set; <paramref name="background"/>
    /// stands in when there are none. <paramref name="median5"/> is the 5 × 5 median of the image
    /// (needed for <see cref="CleanType.Median"/> only).
    /// </summary>
    public static void Clean(CleanType type, float[] image, byte[] cosmic, byte[] excluded, float[]? median5, int width, int height, float background)
        => RowBand.For(width, height, (y0, y1) =>
        {
            Span<float> good = stackalloc float[25];
            for (var y = Math.Max(y0, Radius); y < Math.Min(y1, height - Radius); y++)
            {
                for (var x = Radius; x < width - Radius; x++)
                {
                    var p = y * width + x;
                    if (cosmic[p] == 0) continue;
                    image[p] = type == CleanType.Median ? median5![p] : Replacement(type, image, cosmic, excluded, width, p, background, good);
                }
            }
        });

    /// <summary>True when pixel (x, y) lies where <see cref="Clean"/> replaces flagged pixels.</summary>
    public static bool IsCleanable(int x, int y, int width, int height)
        => x >= Radius && x < width - Radius && y >= Radius && y < height - Radius;

    /// <summary>
    /// The variance of the value <see cref="Clean"/> put at pixel p, from the variances of the pixels it
    /// combined (σ² of a weighted mean; ×π/2 for a median, its efficiency on Gaussian noise); the
    /// pixel's own variance when no neighbour was good.
    /// </summary>
    public static float ReplacementVariance(CleanType type, float[] variance, byte[] cosmic, byte[] excluded, int width, int p)
    {
        double sumW = 0, sumW2V = 0;
        for (var dy = -Radius; dy <= Radius; dy++)
        {
            for (var dx = -Radius; dx <= Radius; dx++)
            {
                var q = p + dy * width + dx;
                var isGood = type == CleanType.Median || (cosmic[q] == 0 && excluded[q] == 0);
                if (!isGood) continue;
                double w = type == CleanType.Idw ? InverseDistance[(dy + Radius) * 5 + dx + Radius] : 1.0;
                if (w == 0 && type == CleanType.Idw) continue;
                sumW += w;
                sumW2V += w * w * variance[q];
            }
        }
        if (sumW == 0) return variance[p];
        var v = sumW2V / (sumW * sumW);
        return (float)(type is CleanType.MedMask or CleanType.Median ? v * Math.PI / 2 : v);
    }

    private static float Replacement(CleanType type, float[] image, byte[] cosmic, byte[] excluded, int width, int p, float background, Span<float> good)
    {
        var n = 0;
        double sum = 0, sumW = 0;
        for (var dy = -Radius; dy <= Radius; dy++)
        {
            var row = p + dy * width;
            for (var dx = -Radius; dx <= Radius; dx++)
            {
                var q = row + dx;
                if (cosmic[q] != 0 || excluded[q] != 0) continue;
                var v = image[q];
                switch (type)
                {
                    case CleanType.Idw:
                        var w = InverseDistance[(dy + Radius) * 5 + dx + Radius];
                        sum += w * v;
                        sumW += w;
                        break;
                    case CleanType.MedMask:
                        good[n] = v;
                        break;
                    default:
                        sum += v;
                        break;
                }
                n++;
            }
        }
        if (n == 0) return background;
        return type switch
        {
            CleanType.Idw => (float)(sum / sumW),
            // The lower middle value for an even count, as the reference implementation does.
            CleanType.MedMask => Statistics.Selection.Select(good[..n], (n - 1) / 2),
            _ => (float)(sum / n),
        };
    }

    private static float[] BuildInverseDistance()
    {
        var w = new float[25];
        for (var dy = -Radius; dy <= Radius; dy++)
            for (var dx = -Radius; dx <= Radius; dx++)
                w[(dy + Radius) * 5 + dx + Radius] = dx == 0 && dy == 0 ? 0f : (float)(1 / Math.Sqrt(dx * dx + dy * dy));
        return w;
    }
}

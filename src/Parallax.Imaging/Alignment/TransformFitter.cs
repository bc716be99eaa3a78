namespace Parallax.Imaging.Alignment;

/// <summary>Least-squares fits of a <see cref="AffineTransform2D"/> to point pairs (source → target).</summary>
public static class TransformFitter
{
    /// <summary>
    /// Fits a transform of the given model to pairs of points, minimising Σ |T(sourceᵢ) − targetᵢ|². A similarity is
    /// solved in closed form (Umeyama style, after removing the centroids), proper and, when allowed, mirrored; the
    /// one with the smaller residual wins. An affine solves two 3 × 3 normal systems.
    /// </summary>
    /// <param name="source">Source points (x, y).</param>
    /// <param name="target">Target points, same count.</param>
    /// <param name="model">Similarity or affine.</param>
    /// <param name="allowFlip">For a similarity, whether the mirrored solution may be chosen.</param>
    /// <returns>The transform, or null when the points are too few (similarity 2, affine 3) or degenerate (all at one place, collinear for an affine).</returns>
    public static AffineTransform2D? Fit(ReadOnlySpan<(double X, double Y)> source, ReadOnlySpan<(double X, double Y)> target, TransformModel model, bool allowFlip = true)
    {
        if (source.Length != target.Length) throw new ArgumentException($"{source.Length} source points but {target.Length} target points");
        var n = source.Length;
        if (n < (model == TransformModel.Affine ? 3 : 2)) return null;
        double sx = 0, sy = 0, tx = 0, ty = 0;
        for (var i = 0; i < n; i++) { sx += source[i].X; sy += source[i].Y; tx += target[i].X; ty += target[i].Y; }
        sx /= n; sy /= n; tx /= n; ty /= n;
        double suu = 0, svv = 0, suv = 0, uu1 = 0, vv1 = 0, uv1 = 0, vu1 = 0;
        for (var i = 0; i < n; i++)
        {
            var u = source[i].X - sx; var v = source[i].Y - sy;
            var u1 = target[i].X - tx; var v1 = target[i].Y - ty;
            suu += u * u; svv += v * v; suv += u * v;
            uu1 += u * u1; vv1 += v * v1; uv1 += u * v1; vu1 += v * u1;
        }
        double a, b, c, d;
        if (model == TransformModel.Similarity)
        {
            var norm = suu + svv;
            if (!(norm > 0)) return null;
            // Proper: x' = a u − b v, y' = b u + a v.  Mirrored: x' = a u + b v, y' = b u − a v.
            var pa = (uu1 + vv1) / norm; var pb = (uv1 - vu1) / norm;
            var ma = (uu1 - vv1) / norm; var mb = (uv1 + vu1) / norm;
            // Residual sum of squares = Σ|t|² − norm·(a² + b²) for each; the larger a² + b² fits better.
            if (allowFlip && ma * ma + mb * mb > pa * pa + pb * pb) { a = ma; b = mb; c = mb; d = -ma; }
            else { a = pa; b = -pb; c = pb; d = pa; }
        }
        else
        {
            var det = suu * svv - suv * suv;
            if (!(det > 1e-12 * suu * svv)) return null; // collinear (or coincident) points fix no affine
            a = (uu1 * svv - vu1 * suv) / det;
            b = (vu1 * suu - uu1 * suv) / det;
            c = (uv1 * svv - vv1 * suv) / det;
            d = (vv1 * suu - uv1 * suv) / det;
        }
        return new AffineTransform2D(a, b, c, d, tx - (a * sx + b * sy), ty - (c * sx + d * sy));
    }
}

namespace Parallax.Imaging.Alignment;

/// <summary>
/// A 2-D affine transform of pixel positions: x' = A·x + B·y + Tx, y' = C·x + D·y + Ty. A similarity is the special
/// case A = s·cos θ, C = s·sin θ with B = −C, D = A (proper) or B = C, D = −A (flipped: y mirrored first, then rotated).
/// </summary>
/// <param name="A">∂x'/∂x.</param>
/// <param name="B">∂x'/∂y.</param>
/// <param name="C">∂y'/∂x.</param>
/// <param name="D">∂y'/∂y.</param>
/// <param name="Tx">x' of the origin, pixels.</param>
/// <param name="Ty">y' of the origin, pixels.</param>
public readonly record struct AffineTransform2D(double A, double B, double C, double D, double Tx, double Ty)
{
    /// <summary>The identity.</summary>
    public static AffineTransform2D Identity => new(1, 0, 0, 1, 0, 0);

    /// <summary>A similarity: optional mirror of y, then scale and rotate by <paramref name="rotationDegrees"/> (counter-clockwise from +x towards +y), then shift.</summary>
    public static AffineTransform2D Similarity(double scale, double rotationDegrees, double tx, double ty, bool flipped = false)
    {
        var (s, c) = Math.SinCos(rotationDegrees * Math.PI / 180.0);
        return flipped ? new(scale * c, scale * s, scale * s, -scale * c, tx, ty) : new(scale * c, -scale * s, scale * s, scale * c, tx, ty);
    }

    /// <summary>Determinant A·D − B·C: the area ratio, negative for a flip.</summary>
    public double Determinant => A * D - B * C;

    /// <summary>True when the transform mirrors (negative determinant).</summary>
    public bool IsFlipped => Determinant < 0;

    /// <summary>The mean linear scale, sqrt(|det|).</summary>
    public double Scale => Math.Sqrt(Math.Abs(Determinant));

    /// <summary>Rotation angle in degrees, (−180, 180]: atan2(C, A) (for a flipped similarity, the rotation applied after mirroring y).</summary>
    public double RotationDegrees => Math.Atan2(C, A) * 180.0 / Math.PI;

    /// <summary>The transformed position.</summary>
    public (double X, double Y) Apply(double x, double y) => (A * x + B * y + Tx, C * x + D * y + Ty);

    /// <summary>The inverse transform.</summary>
    /// <exception cref="InvalidOperationException">The transform is singular.</exception>
    public AffineTransform2D Inverse()
    {
        var det = Determinant;
        if (det == 0 || !double.IsFinite(det)) throw new InvalidOperationException("the transform is singular and has no inverse");
        var ia = D / det; var ib = -B / det; var ic = -C / det; var id = A / det;
        return new(ia, ib, ic, id, -(ia * Tx + ib * Ty), -(ic * Tx + id * Ty));
    }

    /// <inheritdoc/>
    public override string ToString()
        => FormattableString.Invariant($"[{A:G6} {B:G6} {Tx:G6}; {C:G6} {D:G6} {Ty:G6}] (scale {Scale:G6}, rotation {RotationDegrees:0.####} deg{(IsFlipped ? ", flipped" : "")})");
}

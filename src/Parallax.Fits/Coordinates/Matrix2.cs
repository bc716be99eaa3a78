namespace Parallax.Fits.Coordinates;

/// <summary>A 2 x 2 matrix in row-major order (M12 is row 1, column 2), for the WCS linear transformation.</summary>
internal readonly record struct Matrix2(double M11, double M12, double M21, double M22)
{
    public static Matrix2 Identity => new(1.0, 0.0, 0.0, 1.0);

    public double Determinant => M11 * M22 - M12 * M21;

    public Matrix2 Inverse()
    {
        var d = Determinant;
        return new Matrix2(M22 / d, -M12 / d, -M21 / d, M11 / d);
    }

    /// <summary>diag(s1, s2) times this matrix: row i scaled by s_i, as CDELT scales PC.</summary>
    public Matrix2 ScaleRows(double s1, double s2) => new(s1 * M11, s1 * M12, s2 * M21, s2 * M22);

    public (double M11, double M12, double M21, double M22) ToTuple() => (M11, M12, M21, M22);
}

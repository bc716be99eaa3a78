using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.LinearAlgebra.Factorization;

namespace Parallax.Imaging.Fitting;

/// <summary>
/// Weighted linear least squares by a thin Householder QR of the weighted design matrix, which keeps
/// the conditioning of the problem (normal equations would square it).
/// </summary>
internal static class LeastSquares
{
    /// <summary>
    /// Solves min Σ (w<sub>i</sub>(y<sub>i</sub> − Σ<sub>k</sub> A<sub>ik</sub> c<sub>k</sub>))² over the rows in use.
    /// </summary>
    /// <param name="rows">Rows in use.</param>
    /// <param name="columns">Coefficients.</param>
    /// <param name="fillRow">Writes row r's basis values (unweighted) into the span and returns (y, w) for it.</param>
    /// <exception cref="InvalidOperationException">The design is rank deficient (too few distinct points for the order).</exception>
    public static double[] Solve(int rows, int columns, RowFiller fillRow)
    {
        var design = new double[rows * columns];
        var rhs = new double[rows];
        var row = new double[columns];
        for (var r = 0; r < rows; r++)
        {
            var (y, w) = fillRow(r, row);
            for (var c = 0; c < columns; c++) design[c * rows + r] = w * row[c];
            rhs[r] = w * y;
        }
        var a = Matrix<double>.Build.Dense(rows, columns, design);
        var qr = a.QR(QRMethod.Thin);
        if (!qr.IsFullRank)
            throw new InvalidOperationException($"the least-squares problem is rank deficient: {rows} points do not determine {columns} coefficients (too few distinct abscissae for the order)");
        var solution = qr.Solve(Vector<double>.Build.Dense(rhs)).ToArray();
        foreach (var s in solution)
            if (!double.IsFinite(s)) throw new InvalidOperationException("the least-squares solution is not finite (the problem is singular)");
        return solution;
    }

    /// <summary>Writes one row of the design into <paramref name="basis"/> and returns its value and weight.</summary>
    public delegate (double Y, double Weight) RowFiller(int row, Span<double> basis);
}

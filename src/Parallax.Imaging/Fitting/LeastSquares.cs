using System.Buffers;
using System.Numerics.Tensors;

namespace Parallax.Imaging.Fitting;

/// <summary>
/// Weighted linear least squares by Householder QR of the weighted design matrix, which keeps the
/// conditioning of the problem (normal equations would square it). Column-major, in place, O(m·n²):
/// a few hundred microseconds for 4096 points and a handful of coefficients.
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
        if (rows < columns) throw new InvalidOperationException($"{rows} points cannot determine {columns} coefficients");
        // Pooled: a fresh large-object-heap array per fit costs page faults that dwarf the QR itself.
        var a = ArrayPool<double>.Shared.Rent(rows * columns);
        var b = ArrayPool<double>.Shared.Rent(rows);
        try
        {
            return Factor(rows, columns, fillRow, a, b);
        }
        finally
        {
            ArrayPool<double>.Shared.Return(a);
            ArrayPool<double>.Shared.Return(b);
        }
    }

    private static double[] Factor(int rows, int columns, RowFiller fillRow, double[] a, double[] b)
    {
        var row = new double[columns];
        for (var r = 0; r < rows; r++)
        {
            var (y, w) = fillRow(r, row);
            for (var c = 0; c < columns; c++) a[c * rows + r] = w * row[c];
            b[r] = w * y;
        }
        var diagonal = new double[columns];
        for (var k = 0; k < columns; k++)
        {
            var col = a.AsSpan(k * rows, rows);
            var norm = TensorPrimitives.Norm<double>(col[k..]);
            if (norm == 0) throw Deficient(rows, columns);
            var alpha = col[k] > 0 ? -norm : norm;
            // Householder vector v = x − alpha·e_k stored in place of the column; H = I − 2vvᵀ/(vᵀv).
            col[k] -= alpha;
            var vtv = TensorPrimitives.Dot<double>(col[k..], col[k..]);
            diagonal[k] = alpha;
            if (vtv == 0) continue;
            for (var j = k + 1; j < columns; j++)
                Reflect(col, a.AsSpan(j * rows, rows), k, vtv);
            Reflect(col, b.AsSpan(0, rows), k, vtv);
        }
        var largest = diagonal.Max(Math.Abs);
        var x = new double[columns];
        for (var k = columns - 1; k >= 0; k--)
        {
            if (!(Math.Abs(diagonal[k]) > 1e-13 * largest)) throw Deficient(rows, columns);
            var s = b[k];
            for (var j = k + 1; j < columns; j++) s -= a[j * rows + k] * x[j];
            x[k] = s / diagonal[k];
        }
        foreach (var s in x)
            if (!double.IsFinite(s)) throw new InvalidOperationException("the least-squares solution is not finite (the problem is singular)");
        return x;
    }

    private static void Reflect(ReadOnlySpan<double> v, Span<double> target, int k, double vtv)
    {
        var f = -2 * TensorPrimitives.Dot(v[k..], target[k..]) / vtv;
        TensorPrimitives.MultiplyAdd(v[k..], f, target[k..], target[k..]);
    }

    private static InvalidOperationException Deficient(int rows, int columns)
        => new($"the least-squares problem is rank deficient: {rows} points do not determine {columns} coefficients (too few distinct abscissae for the order)");

    /// <summary>Writes one row of the design into <paramref name="basis"/> and returns its value and weight.</summary>
    public delegate (double Y, double Weight) RowFiller(int row, Span<double> basis);
}

namespace Parallax.Simulation.Models;

/// <summary>A column (or part of one) with a reduced response; part of the true flat field.</summary>
public sealed record BadColumnModel
{
    /// <summary>Trimmed column, zero-based, unbinned.</summary>
    public int Column { get; init; }

    /// <summary>Relative response: 0 for a dead column, 1 for a normal one.</summary>
    public double Response { get; init; }

    /// <summary>First and last affected row, zero-based, inclusive, unbinned; empty for the whole column.</summary>
    public int[] Rows { get; init; } = [];

    internal void Validate(int columns, int rows)
    {
        ModelCheck.Range(Column, 0, columns - 1, "detector.bad_columns.column");
        ModelCheck.Range(Response, 0, 1, "detector.bad_columns.response");
        if (Rows.Length != 0 && (Rows.Length != 2 || Rows[0] < 0 || Rows[1] >= rows || Rows[1] < Rows[0]))
            throw new InvalidModelException($"detector.bad_columns[{Column}].rows must be [first, last] within 0..{rows - 1}");
    }
}

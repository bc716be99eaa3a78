namespace Parallax.Spectroscopy.Rectification;

/// <summary>The output grid of <see cref="Rectifier"/>: linear in wavelength and in fractional slit position. Every field left at 0 is derived from the data.</summary>
public sealed record RectificationOptions
{
    /// <summary>The default options (grid derived from the map and the slit).</summary>
    public static RectificationOptions Default { get; } = new();

    /// <summary>Wavelength of the first output column's lower edge, Angstrom (0: the smallest wavelength in the slit).</summary>
    public double WavelengthStart { get; init; }

    /// <summary>Angstrom per output column (0: the median dispersion along the slit centre, one column per detector column).</summary>
    public double WavelengthStep { get; init; }

    /// <summary>Output columns (0: enough to reach the largest wavelength in the slit).</summary>
    public int Columns { get; init; }

    /// <summary>Output rows spanning the slit from its lower (0) to its upper (1) edge (0: the mean slit length in pixels, rounded).</summary>
    public int Rows { get; init; }

    /// <summary>Checks the fields together.</summary>
    /// <exception cref="ArgumentException">A field is out of its range.</exception>
    public void Validate()
    {
        if (!(WavelengthStart >= 0)) throw new ArgumentException($"WavelengthStart {WavelengthStart} must not be negative");
        if (!(WavelengthStep >= 0)) throw new ArgumentException($"WavelengthStep {WavelengthStep} must not be negative");
        if (Columns < 0) throw new ArgumentException($"Columns {Columns} must not be negative");
        if (Rows < 0) throw new ArgumentException($"Rows {Rows} must not be negative");
    }
}

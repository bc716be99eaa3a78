namespace Parallax.Simulation.Models;

/// <summary>
/// A CCD: geometry, amplifiers, noise, dark current, defects, cosmic rays and the converter. Pixel
/// coordinates are zero-based and unbinned, x along NAXIS1 (columns) and y along NAXIS2 (rows), in the
/// trimmed (light-sensitive) area unless a field says otherwise.
/// </summary>
public sealed record DetectorModel
{
    /// <summary>Detector name (DETECTOR).</summary>
    public string Name { get; init; } = "SIM-CCD";

    /// <summary>Light-sensitive columns (x).</summary>
    public int Columns { get; init; } = 2048;

    /// <summary>Light-sensitive rows (y).</summary>
    public int Rows { get; init; } = 2048;

    /// <summary>Pixel pitch, micrometres (sets the cosmic-ray rate per pixel).</summary>
    public double PixelSize { get; init; } = 15;

    /// <summary>Serial overscan columns read after each amplifier's data, unbinned.</summary>
    public int Overscan { get; init; } = 32;

    /// <summary>Full well, electrons per pixel; charge above it bleeds along the column.</summary>
    public double FullWell { get; init; } = 110000;

    /// <summary>Largest value the analogue-to-digital converter writes, ADU (65535 for 16 bits).</summary>
    public int AdcMax { get; init; } = 65535;

    /// <summary>Dark current of a normal pixel, electrons per second.</summary>
    public double DarkCurrent { get; init; } = 0.003;

    /// <summary>Pixel response non-uniformity, fractional rms (part of the true flat).</summary>
    public double Prnu { get; init; } = 0.008;

    /// <summary>
    /// Non-linearity coefficients [c2, c3]: a raw signal of a linear ADU above bias is written as
    /// a + c2·a² + c3·a³ (c2 in ADU⁻¹, c3 in ADU⁻²). [0, 0] is a linear detector.
    /// </summary>
    public double[] Nonlinearity { get; init; } = [0, 0];

    /// <summary>Operating temperature, degrees Celsius (CCDTEMP).</summary>
    public double Temperature { get; init; } = -110;

    /// <summary>Seed of the fixed pattern (PRNU, hot pixels, bias columns, dust): the same every night, as on a real detector.</summary>
    public ulong PatternSeed { get; init; } = 1;

    /// <summary>Hot pixels.</summary>
    public HotPixelModel HotPixels { get; init; } = new();

    /// <summary>Columns with a reduced response.</summary>
    public IReadOnlyList<BadColumnModel> BadColumns { get; init; } = [];

    /// <summary>Cosmic rays.</summary>
    public CosmicRayModel CosmicRays { get; init; } = new();

    /// <summary>Output amplifiers; together they read every column once.</summary>
    public IReadOnlyList<AmplifierModel> Amplifiers { get; init; } = [];

    internal void Validate()
    {
        ModelCheck.Range(Columns, 8, 16384, "detector.columns");
        ModelCheck.Range(Rows, 8, 16384, "detector.rows");
        ModelCheck.Positive(PixelSize, "detector.pixel_size");
        ModelCheck.Range(Overscan, 0, 1024, "detector.overscan");
        ModelCheck.Positive(FullWell, "detector.full_well");
        ModelCheck.Range(AdcMax, 255, 65535, "detector.adc_max");
        ModelCheck.NonNegative(DarkCurrent, "detector.dark_current");
        ModelCheck.Range(Prnu, 0, 0.5, "detector.prnu");
        if (Nonlinearity is not { Length: 2 }) throw new InvalidModelException("detector.nonlinearity must be [c2, c3]");
        HotPixels.Validate();
        CosmicRays.Validate();
        foreach (var b in BadColumns) b.Validate(Columns, Rows);
        if (Amplifiers.Count == 0) throw new InvalidModelException("detector.amplifiers: at least one amplifier is needed");
        var covered = new int[Columns];
        foreach (var a in Amplifiers)
        {
            a.Validate(Columns);
            for (var x = a.Columns[0]; x <= a.Columns[1]; x++) covered[x]++;
        }
        var wrong = Array.FindIndex(covered, c => c != 1);
        if (wrong >= 0) throw new InvalidModelException($"detector.amplifiers: column {wrong} is read by {covered[wrong]} amplifiers, not exactly one");
        if (Amplifiers.Select(a => a.Name).Distinct().Count() != Amplifiers.Count) throw new InvalidModelException("detector.amplifiers: names must differ");
    }
}

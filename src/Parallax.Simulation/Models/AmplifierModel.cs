namespace Parallax.Simulation.Models;

/// <summary>One output amplifier: which columns it reads, its gain, noise and bias.</summary>
public sealed record AmplifierModel
{
    /// <summary>Name, a single letter used as the keyword suffix (GAINA, BIASSECA ...).</summary>
    public string Name { get; init; } = "A";

    /// <summary>First and last trimmed (light-sensitive) column it reads, zero-based, inclusive, unbinned.</summary>
    public int[] Columns { get; init; } = [];

    /// <summary>Where its serial overscan columns sit in the raw frame: <c>left</c> or <c>right</c> of its data.</summary>
    public string OverscanSide { get; init; } = "left";

    /// <summary>Gain, electrons per ADU.</summary>
    public double Gain { get; init; } = 1.5;

    /// <summary>Read noise, electrons rms.</summary>
    public double ReadNoise { get; init; } = 5;

    /// <summary>Mean bias level, ADU.</summary>
    public double Bias { get; init; } = 1000;

    /// <summary>Change of the bias level from the first row to the last, ADU (seen in the overscan too).</summary>
    public double BiasRowRamp { get; init; }

    /// <summary>Rms of the fixed column-to-column bias offsets in the data area, ADU (2-D structure the overscan cannot remove).</summary>
    public double BiasColumnRms { get; init; }

    /// <summary>Amplitude of the bias roll-off in the first data columns after the overscan, ADU (decays over ~8 columns).</summary>
    public double BiasRolloff { get; init; }

    /// <summary>Rms of the frame-to-frame bias level, ADU (the same in data and overscan: the overscan removes it).</summary>
    public double BiasJitter { get; init; }

    internal void Validate(int columns)
    {
        var f = $"detector.amplifiers[{Name}]";
        if (Name is not { Length: 1 } || !char.IsAsciiLetterUpper(Name[0])) throw new InvalidModelException($"{f}.name must be one capital letter");
        if (Columns is not { Length: 2 } || Columns[0] < 0 || Columns[1] >= columns || Columns[1] < Columns[0])
            throw new InvalidModelException($"{f}.columns must be [first, last] within 0..{columns - 1}");
        if (OverscanSide is not ("left" or "right")) throw new InvalidModelException($"{f}.overscan_side must be left or right, not '{OverscanSide}'");
        ModelCheck.Positive(Gain, $"{f}.gain");
        ModelCheck.NonNegative(ReadNoise, $"{f}.read_noise");
        ModelCheck.Range(Bias, 0, 60000, $"{f}.bias");
        ModelCheck.NonNegative(BiasColumnRms, $"{f}.bias_column_rms");
        ModelCheck.NonNegative(BiasJitter, $"{f}.bias_jitter");
    }
}

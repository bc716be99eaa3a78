using System.Globalization;
using Parallax.Simulation.Models;

namespace Parallax.Simulation.Plans;

/// <summary>
/// What to observe in one night: evening calibrations, science targets, morning calibrations. Frames
/// follow each other with <see cref="Overhead"/> seconds between them from <see cref="Start"/>.
/// </summary>
public sealed record NightPlan
{
    /// <summary>Instrument model the plan is for (optional in a plan file; the command line's wins when both are given).</summary>
    public string? Instrument { get; init; }

    /// <summary>UTC start of the first frame, ISO 8601 (e.g. 2025-03-16T01:00:00).</summary>
    public string Start { get; init; } = "2025-03-16T01:00:00";

    /// <summary>UTC time before which the science does not start (waiting after the calibrations for the dark), ISO 8601; optional.</summary>
    public string? ScienceStart { get; init; }

    /// <summary>On-chip binning, the same along both axes (1, 2, 4 ...).</summary>
    public int Binning { get; init; } = 1;

    /// <summary>Seconds between the end of one exposure and the start of the next (readout and setup); slews add 60 s.</summary>
    public double Overhead { get; init; } = 30;

    /// <summary>Calibrations before the science.</summary>
    public IReadOnlyList<CalibrationBlock> Calibrations { get; init; } = [];

    /// <summary>Science targets, in order.</summary>
    public IReadOnlyList<ScienceBlock> Science { get; init; } = [];

    /// <summary>Calibrations after the science.</summary>
    public IReadOnlyList<CalibrationBlock> Morning { get; init; } = [];

    /// <summary>The start as a UTC time.</summary>
    public DateTime StartUtc => DateTime.Parse(Start, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);

    /// <summary>The science start as a UTC time, or null.</summary>
    public DateTime? ScienceStartUtc => ScienceStart is null ? null : DateTime.Parse(ScienceStart, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);

    /// <summary>Checks the plan against the model it will run on.</summary>
    /// <exception cref="InvalidModelException">A field is out of range or names a filter, lamp or standard the model lacks.</exception>
    public void Validate(InstrumentModel model)
    {
        if (!DateTime.TryParse(Start, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out _))
            throw new InvalidModelException($"plan.start '{Start}' is not an ISO 8601 time");
        if (ScienceStart is not null && !DateTime.TryParse(ScienceStart, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out _))
            throw new InvalidModelException($"plan.science_start '{ScienceStart}' is not an ISO 8601 time");
        if (Binning is < 1 or > 16 || model.Detector.Columns % Binning != 0 || model.Detector.Rows % Binning != 0)
            throw new InvalidModelException($"plan.binning {Binning} must be 1..16 and divide the detector's {model.Detector.Columns} x {model.Detector.Rows} pixels");
        foreach (var a in model.Detector.Amplifiers)
        {
            if (a.Columns[0] % Binning != 0 || (a.Columns[1] + 1) % Binning != 0)
                throw new InvalidModelException($"plan.binning {Binning} does not divide amplifier {a.Name}'s columns");
        }
        ModelCheck.NonNegative(Overhead, "plan.overhead");
        for (var i = 0; i < Calibrations.Count; i++) Calibrations[i].Validate(model, $"calibrations[{i}]");
        for (var i = 0; i < Science.Count; i++) Science[i].Validate(model, $"science[{i}]");
        for (var i = 0; i < Morning.Count; i++) Morning[i].Validate(model, $"morning[{i}]");
    }
}

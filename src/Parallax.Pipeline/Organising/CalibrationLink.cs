using Parallax.Pipeline.Calibration;
using Parallax.Pipeline.Instruments;

namespace Parallax.Pipeline.Organising;

/// <summary>One calibration a task needs and where it comes from: a task of this run, the calibration database, or nowhere (with the explanation).</summary>
public sealed class CalibrationLink
{
    /// <summary>The association rule that asked for it.</summary>
    public required AssociationRule Rule { get; init; }

    /// <summary>The selection's outcome, with its explanation.</summary>
    public required CalibrationSelection Selection { get; init; }

    /// <summary>The task of this run that makes it, or null (database or missing).</summary>
    public string? ProducerTaskId => Selection.Chosen?.ProducerTaskId;

    /// <summary>The database record chosen, or null.</summary>
    public CalibrationRecord? Record => Selection.Chosen?.Record;

    /// <summary>True when nothing qualifies.</summary>
    public bool IsMissing => !Selection.Found;

    /// <summary>"from task X", "caldb #12 path", or "MISSING".</summary>
    public string SourceText => Selection.Chosen switch
    {
        null => Rule.Required ? "MISSING" : "missing (optional)",
        { IsPlanned: true } c => $"from {c.ProducerTaskId}",
        var c => $"caldb {c.Label}",
    };
}

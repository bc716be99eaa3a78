using Parallax.Pipeline.Instruments;
using Parallax.Pipeline.Rules;

namespace Parallax.Pipeline.Organising;

/// <summary>One raw frame after classification: its instrument, logical values, category, or the reason it has none.</summary>
public sealed class ClassifiedFrame
{
    /// <summary>The file.</summary>
    public required string Path { get; init; }

    /// <summary>The instrument that claims the frame, or null when none does.</summary>
    public InstrumentDefinition? Instrument { get; init; }

    /// <summary>The frame's values (logical names and raw keywords), or null when no instrument claims it.</summary>
    public FrameValues? Values { get; init; }

    /// <summary>The category (e.g. <c>BIAS</c>), or null when unclassified.</summary>
    public string? Category { get; init; }

    /// <summary>The rule that assigned the category, or null.</summary>
    public ClassificationRule? Rule { get; init; }

    /// <summary>Why the frame is unclassified; null when it has a category.</summary>
    public string? Reason { get; init; }

    /// <summary>Problems met while reading values or evaluating rules (the frame may still be classified).</summary>
    public IReadOnlyList<string> Problems { get; init; } = [];

    /// <summary>The time of the frame as MJD, or null when the header gives none.</summary>
    public double? Mjd => Values?.Mjd;

    /// <summary>True when the frame has a category.</summary>
    public bool IsClassified => Category is not null;

    /// <inheritdoc/>
    public override string ToString() => $"{Path}: {Category ?? "unclassified"}";
}

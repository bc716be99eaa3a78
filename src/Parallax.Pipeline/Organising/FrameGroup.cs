using Parallax.Pipeline.Instruments;

namespace Parallax.Pipeline.Organising;

/// <summary>Frames of one instrument and category that share their grouping keys and lie close in time: the input of one recipe run.</summary>
public sealed class FrameGroup
{
    /// <summary>A short id unique within one organise run, e.g. <c>BIAS-1</c> (numbered in time order within the category).</summary>
    public required string Id { get; init; }

    /// <summary>The frames' instrument.</summary>
    public required InstrumentDefinition Instrument { get; init; }

    /// <summary>The frames' category.</summary>
    public required string Category { get; init; }

    /// <summary>The grouping keys and their shared values (text; null when the frames lack the value).</summary>
    public required IReadOnlyDictionary<string, string?> Keys { get; init; }

    /// <summary>
    /// Every logical value the frames share (text); a value that differs between frames, or is absent,
    /// is null. Association rules compare these with the calibrations' keys.
    /// </summary>
    public required IReadOnlyDictionary<string, string?> SharedValues { get; init; }

    /// <summary>The frames, in time order.</summary>
    public required IReadOnlyList<ClassifiedFrame> Frames { get; init; }

    /// <summary>Time of the first frame (MJD), or null when no frame has a time.</summary>
    public double? FirstMjd => Frames.Select(f => f.Mjd).Where(m => m is not null).Min();

    /// <summary>Time of the last frame (MJD), or null.</summary>
    public double? LastMjd => Frames.Select(f => f.Mjd).Where(m => m is not null).Max();

    /// <summary>Middle of the group's time span (MJD), used for "nearest in time"; null when no frame has a time.</summary>
    public double? MidMjd => FirstMjd is { } a && LastMjd is { } b ? (a + b) / 2 : null;

    /// <summary>"binning=1x1, readout=Normal".</summary>
    public string KeysText => string.Join(", ", Keys.Select(k => $"{k.Key}={k.Value ?? "—"}"));

    /// <inheritdoc/>
    public override string ToString() => $"{Id} ({Frames.Count} {Category}; {KeysText})";
}

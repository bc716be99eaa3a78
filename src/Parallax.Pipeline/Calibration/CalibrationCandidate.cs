namespace Parallax.Pipeline.Calibration;

/// <summary>
/// Something that could serve as a calibration: a record of the database, or a product that the
/// current cascade will make (planned). Planned products meet any quality tier: their QC is judged
/// when they are made.
/// </summary>
public sealed class CalibrationCandidate
{
    /// <summary>How the candidate is named in messages: "#12 /cal/bias.fits" or "MASTER_BIAS from BIAS-1 (this run)".</summary>
    public required string Label { get; init; }

    /// <summary>The product category.</summary>
    public required string Category { get; init; }

    /// <summary>The match keys (logical name → text).</summary>
    public required IReadOnlyDictionary<string, string?> Keys { get; init; }

    /// <summary>Time the product stands for (MJD), or null.</summary>
    public double? Mjd { get; init; }

    /// <summary>Validity range start (MJD), or null.</summary>
    public double? ValidFrom { get; init; }

    /// <summary>Validity range end (MJD), or null.</summary>
    public double? ValidTo { get; init; }

    /// <summary>The quality.</summary>
    public CalibrationQuality Quality { get; init; }

    /// <summary>True for a product the current cascade will make.</summary>
    public bool IsPlanned { get; init; }

    /// <summary>True when the record's file is gone from disk.</summary>
    public bool FileMissing { get; init; }

    /// <summary>The database record, when the candidate is one.</summary>
    public CalibrationRecord? Record { get; init; }

    /// <summary>The id of the cascade task that makes it, when planned.</summary>
    public string? ProducerTaskId { get; init; }

    /// <summary>The product's path: the record's file, or the planned product's name.</summary>
    public required string Path { get; init; }

    /// <summary>A candidate from a database record; checks whether its file still exists.</summary>
    public static CalibrationCandidate FromRecord(CalibrationRecord record) => new()
    {
        Label = $"#{record.Id} {record.Path}",
        Category = record.Category,
        Keys = record.Keys,
        Mjd = record.Mjd,
        ValidFrom = record.ValidFrom,
        ValidTo = record.ValidTo,
        Quality = record.Quality,
        FileMissing = !File.Exists(record.Path),
        Record = record,
        Path = record.Path,
    };
}

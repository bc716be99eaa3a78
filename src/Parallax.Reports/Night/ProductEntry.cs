namespace Parallax.Reports.Night;

/// <summary>One product of the night as its primary header describes it, with a thumbnail and its plots.</summary>
public sealed record ProductEntry
{
    /// <summary>File name in the output folder.</summary>
    public required string FileName { get; init; }

    /// <summary>PRODTYPE (what it is, e.g. <c>image</c>); empty when absent.</summary>
    public string ProductType { get; init; } = "";

    /// <summary>PRODCATG (e.g. <c>MASTER_BIAS</c>); empty when absent.</summary>
    public string Category { get; init; } = "";

    /// <summary>PROCSTAT (<c>LEVEL_1</c> .. <c>LEVEL_4</c>).</summary>
    public string Level { get; init; } = "";

    /// <summary>RECIPE that made it.</summary>
    public string Recipe { get; init; } = "";

    /// <summary>TASKID of the cascade task that made it.</summary>
    public string TaskId { get; init; } = "";

    /// <summary>The instrument definition used.</summary>
    public string Instrument { get; init; } = "";

    /// <summary>FILTER of the product (trimmed); empty when absent.</summary>
    public string Filter { get; init; } = "";

    /// <summary>AIRMASS of the product; NaN when absent or not a number.</summary>
    public double Airmass { get; init; } = double.NaN;

    /// <summary>Processing date (DATE, UTC).</summary>
    public string Date { get; init; } = "";

    /// <summary>Input frames (INPUTn).</summary>
    public IReadOnlyList<string> Inputs { get; init; } = [];

    /// <summary>Calibrations used (CALIBn).</summary>
    public IReadOnlyList<string> Calibrations { get; init; } = [];

    /// <summary>QC values with their ranges.</summary>
    public IReadOnlyList<QcEntry> Qc { get; init; } = [];

    /// <summary>QC failures the engine recorded (QCFAILn), one line each.</summary>
    public IReadOnlyList<string> QcFailures { get; init; } = [];

    /// <summary>True when QCSTATUS is not FAIL and no QC value lies outside its range.</summary>
    public bool Passed => QcFailures.Count == 0 && Qc.All(q => q.Passed);

    /// <summary>A small PNG of the product's data (null when its pixels could not be read).</summary>
    public byte[]? Thumbnail { get; init; }

    /// <summary>The file name of the full quick-look next to the product, when there is one.</summary>
    public string? QuickLookFile { get; init; }

    /// <summary>The product's QC plots.</summary>
    public IReadOnlyList<ReportPlot> Plots { get; init; } = [];

    /// <summary>Why the product's pixels could not be read for the thumbnail and plots; null when they were.</summary>
    public string? Problem { get; init; }
}

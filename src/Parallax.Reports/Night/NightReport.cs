namespace Parallax.Reports.Night;

/// <summary>Everything the night report shows, gathered from an output folder by <see cref="NightReportBuilder"/>.</summary>
public sealed record NightReport
{
    /// <summary>The output folder (absolute).</summary>
    public required string OutputFolder { get; init; }

    /// <summary>What the reduce run recorded; null for a folder without a night record (then tasks come from the products).</summary>
    public NightRecord? Record { get; init; }

    /// <summary>The tasks: from the record, else one per product's TASKID.</summary>
    public required IReadOnlyList<NightTaskRecord> Tasks { get; init; }

    /// <summary>The products, in the tasks' order.</summary>
    public required IReadOnlyList<ProductEntry> Products { get; init; }

    /// <summary>Plots drawn from several products (zero point against airmass when frames have zp_mag and AIRMASS); may be empty.</summary>
    public IReadOnlyList<ReportPlot> NightPlots { get; init; } = [];

    /// <summary>The records of the folder's calibration database (<c>caldb.sqlite</c>), empty when there is none.</summary>
    public IReadOnlyList<Pipeline.Calibration.CalibrationRecord> Calibrations { get; init; } = [];

    /// <summary>The instruments of the night.</summary>
    public IReadOnlyList<string> Instruments { get; init; } = [];

    /// <summary>When the report was made (UTC).</summary>
    public DateTimeOffset Generated { get; init; } = DateTimeOffset.UtcNow;

    /// <summary>Seconds spent gathering the report (reading products, thumbnails, plots).</summary>
    public double BuildSeconds { get; init; }
}

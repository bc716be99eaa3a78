namespace Parallax.Pipeline.Calibration;

/// <summary>One calibration product registered in the calibration database.</summary>
public sealed record CalibrationRecord
{
    /// <summary>The database's id (0 before the record is added).</summary>
    public long Id { get; init; }

    /// <summary>The product category, e.g. <c>MASTER_BIAS</c>.</summary>
    public required string Category { get; init; }

    /// <summary>The instrument's name (as in its instrument file).</summary>
    public required string Instrument { get; init; }

    /// <summary>The match keys: logical name → value as text (e.g. <c>filter</c> → <c>R</c>).</summary>
    public IReadOnlyDictionary<string, string?> Keys { get; init; } = new Dictionary<string, string?>();

    /// <summary>The observation time the product stands for (MJD, UTC days), usually the middle of its inputs; null when unknown.</summary>
    public double? Mjd { get; init; }

    /// <summary>Start of the validity range (MJD), or null for open.</summary>
    public double? ValidFrom { get; init; }

    /// <summary>End of the validity range (MJD), or null for open.</summary>
    public double? ValidTo { get; init; }

    /// <summary>Certified, provisional or bad.</summary>
    public CalibrationQuality Quality { get; init; } = CalibrationQuality.Provisional;

    /// <summary>QC values (name → value, in the units the recipe documents).</summary>
    public IReadOnlyDictionary<string, double> Qc { get; init; } = new Dictionary<string, double>();

    /// <summary>The product file (absolute path).</summary>
    public required string Path { get; init; }

    /// <summary>The file's checksum when added (<c>sha256:</c> and 64 hex digits), or null when the file was absent.</summary>
    public string? Checksum { get; init; }

    /// <summary>When the record was added (UTC).</summary>
    public DateTimeOffset Added { get; init; } = DateTimeOffset.UtcNow;

    /// <summary>A free note (e.g. why it was marked bad).</summary>
    public string? Note { get; init; }

    /// <summary>True when the time lies in the validity range (an open end accepts all).</summary>
    public bool IsValidAt(double mjd) => (ValidFrom is null || mjd >= ValidFrom) && (ValidTo is null || mjd <= ValidTo);
}

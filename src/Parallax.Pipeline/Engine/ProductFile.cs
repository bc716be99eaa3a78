using Parallax.Pipeline.Calibration;

namespace Parallax.Pipeline.Engine;

/// <summary>A product file a task wrote (or found up to date), with its quality and QC values.</summary>
public sealed record ProductFile
{
    /// <summary>The file (absolute path).</summary>
    public required string Path { get; init; }

    /// <summary>The product category (e.g. <c>MASTER_BIAS</c>).</summary>
    public required string Category { get; init; }

    /// <summary>True for an intermediate product (written with --save-intermediate; not registered).</summary>
    public bool Intermediate { get; init; }

    /// <summary>SHA-256 of the file, 64 lower-case hex digits.</summary>
    public required string Sha256 { get; init; }

    /// <summary>Provisional when QC passed, bad when a QC value is out of range.</summary>
    public CalibrationQuality Quality { get; init; } = CalibrationQuality.Provisional;

    /// <summary>The QC values.</summary>
    public IReadOnlyDictionary<string, double> Qc { get; init; } = new Dictionary<string, double>();

    /// <summary>Each QC value outside its range, one line each; empty when QC passed.</summary>
    public IReadOnlyList<string> QcFailures { get; init; } = [];

    /// <summary>For a per-input product, the input file name it was made from.</summary>
    public string? DerivedFrom { get; init; }
}

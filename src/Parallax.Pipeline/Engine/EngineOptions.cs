using Parallax.Pipeline.Calibration;

namespace Parallax.Pipeline.Engine;

/// <summary>How the engine runs tasks: where products go, the calibration database, and the switches of a run.</summary>
public sealed record EngineOptions
{
    /// <summary>The folder products are written to (created when absent).</summary>
    public required string OutputFolder { get; init; }

    /// <summary>Where finished products are registered and missing calibrations looked up; null for none.</summary>
    public ICalibrationDatabase? CalibrationDatabase { get; init; }

    /// <summary>The reference catalog given with <c>--reference-catalog</c> (read once for the run), passed to recipes that use one; null for none.</summary>
    public ReferenceCatalogFile? ReferenceCatalog { get; init; }

    /// <summary>Run every task even when its products are up to date.</summary>
    public bool Force { get; init; }

    /// <summary>Also write intermediate products (into <c>intermediate/</c> under the output folder).</summary>
    public bool SaveIntermediate { get; init; }

    /// <summary>
    /// A pause after each HDU of a product is written (the temporary file is then incomplete). Zero
    /// normally; tests and demonstrations set it to interrupt a run in the middle of a write.
    /// </summary>
    public TimeSpan WriteDelay { get; init; }

    /// <summary>The environment variable that sets <see cref="WriteDelay"/> in milliseconds for the command line.</summary>
    public const string WriteDelayVariable = "PARALLAX_WRITE_DELAY_MS";
}

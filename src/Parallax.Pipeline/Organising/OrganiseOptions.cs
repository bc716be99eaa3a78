using Parallax.Pipeline.Calibration;
using Parallax.Pipeline.Instruments;

namespace Parallax.Pipeline.Organising;

/// <summary>How to organise a folder of raw frames.</summary>
public sealed record OrganiseOptions
{
    /// <summary>The instruments to recognise frames by.</summary>
    public required InstrumentCatalog Catalog { get; init; }

    /// <summary>Use this instrument for every frame instead of identifying each one; null to identify.</summary>
    public string? Instrument { get; init; }

    /// <summary>Descend into sub-folders. Default true.</summary>
    public bool Recursive { get; init; } = true;

    /// <summary>Headers read at once. Default: the processor count.</summary>
    public int MaxParallelism { get; init; } = Environment.ProcessorCount;

    /// <summary>Where to look for calibrations this run does not make; null for none.</summary>
    public ICalibrationDatabase? CalibrationDatabase { get; init; }

    /// <summary>File name endings taken as FITS (case-insensitive).</summary>
    public IReadOnlyList<string> Extensions { get; init; } = [".fits", ".fit", ".fts", ".fits.gz", ".fit.gz", ".fts.gz", ".fz"];
}

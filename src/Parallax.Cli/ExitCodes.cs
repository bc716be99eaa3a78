namespace Parallax.Cli;

/// <summary>Process exit codes of the parallax command (documented in the README).</summary>
internal static class ExitCodes
{
    /// <summary>Everything asked for was done (products made or already up to date, or nothing to do).</summary>
    public const int Success = 0;

    /// <summary>Some inputs or tasks failed (each reported on one line); the others were processed.</summary>
    public const int SomeInputsFailed = 1;

    /// <summary>The command line was wrong (unknown option, bad value, unknown recipe, invalid parameter).</summary>
    public const int UsageError = 2;

    /// <summary>Nothing could be done (e.g. every input or task failed, output not writable).</summary>
    public const int Failed = 3;

    /// <summary>A recipe run stopped because a required calibration was not found.</summary>
    public const int CalibrationNotFound = 4;

    /// <summary>A recipe run stopped because its data cannot be processed (too few usable inputs).</summary>
    public const int UnprocessableData = 5;

    /// <summary>A recipe run stopped because its algorithm failed.</summary>
    public const int AlgorithmFailed = 6;

    /// <summary>A recipe run wrote its product, but a QC value is out of range: the product is marked bad.</summary>
    public const int QcFailed = 7;

    /// <summary>Interrupted (Ctrl-C or SIGTERM); no partial file was left and a re-run resumes.</summary>
    public const int Interrupted = 130;
}

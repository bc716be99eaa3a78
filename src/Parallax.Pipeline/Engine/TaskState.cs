namespace Parallax.Pipeline.Engine;

/// <summary>How a task ended.</summary>
public enum TaskState
{
    /// <summary>The recipe ran and its products were written.</summary>
    Done,

    /// <summary>Skipped: inputs, parameters and versions are unchanged since the products were made.</summary>
    UpToDate,

    /// <summary>The recipe found nothing to do (not a failure).</summary>
    NoWork,

    /// <summary>The products were written but a QC value lies outside the instrument file's range: they are marked bad and not used by later tasks.</summary>
    QcFailed,

    /// <summary>A required calibration was not found.</summary>
    CalibrationNotFound,

    /// <summary>Too few usable inputs (or an unusable calibration).</summary>
    UnprocessableData,

    /// <summary>The algorithm failed (with the numbers that made it fail) or threw.</summary>
    AlgorithmFailed,

    /// <summary>The parameters are invalid (unknown name, wrong type, out of range, bad combination).</summary>
    InvalidParameters,

    /// <summary>No recipe of the name the cascade asks for is registered.</summary>
    UnknownRecipe,

    /// <summary>A product could not be written or registered (disk full, permission, database).</summary>
    WriteFailed,

    /// <summary>Not run: a calibration it needs is missing, or a task it depends on failed.</summary>
    Blocked,

    /// <summary>Not run or stopped: the run was cancelled (Ctrl-C). Nothing partial was left.</summary>
    Cancelled,
}

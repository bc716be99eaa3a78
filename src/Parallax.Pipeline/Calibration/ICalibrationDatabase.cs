namespace Parallax.Pipeline.Calibration;

/// <summary>
/// A store of calibration products. Implementations are safe for several writers at once (threads
/// or processes): each operation is one transaction. Selection logic is not here but in
/// <see cref="CalibrationSelector"/>, so every backend selects identically.
/// </summary>
public interface ICalibrationDatabase : IDisposable
{
    /// <summary>A short description for messages: "SQLite caldb.sqlite" or "PostgreSQL host/db".</summary>
    string Description { get; }

    /// <summary>Adds a record; returns its new id.</summary>
    long Add(CalibrationRecord record);

    /// <summary>The record with this id, or null.</summary>
    CalibrationRecord? Get(long id);

    /// <summary>Removes a record; false when no record has this id.</summary>
    bool Remove(long id);

    /// <summary>Sets a record's quality (and note, when given); false when no record has this id.</summary>
    bool SetQuality(long id, CalibrationQuality quality, string? note = null);

    /// <summary>The records matching the filter, by id.</summary>
    IReadOnlyList<CalibrationRecord> List(CalibrationFilter filter);
}

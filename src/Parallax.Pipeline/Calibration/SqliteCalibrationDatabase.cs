using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace Parallax.Pipeline.Calibration;

/// <summary>
/// The calibration database in one SQLite file (the default, kept in the output folder). WAL
/// journaling lets readers run beside a writer; writers queue on SQLite's lock with a 30 s busy
/// timeout, so several processes may add records at once.
/// </summary>
public sealed class SqliteCalibrationDatabase : SqlCalibrationDatabase
{
    private readonly string _connectionString;

    /// <summary>Opens (creating if needed) the database file.</summary>
    /// <exception cref="SqliteException">The file cannot be opened or is not an SQLite database.</exception>
    public SqliteCalibrationDatabase(string path)
    {
        FilePath = Path.GetFullPath(path);
        var dir = Path.GetDirectoryName(FilePath);
        if (!string.IsNullOrEmpty(dir)) Directory.CreateDirectory(dir);
        _connectionString = new SqliteConnectionStringBuilder { DataSource = FilePath, Mode = SqliteOpenMode.ReadWriteCreate, Pooling = true, DefaultTimeout = 30 }.ToString();
        using (var c = OpenConnection())
        {
            // WAL is a property of the file: set once, outside any transaction.
            Execute(c, null, "PRAGMA journal_mode=WAL");
        }
        EnsureSchema();
    }

    /// <summary>The database file.</summary>
    public string FilePath { get; }

    /// <inheritdoc/>
    public override string Description => $"SQLite {FilePath}";

    /// <inheritdoc/>
    protected override string SchemaSql => """
        CREATE TABLE IF NOT EXISTS calibrations (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            category TEXT NOT NULL,
            instrument TEXT NOT NULL,
            keys TEXT NOT NULL,
            mjd REAL,
            valid_from REAL,
            valid_to REAL,
            quality TEXT NOT NULL,
            qc TEXT NOT NULL,
            path TEXT NOT NULL,
            checksum TEXT,
            added TEXT NOT NULL,
            note TEXT);
        CREATE INDEX IF NOT EXISTS calibrations_lookup ON calibrations (instrument, category);
        """;

    /// <inheritdoc/>
    protected override DbConnection OpenConnection()
    {
        var c = new SqliteConnection(_connectionString);
        c.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = "PRAGMA busy_timeout=30000";
        cmd.ExecuteNonQuery();
        return c;
    }
}

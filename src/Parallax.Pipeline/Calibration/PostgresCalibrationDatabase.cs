using System.Data.Common;
using Npgsql;

namespace Parallax.Pipeline.Calibration;

/// <summary>The calibration database on a PostgreSQL server, for several machines sharing one database.</summary>
public sealed class PostgresCalibrationDatabase : SqlCalibrationDatabase
{
    private readonly NpgsqlDataSource _dataSource;

    /// <summary>Connects (by an Npgsql connection string, e.g. <c>Host=127.0.0.1;Port=5432;Username=u;Database=caldb</c>) and creates the table if needed.</summary>
    /// <exception cref="NpgsqlException">The server cannot be reached or refuses the login.</exception>
    public PostgresCalibrationDatabase(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        Description = $"PostgreSQL {builder.Host}:{builder.Port}/{builder.Database}{(string.IsNullOrEmpty(builder.SearchPath) ? "" : $" (schema {builder.SearchPath})")}";
        _dataSource = NpgsqlDataSource.Create(builder.ConnectionString);
        EnsureSchema();
    }

    /// <inheritdoc/>
    public override string Description { get; }

    /// <inheritdoc/>
    /// <remarks>The advisory lock (any fixed number) serialises schema creation across processes that start together: concurrent CREATE TABLE IF NOT EXISTS can otherwise collide in PostgreSQL's catalog.</remarks>
    protected override string SchemaSql => """
        SELECT pg_advisory_xact_lock(1346457164);
        CREATE TABLE IF NOT EXISTS calibrations (
            id BIGSERIAL PRIMARY KEY,
            category TEXT NOT NULL,
            instrument TEXT NOT NULL,
            keys TEXT NOT NULL,
            mjd DOUBLE PRECISION,
            valid_from DOUBLE PRECISION,
            valid_to DOUBLE PRECISION,
            quality TEXT NOT NULL,
            qc TEXT NOT NULL,
            path TEXT NOT NULL,
            checksum TEXT,
            added TEXT NOT NULL,
            note TEXT);
        CREATE INDEX IF NOT EXISTS calibrations_lookup ON calibrations (instrument, category);
        """;

    /// <inheritdoc/>
    protected override DbConnection OpenConnection() => _dataSource.OpenConnection();

    /// <inheritdoc/>
    public override void Dispose()
    {
        _dataSource.Dispose();
        base.Dispose();
    }
}

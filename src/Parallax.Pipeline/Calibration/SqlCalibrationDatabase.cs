using System.Data;
using System.Data.Common;
using System.Globalization;
using System.Text.Json;

namespace Parallax.Pipeline.Calibration;

/// <summary>
/// The calibration database over ADO.NET: one table, <c>calibrations</c>, with keys and QC values as
/// JSON text. Each operation opens a pooled connection and runs in one transaction, so several
/// writers (threads or processes) are safe. Backends differ only in their connection and DDL.
/// </summary>
public abstract class SqlCalibrationDatabase : ICalibrationDatabase
{
    private const string Columns = "category, instrument, keys, mjd, valid_from, valid_to, quality, qc, path, checksum, added, note";

    /// <inheritdoc/>
    public abstract string Description { get; }

    /// <summary>Opens a connection to the database, ready for commands.</summary>
    protected abstract DbConnection OpenConnection();

    /// <summary>The DDL creating the table and its index if they do not exist, for this backend.</summary>
    protected abstract string SchemaSql { get; }

    /// <summary>Creates the table if needed; called by the backend's constructor.</summary>
    protected virtual void EnsureSchema()
    {
        using var connection = OpenConnection();
        using var tx = connection.BeginTransaction();
        Execute(connection, tx, SchemaSql);
        tx.Commit();
    }

    /// <inheritdoc/>
    public long Add(CalibrationRecord record)
    {
        using var connection = OpenConnection();
        using var tx = connection.BeginTransaction();
        using var cmd = Command(connection, tx, $"INSERT INTO calibrations ({Columns}) VALUES (@category, @instrument, @keys, @mjd, @valid_from, @valid_to, @quality, @qc, @path, @checksum, @added, @note) RETURNING id");
        Bind(cmd, "category", record.Category);
        Bind(cmd, "instrument", record.Instrument);
        Bind(cmd, "keys", JsonSerializer.Serialize(record.Keys));
        Bind(cmd, "mjd", record.Mjd);
        Bind(cmd, "valid_from", record.ValidFrom);
        Bind(cmd, "valid_to", record.ValidTo);
        Bind(cmd, "quality", QualityName(record.Quality));
        Bind(cmd, "qc", JsonSerializer.Serialize(record.Qc));
        Bind(cmd, "path", record.Path);
        Bind(cmd, "checksum", record.Checksum);
        Bind(cmd, "added", record.Added.UtcDateTime.ToString("O", CultureInfo.InvariantCulture));
        Bind(cmd, "note", record.Note);
        var id = Convert.ToInt64(cmd.ExecuteScalar(), CultureInfo.InvariantCulture);
        tx.Commit();
        return id;
    }

    /// <inheritdoc/>
    public CalibrationRecord? Get(long id)
    {
        using var connection = OpenConnection();
        using var cmd = Command(connection, null, $"SELECT id, {Columns} FROM calibrations WHERE id = @id");
        Bind(cmd, "id", id);
        using var reader = cmd.ExecuteReader();
        return reader.Read() ? ReadRecord(reader) : null;
    }

    /// <inheritdoc/>
    public bool Remove(long id)
    {
        using var connection = OpenConnection();
        using var tx = connection.BeginTransaction();
        using var cmd = Command(connection, tx, "DELETE FROM calibrations WHERE id = @id");
        Bind(cmd, "id", id);
        var n = cmd.ExecuteNonQuery();
        tx.Commit();
        return n > 0;
    }

    /// <inheritdoc/>
    public bool SetQuality(long id, CalibrationQuality quality, string? note = null)
    {
        using var connection = OpenConnection();
        using var tx = connection.BeginTransaction();
        using var cmd = Command(connection, tx, "UPDATE calibrations SET quality = @quality, note = COALESCE(@note, note) WHERE id = @id");
        Bind(cmd, "quality", QualityName(quality));
        Bind(cmd, "note", note);
        Bind(cmd, "id", id);
        var n = cmd.ExecuteNonQuery();
        tx.Commit();
        return n > 0;
    }

    /// <inheritdoc/>
    public IReadOnlyList<CalibrationRecord> List(CalibrationFilter filter)
    {
        using var connection = OpenConnection();
        var where = new List<string>();
        using var cmd = Command(connection, null, "");
        if (filter.Instrument is not null) { where.Add("instrument = @instrument"); Bind(cmd, "instrument", filter.Instrument); }
        if (filter.Category is not null) { where.Add("category = @category"); Bind(cmd, "category", filter.Category); }
        if (filter.Quality is { } q) { where.Add("quality = @quality"); Bind(cmd, "quality", QualityName(q)); }
        cmd.CommandText = $"SELECT id, {Columns} FROM calibrations{(where.Count > 0 ? " WHERE " + string.Join(" AND ", where) : "")} ORDER BY id";
        using var reader = cmd.ExecuteReader();
        var list = new List<CalibrationRecord>();
        while (reader.Read()) list.Add(ReadRecord(reader));
        return list;
    }

    /// <summary>Releases nothing by default: connections are opened per operation and pooled by the provider.</summary>
    public virtual void Dispose() => GC.SuppressFinalize(this);

    /// <summary>Runs a statement (or several separated by semicolons, where the backend allows).</summary>
    protected static void Execute(DbConnection connection, DbTransaction? tx, string sql)
    {
        using var cmd = Command(connection, tx, sql);
        cmd.ExecuteNonQuery();
    }

    private static DbCommand Command(DbConnection connection, DbTransaction? tx, string sql)
    {
        var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        cmd.Transaction = tx;
        cmd.CommandTimeout = 60;
        return cmd;
    }

    private static void Bind(DbCommand cmd, string name, object? value)
    {
        var p = cmd.CreateParameter();
        p.ParameterName = "@" + name;
        p.Value = value ?? DBNull.Value;
        if (value is null) p.DbType = name is "mjd" or "valid_from" or "valid_to" ? DbType.Double : DbType.String;
        cmd.Parameters.Add(p);
    }

    private static CalibrationRecord ReadRecord(DbDataReader r) => new()
    {
        Id = Convert.ToInt64(r.GetValue(0), CultureInfo.InvariantCulture),
        Category = r.GetString(1),
        Instrument = r.GetString(2),
        Keys = JsonSerializer.Deserialize<Dictionary<string, string?>>(r.GetString(3)) ?? [],
        Mjd = r.IsDBNull(4) ? null : r.GetDouble(4),
        ValidFrom = r.IsDBNull(5) ? null : r.GetDouble(5),
        ValidTo = r.IsDBNull(6) ? null : r.GetDouble(6),
        Quality = ParseQuality(r.GetString(7)),
        Qc = JsonSerializer.Deserialize<Dictionary<string, double>>(r.GetString(8)) ?? [],
        Path = r.GetString(9),
        Checksum = r.IsDBNull(10) ? null : r.GetString(10),
        Added = DateTimeOffset.Parse(r.GetString(11), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal),
        Note = r.IsDBNull(12) ? null : r.GetString(12),
    };

    /// <summary>The quality's name as stored and shown: certified, provisional, bad.</summary>
    public static string QualityName(CalibrationQuality q) => q.ToString().ToLowerInvariant();

    /// <summary>Reads a quality name (case-insensitive).</summary>
    /// <exception cref="FormatException">Not certified, provisional or bad.</exception>
    public static CalibrationQuality ParseQuality(string text) => text.Trim().ToLowerInvariant() switch
    {
        "certified" => CalibrationQuality.Certified,
        "provisional" => CalibrationQuality.Provisional,
        "bad" => CalibrationQuality.Bad,
        _ => throw new FormatException($"'{text}' is not a calibration quality (certified, provisional, bad)"),
    };
}

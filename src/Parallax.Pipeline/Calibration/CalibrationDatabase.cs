using System.Security.Cryptography;
using Npgsql;

namespace Parallax.Pipeline.Calibration;

/// <summary>Opens a calibration database from what a user types, and computes file checksums for records.</summary>
public static class CalibrationDatabase
{
    /// <summary>
    /// Opens a database: a PostgreSQL connection string (<c>Host=...;Database=...</c>) or URL
    /// (<c>postgresql://user:password@host:port/db</c>) opens PostgreSQL; anything else is an SQLite file path.
    /// </summary>
    public static ICalibrationDatabase Open(string target)
    {
        if (IsPostgres(target)) return new PostgresCalibrationDatabase(ToConnectionString(target));
        return new SqliteCalibrationDatabase(target);
    }

    /// <summary>True when <paramref name="target"/> names a PostgreSQL server rather than a file.</summary>
    public static bool IsPostgres(string target)
        => target.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase) || target.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase)
           || target.Contains("Host=", StringComparison.OrdinalIgnoreCase);

    /// <summary>The SHA-256 of a file as <c>sha256:</c> and 64 lower-case hex digits.</summary>
    public static string Checksum(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        return "sha256:" + Convert.ToHexStringLower(SHA256.HashData(stream));
    }

    private static string ToConnectionString(string target)
    {
        if (!target.Contains("://", StringComparison.Ordinal)) return target;
        var uri = new Uri(target);
        var b = new NpgsqlConnectionStringBuilder { Host = uri.Host, Port = uri.IsDefaultPort || uri.Port <= 0 ? 5432 : uri.Port, Database = uri.AbsolutePath.Trim('/') };
        if (uri.UserInfo.Length > 0)
        {
            var parts = uri.UserInfo.Split(':', 2);
            b.Username = Uri.UnescapeDataString(parts[0]);
            if (parts.Length > 1) b.Password = Uri.UnescapeDataString(parts[1]);
        }
        return b.ConnectionString;
    }
}

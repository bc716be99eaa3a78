using System.Diagnostics;
using Npgsql;

namespace Parallax.Pipeline.Tests.Support;

/// <summary>
/// The PostgreSQL server for the calibration-database tests: the connection string in
/// PARALLAX_TEST_POSTGRES, else one started by scripts/start-postgres.sh (a throw-away cluster on
/// 127.0.0.1). When neither works the PostgreSQL tests skip, saying why.
/// </summary>
public static class PostgresServer
{
    /// <summary>The environment variable holding a connection string to use instead of starting a server.</summary>
    public const string EnvironmentVariable = "PARALLAX_TEST_POSTGRES";

    private static readonly Lazy<(string? ConnectionString, string? Why)> Server = new(Find);

    /// <summary>A connection string, or skips the calling test with the reason.</summary>
    public static string Require()
    {
        var (cs, why) = Server.Value;
        Skip.If(cs is null, $"PostgreSQL tests skipped: {why}");
        return cs!;
    }

    /// <summary>A fresh schema on the server for one test: a connection string whose search path is that schema.</summary>
    public static string NewSchema(string connectionString, out string schema)
    {
        schema = "t_" + Guid.NewGuid().ToString("N")[..16];
        using (var c = new NpgsqlConnection(connectionString))
        {
            c.Open();
            using var cmd = new NpgsqlCommand($"CREATE SCHEMA {schema}", c);
            cmd.ExecuteNonQuery();
        }
        return new NpgsqlConnectionStringBuilder(connectionString) { SearchPath = schema }.ConnectionString;
    }

    /// <summary>Drops a schema made by <see cref="NewSchema"/>.</summary>
    public static void DropSchema(string connectionString, string schema)
    {
        using var c = new NpgsqlConnection(connectionString);
        c.Open();
        using var cmd = new NpgsqlCommand($"DROP SCHEMA IF EXISTS {schema} CASCADE", c);
        cmd.ExecuteNonQuery();
    }

    private static (string?, string?) Find()
    {
        var cs = Environment.GetEnvironmentVariable(EnvironmentVariable);
        string? startError = null;
        if (string.IsNullOrWhiteSpace(cs))
        {
            var script = Path.Combine(TestPaths.RepoRoot, "scripts", "start-postgres.sh");
            (cs, startError) = RunScript(script);
        }
        if (cs is null) return (null, startError);
        try
        {
            using var c = new NpgsqlConnection(cs);
            c.Open();
            return (cs, null);
        }
        catch (Exception e) when (e is NpgsqlException or InvalidOperationException or ArgumentException)
        {
            return (null, $"cannot connect with '{cs}': {e.Message}");
        }
    }

    private static (string?, string?) RunScript(string script)
    {
        if (!File.Exists(script)) return (null, $"{EnvironmentVariable} is not set and {script} is absent");
        try
        {
            var psi = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            psi.ArgumentList.Add(script);
            using var p = Process.Start(psi)!;
            var stdout = p.StandardOutput.ReadToEndAsync();
            var stderr = p.StandardError.ReadToEndAsync();
            if (!p.WaitForExit(180_000)) { p.Kill(true); return (null, "scripts/start-postgres.sh did not finish in 180 s"); }
            var last = stdout.Result.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault();
            return p.ExitCode == 0 && last is not null ? (last, null) : (null, $"scripts/start-postgres.sh failed: {stderr.Result.Trim()}");
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or InvalidOperationException)
        {
            return (null, $"cannot run scripts/start-postgres.sh: {e.Message}");
        }
    }
}

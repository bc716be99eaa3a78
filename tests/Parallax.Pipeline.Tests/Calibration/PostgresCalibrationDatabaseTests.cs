using Parallax.Pipeline.Calibration;
using Parallax.Pipeline.Tests.Support;

namespace Parallax.Pipeline.Tests.Calibration;

/// <summary>The calibration-database suite on PostgreSQL, each test in a schema of its own; skips with the reason when no server can be had.</summary>
public sealed class PostgresCalibrationDatabaseTests : CalibrationDatabaseContract
{
    private string? _server;
    private string? _schema;
    private string? _connectionString;

    protected override ICalibrationDatabase Open()
    {
        if (_connectionString is null)
        {
            _server = PostgresServer.Require();
            _connectionString = PostgresServer.NewSchema(_server, out var schema);
            _schema = schema;
        }
        return CalibrationDatabase.Open(_connectionString);
    }

    public override void Dispose()
    {
        if (_server is not null && _schema is not null) PostgresServer.DropSchema(_server, _schema);
        base.Dispose();
    }
}

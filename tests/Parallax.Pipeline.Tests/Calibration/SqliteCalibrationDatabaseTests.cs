using Parallax.Pipeline.Calibration;
using Parallax.Pipeline.Tests.Support;

namespace Parallax.Pipeline.Tests.Calibration;

/// <summary>The calibration-database suite on an SQLite file.</summary>
public sealed class SqliteCalibrationDatabaseTests : CalibrationDatabaseContract
{
    private readonly TempFolder _dir = new();

    protected override ICalibrationDatabase Open() => CalibrationDatabase.Open(_dir.File("caldb.sqlite"));

    public override void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _dir.Dispose();
        base.Dispose();
    }
}

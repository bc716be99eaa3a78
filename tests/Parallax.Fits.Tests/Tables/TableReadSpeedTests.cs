using Xunit.Abstractions;
using System.Diagnostics;
using Parallax.Fits.Tables;

namespace Parallax.Fits.Tests.Tables;

/// <summary>
/// Column reads of a 1,000,000-row table: checks every value and reports the speed (table bytes
/// scanned per second, warm cache, best of three) in the test output.
/// </summary>
[Trait("Category", "Performance")]
public class TableReadSpeedTests(ITestOutputHelper output)
{
    private const int Rows = 1_000_000;

    [Fact]
    public void Given_a_million_row_table_When_each_column_is_read_Then_values_are_exact_and_the_speed_is_reported()
    {
        var ids = new long[Rows];
        var ra = new double[Rows];
        var dec = new double[Rows];
        var mag = new float[Rows];
        var flags = new short[Rows];
        for (var i = 0; i < Rows; i++)
        {
            ids[i] = 1_000_000_000L + i;
            ra[i] = i * 3.6e-4;
            dec[i] = -90 + i * 1.8e-4;
            mag[i] = 10 + (i % 1000) * 0.01f;
            flags[i] = (short)(i % 7 == 0 ? -1 : i % 300);
        }
        var table = new BinaryTable(Rows);
        table.AddColumn("ID", ids);
        table.AddColumn("RA", ra);
        table.AddColumn("DEC", dec);
        table.AddColumn("MAG", mag);
        table.AddColumn("FLAGS", flags, options: new ColumnOptions { Null = -1 });
        var path = Path.Combine(Path.GetTempPath(), $"parallax-speed-{Guid.NewGuid():N}.fits");
        try
        {
            var write = Stopwatch.StartNew();
            using (var w = FitsWriter.Create(path, FitsWriteOptions.Default with { WriteChecksums = false }))
            {
                w.WriteTable(table);
                w.Commit();
            }
            write.Stop();
            using var fits = FitsFile.Open(path);
            var t = (BinaryTableHdu)fits[1];
            var tableMb = (double)t.RowLength * t.RowCount / 1e6;
            output.WriteLine($"table: {Rows:N0} rows x {t.RowLength} bytes = {tableMb:F1} MB; written in {write.Elapsed.TotalMilliseconds:F0} ms ({tableMb / write.Elapsed.TotalSeconds:F0} MB/s)");

            Assert.Equal(ids, Timed("ReadColumn<long>(ID)", () => t.ReadColumn<long>(0)));
            Assert.Equal(ra, Timed("ReadColumn<double>(RA)", () => t.ReadColumn<double>(1)));
            Assert.Equal(ra, Timed("ReadDoubles(RA)", () => t.ReadDoubles(1)));
            Assert.Equal(dec, Timed("ReadDoubles(DEC)", () => t.ReadDoubles(2)));
            Assert.Equal(mag, Timed("ReadColumn<float>(MAG)", () => t.ReadColumn<float>(3)));
            Assert.Equal(mag.Select(v => (double)v), Timed("ReadDoubles(MAG)", () => t.ReadDoubles(3)));
            Assert.Equal(flags.Select(v => v == -1 ? double.NaN : v), Timed("ReadDoubles(FLAGS, TNULL)", () => t.ReadDoubles(4)));

            T Timed<T>(string what, Func<T> read)
            {
                var result = read();
                var best = double.MaxValue;
                for (var k = 0; k < 3; k++)
                {
                    var sw = Stopwatch.StartNew();
                    result = read();
                    best = Math.Min(best, sw.Elapsed.TotalSeconds);
                }
                output.WriteLine($"{what,-28} {best * 1e3,7:F1} ms  {tableMb / best,7:F0} MB/s of table scanned");
                return result;
            }
        }
        finally
        {
            File.Delete(path);
        }
    }
}

using BenchmarkDotNet.Attributes;
using Parallax.Fits;
using Parallax.Fits.Tables;

namespace Parallax.Benchmarks;

/// <summary>Column reads of a 1,000,000-row, 30-byte-row binary table (30 MB, warm page cache): one pass over the rows per column.</summary>
[MemoryDiagnoser]
public class TableReadBenchmarks
{
    private const int Rows = 1_000_000;
    private string _path = "";
    private FitsFile? _file;
    private BinaryTableHdu? _table;

    [GlobalSetup]
    public void Setup()
    {
        var table = new BinaryTable(Rows);
        table.AddColumn("ID", Enumerable.Range(0, Rows).Select(i => 1_000_000_000L + i).ToArray());
        table.AddColumn("RA", Enumerable.Range(0, Rows).Select(i => i * 3.6e-4).ToArray());
        table.AddColumn("DEC", Enumerable.Range(0, Rows).Select(i => -90 + i * 1.8e-4).ToArray());
        table.AddColumn("MAG", Enumerable.Range(0, Rows).Select(i => 10 + (i % 1000) * 0.01f).ToArray());
        table.AddColumn("FLAGS", Enumerable.Range(0, Rows).Select(i => (short)(i % 7 == 0 ? -1 : i % 300)).ToArray(), options: new ColumnOptions { Null = -1 });
        _path = Path.Combine(Path.GetTempPath(), $"parallax-bench-table-{Guid.NewGuid():N}.fits");
        using (var w = FitsWriter.Create(_path))
        {
            w.WriteTable(table);
            w.Commit();
        }
        _file = FitsFile.Open(_path);
        _table = (BinaryTableHdu)_file[1];
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _file?.Dispose();
        File.Delete(_path);
    }

    [Benchmark(Description = "ReadColumn<double> (1e6 rows)")]
    public double[] Float64Column() => _table!.ReadColumn<double>(1);

    [Benchmark(Description = "ReadDoubles of float32 (1e6 rows)")]
    public double[] Float32AsDoubles() => _table!.ReadDoubles(3);

    [Benchmark(Description = "ReadDoubles of int16 with TNULL (1e6 rows)")]
    public double[] Int16WithNull() => _table!.ReadDoubles(4);

    [Benchmark(Description = "ReadColumn<long> (1e6 rows)")]
    public long[] Int64Column() => _table!.ReadColumn<long>(0);
}

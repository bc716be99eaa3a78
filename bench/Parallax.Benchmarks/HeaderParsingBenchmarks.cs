using BenchmarkDotNet.Attributes;
using Parallax.Fits;
using Parallax.Fits.Headers;

namespace Parallax.Benchmarks;

/// <summary>Parsing a typical 200-card raw-frame header (the organiser's hot path).</summary>
[MemoryDiagnoser]
public class HeaderParsingBenchmarks
{
    private byte[] _file = [];

    [GlobalSetup]
    public void Setup()
    {
        var h = new Header();
        for (var i = 0; i < 60; i++)
        {
            h.Set($"KEYI{i}", i * 17L, "an integer keyword");
            h.Set($"KEYF{i}", i * 0.125 + 1e-7, "a real keyword");
            h.Set($"KEYS{i}", $"value number {i}", "a string keyword");
        }
        h.Set("HIERARCH ESO DPR CATG", "SCIENCE");
        h.AddHistory("a history card");
        using var ms = new MemoryStream();
        using (var w = FitsWriter.Create(ms)) { w.WriteEmpty(h); w.Commit(); }
        _file = ms.ToArray();
    }

    [Benchmark(Description = "Open + parse 185-card primary header")]
    public int ParsePrimaryHeader()
    {
        using var f = FitsFile.Open(_file);
        return f.Primary.Header.Count;
    }

    [Benchmark(Description = "Parse + 3 typed lookups")]
    public double ParseAndLookup()
    {
        using var f = FitsFile.Open(_file);
        var h = f.Primary.Header;
        return h.GetDouble("KEYF10") + h.GetInt64("KEYI59") + h.GetString("KEYS3").Length;
    }
}

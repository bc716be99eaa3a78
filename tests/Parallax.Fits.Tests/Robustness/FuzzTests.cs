using System.Text;
using Parallax.Fits.Checksums;
using Parallax.Fits.Hdus;
using Parallax.Fits.Tests.Interop;
using Parallax.Fits.Tests.Support;

namespace Parallax.Fits.Tests.Robustness;

/// <summary>
/// Mutates valid files thousands of times (truncation, flipped bytes, broken cards, absurd sizes)
/// and reads everything in them. Only <see cref="FitsFormatException"/> may come out (or an
/// ArgumentOutOfRange from a section request that the mutated header made invalid), nothing may
/// hang, and memory stays bounded.
/// </summary>
public class FuzzTests
{
    private const long MemoryBoundBytes = 256L << 20;

    /// <summary>The mutation sequence; PARALLAX_FUZZ_SEED runs another one (the committed seed stays reproducible).</summary>
    private static readonly int FuzzSeed = int.TryParse(Environment.GetEnvironmentVariable("PARALLAX_FUZZ_SEED"), out var s) ? s : 20251125;

    private static byte[] Seed()
    {
        using var tmp = TestPaths.Temp();
        return File.ReadAllBytes(WrittenFilesInteropTests.WriteKitchenSink(tmp));
    }

    private static IEnumerable<byte[]> SeedFiles()
    {
        yield return Seed();
        foreach (var dir in new[] { TestPaths.Data("vectors"), TestPaths.Data("compression"), TestPaths.Data("tables") })
        {
            if (!Directory.Exists(dir)) continue;
            foreach (var f in Directory.EnumerateFiles(dir).Where(f => f.EndsWith(".fits") || f.EndsWith(".fz") || f.EndsWith(".fit")).OrderBy(f => f).Take(12))
                if (new FileInfo(f).Length < 300_000) yield return File.ReadAllBytes(f);
        }
    }

    internal static byte[] Mutate(byte[] original, Random rng)
    {
        var b = (byte[])original.Clone();
        switch (rng.Next(7))
        {
            case 0: // truncate anywhere
                return b[..rng.Next(0, b.Length)];
            case 1: // flip random bytes
                for (var i = rng.Next(1, 20); i > 0; i--) b[rng.Next(b.Length)] ^= (byte)(1 << rng.Next(8));
                return b;
            case 2: // absurd NAXISn / PCOUNT / GCOUNT / BITPIX / THEAP / TFORM value
            {
                var text = Encoding.ASCII.GetString(b);
                string[] keys = ["NAXIS1  =", "NAXIS2  =", "NAXIS   =", "PCOUNT  =", "GCOUNT  =", "BITPIX  =", "ZNAXIS1 =", "ZTILE1  =", "THEAP   =", "TFIELDS ="];
                var key = keys[rng.Next(keys.Length)];
                var at = text.IndexOf(key, StringComparison.Ordinal);
                if (at < 0 || at % 80 != 0) goto case 1;
                string[] values = ["999999999999", "-5", "2147483647", "0", "17", "1000000000", "9223372036854775807", "'abc'", "1.5"];
                var v = values[rng.Next(values.Length)].PadLeft(20);
                Encoding.ASCII.GetBytes(v).CopyTo(b, at + 10);
                return b;
            }
            case 3: // break card syntax: garbage in a random card of the first header
            {
                var card = rng.Next(0, 36) * 80;
                var garbage = "= 'unterminated / ( , ) TT 1.2.3 HIERARCH";
                var g = Encoding.ASCII.GetBytes(garbage[rng.Next(garbage.Length)..]);
                Array.Copy(g, 0, b, Math.Min(b.Length - g.Length, card + rng.Next(0, 40)), g.Length);
                return b;
            }
            case 4: // remove the END card(s)
            {
                var text = Encoding.ASCII.GetString(b);
                var at = text.IndexOf("END" + new string(' ', 77), StringComparison.Ordinal);
                if (at < 0) goto case 1;
                Encoding.ASCII.GetBytes("XND").CopyTo(b, at);
                return b;
            }
            case 5: // random bytes in the data area (tables: heap descriptors)
                for (var i = rng.Next(1, 200); i > 0; i--) b[rng.Next(Math.Min(b.Length, 2880), b.Length)] = (byte)rng.Next(256);
                return b;
            default: // append junk, or cut in a header
                return rng.Next(2) == 0 ? [.. b, .. Encoding.ASCII.GetBytes("junk after the end of the file")] : b[..Math.Min(b.Length, rng.Next(1, 2880))];
        }
    }

    internal static void ReadEverything(byte[] bytes, VerifyMode mode)
    {
        using var f = FitsFile.Open(bytes, "fuzz.fits", FitsReadOptions.Default with { Verify = mode, MaxDecompressedBytes = 64 << 20 });
        foreach (var hdu in f.Hdus)
        {
            _ = hdu.Name;
            _ = hdu.Header.Count;
            try { ChecksumVerifier.Verify(hdu); }
            catch (FitsFormatException) { }
            if (hdu is ImageHdu img && img.HasData)
            {
                try
                {
                    _ = img.ReadFloat32();
                    if (img.Width > 2 && img.Height > 2) _ = img.ReadSection(1, 1, img.Width - 2, 1);
                }
                catch (FitsFormatException) { }
                if (img.Compression is { } compression)
                {
                    // tile-compressed: every other path to the tiles, and the table that holds them
                    try { _ = img.ReadRaw(); }
                    catch (FitsFormatException) { }
                    try { _ = img.ReadFloat64(); }
                    catch (FitsFormatException) { }
                    TableReaders.Invoke(compression.Table);
                }
            }
            TableReaders.Invoke(hdu);
        }
    }

    [Fact]
    public void Given_thousands_of_mutated_files_When_read_fully_Then_only_FitsFormatException_escapes_and_memory_is_bounded()
    {
        var seeds = SeedFiles().ToList();
        var rng = new Random(FuzzSeed);
        var failures = new List<string>();
        var iterations = 0;
        var formatErrors = 0;
        var deadline = DateTime.UtcNow.AddSeconds(45);
        for (var i = 0; i < 4000 && DateTime.UtcNow < deadline; i++)
        {
            var seed = seeds[i % seeds.Count];
            var bytes = Mutate(seed, rng);
            var mode = (VerifyMode)(i % 3);
            var before = GC.GetAllocatedBytesForCurrentThread();
            try
            {
                ReadEverything(bytes, mode);
            }
            catch (FitsFormatException e)
            {
                formatErrors++;
                if (e.Message.Contains('\n')) failures.Add($"iteration {i}: multi-line message: {e.Message}");
            }
            catch (Exception e)
            {
                failures.Add($"iteration {i} (seed {i % seeds.Count}, mode {mode}): {e.GetType().Name}: {e.Message}\n{e.StackTrace}");
            }
            var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            if (allocated > MemoryBoundBytes) failures.Add($"iteration {i}: allocated {allocated:N0} bytes for a {bytes.Length:N0}-byte file");
            iterations++;
            if (failures.Count > 5) break;
        }
        Assert.True(failures.Count == 0, string.Join("\n\n", failures));
        Assert.True(iterations >= 1000, $"only {iterations} iterations ran in the time limit");
        Assert.True(formatErrors > iterations / 10, $"only {formatErrors} of {iterations} mutations were rejected: the mutations are too weak");
    }
}

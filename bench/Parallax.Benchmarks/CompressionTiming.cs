using System.Diagnostics;
using Parallax.Fits;
using Parallax.Fits.Compression;

namespace Parallax.Benchmarks;

/// <summary>
/// Tile compression through the public API on one frame, for bench/RESULTS.md and the fpack/funpack
/// comparison in bench/peers/compression_timing.sh. Each job runs once to warm up, then
/// <c>--runs</c> times; prints one JSON line per job with every run's MB/s, counted on the
/// uncompressed data (NAXIS1 × NAXIS2 × |BITPIX|/8 bytes), as fpack/funpack throughput is usually quoted.
/// Jobs:
///   encode        open the plain frame, RICE_1-compress it (row tiles) and write the .fz file (fpack's job)
///   decode        open the .fz file and decompress the whole image to float32 in memory (ReadFloat32)
///   decode-raw    the same to the stored uint16 values (ReadRaw)
///   unpack        open the .fz file, decompress and write it as a plain FITS file (funpack's job)
/// </summary>
internal static class CompressionTiming
{
    public static int Run(string[] args)
    {
        if (args.Length < 2)
        {
            Console.Error.WriteLine("usage: Parallax.Benchmarks compression FRAME.fits WORKDIR [--runs N]");
            return 2;
        }
        var frame = args[0];
        var work = args[1];
        var runs = args.Length > 3 && args[2] == "--runs" ? int.Parse(args[3]) : 5;
        Directory.CreateDirectory(work);
        var packed = Path.Combine(work, "parallax.fits.fz");
        var unpacked = Path.Combine(work, "parallax.unpacked.fits");
        long dataBytes;
        using (var f = FitsFile.Open(frame)) dataBytes = f.Image(0).PixelCount * Math.Abs(f.Image(0).Bitpix) / 8;

        Report("encode", dataBytes, runs, () =>
        {
            using var f = FitsFile.Open(frame);
            using var w = FitsWriter.Create(packed);
            w.CopyImage(f.Image(0), compression: new TileCompressionOptions { RestoreAsPrimary = true });
            w.Commit();
        });
        Report("decode", dataBytes, runs, () =>
        {
            using var f = FitsFile.Open(packed);
            GC.KeepAlive(f.Image(1).ReadFloat32());
        });
        Report("decode-raw", dataBytes, runs, () =>
        {
            using var f = FitsFile.Open(packed);
            GC.KeepAlive(f.Image(1).ReadRaw());
        });
        Report("unpack", dataBytes, runs, () =>
        {
            using var f = FitsFile.Open(packed);
            using var w = FitsWriter.Create(unpacked);
            w.CopyImage(f.Image(1));
            w.Commit();
        });
        Console.WriteLine($"{{\"tool\": \"parallax\", \"job\": \"ratio\", \"plain_bytes\": {new FileInfo(frame).Length}, \"compressed_bytes\": {new FileInfo(packed).Length}}}");
        return 0;
    }

    private static void Report(string job, long dataBytes, int runs, Action action)
    {
        action();
        var rates = new List<double>();
        for (var i = 0; i < runs; i++)
        {
            GC.Collect();
            var sw = Stopwatch.StartNew();
            action();
            rates.Add(dataBytes / 1e6 / sw.Elapsed.TotalSeconds);
        }
        Console.WriteLine($"{{\"tool\": \"parallax\", \"job\": \"{job}\", \"mb_per_s\": [{string.Join(", ", rates.Select(r => r.ToString("F1", System.Globalization.CultureInfo.InvariantCulture)))}]}}");
    }
}

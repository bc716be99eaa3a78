using System.Diagnostics;
using Parallax.Fits;
using Parallax.Fits.Images;

namespace Parallax.Benchmarks;

/// <summary>
/// Whole-job timing for bench/RESULTS.md: read every frame in a folder (uint16 + BZERO) to float32
/// and write it as float32 FITS, the way a calibration step would. Prints one JSON line like the
/// peer scripts in bench/peers/.
/// </summary>
internal static class ReadWriteTiming
{
    public static int Run(string[] args)
    {
        if (args.Length < 2)
        {
            Console.Error.WriteLine("usage: Parallax.Benchmarks readwrite INDIR OUTDIR");
            return 2;
        }
        var files = Directory.GetFiles(args[0], "*.fits").OrderBy(f => f).ToArray();
        Directory.CreateDirectory(args[1]);
        long bytesIn = 0;
        var options = FitsWriteOptions.Default with { WriteChecksums = args.Contains("--checksum") };
        var sw = Stopwatch.StartNew();
        float[] pixels = [];
        foreach (var file in files)
        {
            using var fits = FitsFile.Open(file);
            var img = fits.Image(0);
            // One pixel buffer for the whole run, as the engine's pooled buffers do.
            if (pixels.Length != img.PixelCount) pixels = GC.AllocateUninitializedArray<float>((int)img.PixelCount);
            img.ReadFloat32(0, pixels);
            bytesIn += new FileInfo(file).Length;
            using var w = FitsWriter.Create(Path.Combine(args[1], Path.GetFileName(file)), options);
            w.WriteImage(pixels, [.. img.Axes], img.Header, ImageEncoding.Float32);
            w.Commit();
        }
        var seconds = sw.Elapsed.TotalSeconds;
        Console.WriteLine($"{{\"tool\": \"parallax\", \"files\": {files.Length}, \"seconds\": {seconds:F3}, \"mb_per_s\": {bytesIn / 1e6 / seconds:F1}, \"checksums\": {options.WriteChecksums.ToString().ToLowerInvariant()}}}");
        return 0;
    }
}

using System.Diagnostics;
using Parallax.Fits;
using Parallax.Fits.Headers;
using Parallax.Fits.Images;

namespace Parallax.Cli.Tests;

/// <summary>
/// A small night of the simulator imager (instrument parallax-sim-imager) with noise: 3 biases
/// (1000 ± 5 ADU), 3 darks of 100 s (1100 ± 5), 3 V flats (20000 ± 20), 3 science frames of M 67
/// (1500 ± 10), each 40 × 32 pixels: two amplifiers' data sections of 16 columns and 4 overscan columns each.
/// </summary>
public sealed class SimNight : IDisposable
{
    public const int Width = 40;
    public const int Height = 32;

    private readonly TempDir _dir = new();

    public SimNight(double biasNoise = 5, int size = 1)
    {
        Scale = size;
        for (var i = 1; i <= 3; i++)
        {
            Write($"raw/cal/bias{i}.fits", "BIAS", 0, $"2024-03-01T18:0{i}:00", 1000, biasNoise, 10 + i);
            Write($"raw/cal/dark{i}.fits", "DARK", 100, $"2024-03-01T18:1{i}:00", 1100, 5, 20 + i);
            Write($"raw/cal/flat{i}.fits", "FLAT", 5, $"2024-03-01T18:3{i}:00", 20000, 20, 30 + i);
            // A telescope's pointing WCS, as raw science frames carry: the coadd falls back on it for starless frames.
            Write($"raw/sci/m67_{i}.fits", "OBJECT", 100, $"2024-03-01T20:0{i}:00", 1500, 10, 40 + i,
                ("CTYPE1", "RA---TAN"), ("CTYPE2", "DEC--TAN"), ("CRVAL1", 132.85), ("CRVAL2", 11.8), ("CRPIX1", 20.5), ("CRPIX2", 16.5),
                ("CDELT1", -1e-4), ("CDELT2", 1e-4));
        }
    }

    /// <summary>Frames are <see cref="Width"/>·Scale × <see cref="Height"/>·Scale pixels.</summary>
    public int Scale { get; }

    public string Root => _dir.Path;

    public string Raw => _dir.File("raw");

    public string Out => _dir.File("out");

    public string File(string name) => _dir.File(name);

    public string Product(string name) => Path.Combine(Out, name);

    /// <summary>Writes one frame (uint16, as a camera would) with Gaussian noise from a seeded generator.</summary>
    public string Write(string name, string imagetyp, double exptime, string dateObs, double level, double noise, int seed, params (string Key, object? Value)[] extra)
    {
        int w = Width * Scale, h = Height * Scale, half = w / 2, data = 16 * Scale;
        var header = new Header();
        foreach (var (k, v) in new (string, object?)[]
        {
            ("INSTRUME", "PARALLAX-SIM-IMAGER"), ("IMAGETYP", imagetyp), ("EXPTIME", exptime), ("DATE-OBS", dateObs), ("FILTER", "V"),
            ("OBJECT", imagetyp == "OBJECT" ? "M 67" : ""), ("XBINNING", 1L), ("YBINNING", 1L),
            ("DATASECA", $"[1:{data},1:{h}]"), ("BIASSECA", $"[{data + 1}:{half},1:{h}]"),
            ("DATASECB", $"[{w - data + 1}:{w},1:{h}]"), ("BIASSECB", $"[{half + 1}:{w - data},1:{h}]"),
            ("GAINA", 1.5), ("GAINB", 1.5), ("RDNOISEA", 7.5), ("RDNOISEB", 7.5),
        }.Concat(extra)) header.Set(k, v);
        var rng = new Random(seed);
        var pixels = new float[w * h];
        for (var i = 0; i < pixels.Length; i++)
        {
            var x = i % w;
            var overscan = x >= data && x < w - data;
            var gauss = Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble());
            pixels[i] = (float)Math.Round(overscan ? 1000 + 5 * gauss : level + noise * gauss);
        }
        var path = _dir.File(name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using var writer = FitsWriter.Create(path);
        writer.WriteImage(pixels, [w, h], header, ImageEncoding.UInt16);
        writer.Commit();
        return path;
    }

    public static Header PrimaryHeader(string path)
    {
        using var f = FitsFile.Open(path);
        return f.Primary.Header;
    }

    public static float[] Science(string path)
    {
        using var f = FitsFile.Open(path);
        return f.Image("SCI").ReadFloat32();
    }

    /// <summary>Every FITS product under the output folder, by name, with its modification time.</summary>
    public Dictionary<string, DateTime> ProductTimes()
        => Directory.GetFiles(Out, "*.fits", SearchOption.AllDirectories).ToDictionary(p => Path.GetFileName(p), System.IO.File.GetLastWriteTimeUtc);

    public string[] Temporaries() => Directory.Exists(Out) ? Directory.GetFiles(Out, "*.tmp", SearchOption.AllDirectories) : [];

    public void Dispose() => _dir.Dispose();
}

/// <summary>The parallax command started as a child process that the test can signal or kill.</summary>
public sealed class CliProcess : IDisposable
{
    private readonly Process _process;
    private readonly Task<string> _stdout;
    private readonly Task<string> _stderr;

    public CliProcess(IDictionary<string, string> environment, params string[] args)
    {
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        psi.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "parallax.dll"));
        foreach (var a in args) psi.ArgumentList.Add(a);
        psi.Environment["NO_COLOR"] = "1";
        foreach (var (k, v) in environment) psi.Environment[k] = v;
        _process = Process.Start(psi)!;
        _stdout = _process.StandardOutput.ReadToEndAsync();
        _stderr = _process.StandardError.ReadToEndAsync();
    }

    public int Id => _process.Id;

    /// <summary>SIGKILL: the process gets no chance to clean up.</summary>
    public void Kill() => _process.Kill(entireProcessTree: true);

    /// <summary>SIGINT, as Ctrl-C sends.</summary>
    public void Interrupt()
    {
        using var kill = Process.Start(new ProcessStartInfo("kill", $"-INT {_process.Id}") { UseShellExecute = false })!;
        kill.WaitForExit();
    }

    public (int ExitCode, string Stdout, string Stderr) Wait(int timeoutMs = 60_000)
    {
        if (!_process.WaitForExit(timeoutMs))
        {
            _process.Kill(true);
            throw new TimeoutException("parallax did not finish");
        }
        return (_process.ExitCode, _stdout.Result, _stderr.Result);
    }

    public void Dispose()
    {
        if (!_process.HasExited) _process.Kill(true);
        _process.Dispose();
    }
}

/// <summary>fitsverify, when installed.</summary>
public static class Fitsverify
{
    public static string? Path => (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Select(d => System.IO.Path.Combine(d, "fitsverify")).FirstOrDefault(System.IO.File.Exists);

    /// <summary>(errors, warnings, report) of one file.</summary>
    public static (int Errors, int Warnings, string Report) Check(string file)
    {
        var psi = new ProcessStartInfo(Path!, $"\"{file}\"") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        using var p = Process.Start(psi)!;
        var output = p.StandardOutput.ReadToEnd() + p.StandardError.ReadToEnd();
        p.WaitForExit();
        var m = System.Text.RegularExpressions.Regex.Match(output, @"Verification found (\d+) warning\(s\) and (\d+) error\(s\)");
        if (!m.Success) throw new InvalidOperationException("unexpected fitsverify output:\n" + output);
        return (int.Parse(m.Groups[2].Value), int.Parse(m.Groups[1].Value), output);
    }
}

using Xunit;
using System.Diagnostics;

namespace Parallax.Fits.Tests.Tables;

/// <summary>Finds the tools and data some table tests need, so those tests skip (with a reason) where they are absent.</summary>
internal static class TestEnvironment
{
    public const string Python = "/usr/bin/python3";

    /// <summary>The real-data folder: $PARALLAX_REAL_DATA, else ../shared/data/real from the repository root.</summary>
    public static string RealDataDir
    {
        get
        {
            if (Environment.GetEnvironmentVariable("PARALLAX_REAL_DATA") is { Length: > 0 } env) return env;
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Parallax.slnx"))) dir = dir.Parent;
            return dir is null ? "" : Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "data", "real"));
        }
    }

    public static bool HasAstropy { get; } = Runs(Python, "-c \"import astropy.io.fits\"");

    public static string? Fitsverify { get; } = new[] { "/usr/bin/fitsverify", "/usr/local/bin/fitsverify" }.FirstOrDefault(File.Exists);

    public static (int ExitCode, string Output) Run(string file, params string[] args)
    {
        var psi = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEnd();
        p.WaitForExit();
        return (p.ExitCode, stdout.Result + stderr);
    }

    private static bool Runs(string file, string args)
    {
        if (!File.Exists(file)) return false;
        try
        {
            using var p = Process.Start(new ProcessStartInfo(file, args) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false })!;
            p.WaitForExit();
            return p.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }
}

/// <summary>A fact that needs a file under the real-data folder; skipped with the path when it is absent.</summary>
public sealed class RealDataFactAttribute : FactAttribute
{
    public RealDataFactAttribute(string relativePath)
    {
        var path = Path.Combine(TestEnvironment.RealDataDir, relativePath);
        if (!File.Exists(path)) Skip = $"real data file {path} is absent (set PARALLAX_REAL_DATA or place the data at ../shared/data/real)";
    }
}

/// <summary>A fact that needs /usr/bin/python3 with astropy.</summary>
public sealed class AstropyFactAttribute : FactAttribute
{
    public AstropyFactAttribute()
    {
        if (!TestEnvironment.HasAstropy) Skip = $"{TestEnvironment.Python} with astropy is not available";
    }
}

/// <summary>A fact that needs CFITSIO's fitsverify.</summary>
public sealed class FitsverifyFactAttribute : FactAttribute
{
    public FitsverifyFactAttribute()
    {
        if (TestEnvironment.Fitsverify is null) Skip = "fitsverify is not installed";
    }
}

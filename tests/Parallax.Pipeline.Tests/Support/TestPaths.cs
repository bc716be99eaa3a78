using Parallax.Pipeline.Instruments;

namespace Parallax.Pipeline.Tests.Support;

/// <summary>Locations the tests need: the repository root, the shipped instruments, the shared real data.</summary>
public static class TestPaths
{
    private static readonly Lazy<string> Root = new(() =>
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Parallax.slnx"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("cannot find the repository root (Parallax.slnx) above " + AppContext.BaseDirectory);
    });

    private static readonly Lazy<InstrumentCatalog> ShippedCatalog = new(() => InstrumentCatalog.Load([Instruments]));

    /// <summary>The repository root.</summary>
    public static string RepoRoot => Root.Value;

    /// <summary>The shipped instrument folder (instruments/ at the repository root).</summary>
    public static string Instruments => Path.Combine(RepoRoot, "instruments");

    /// <summary>The shipped instruments, loaded once.</summary>
    public static InstrumentCatalog Catalog => ShippedCatalog.Value;

    /// <summary>The shared real-data folder (../shared/data/real from the repository root, or PARALLAX_REAL_DATA when set); may be absent.</summary>
    public static string RealData => Environment.GetEnvironmentVariable("PARALLAX_REAL_DATA") is { Length: > 0 } env
        ? env
        : Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared", "data", "real"));

    /// <summary>Skips the calling test with a clear message when the real data are absent.</summary>
    public static string RequireRealData(params string[] parts)
    {
        var path = Path.Combine([RealData, .. parts]);
        Skip.IfNot(File.Exists(path) || Directory.Exists(path), $"real data not found at {path} (the ../shared/data/real folder is absent); this validation test needs it");
        return path;
    }
}

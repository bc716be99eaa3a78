namespace Parallax.Imaging.Tests.Support;

/// <summary>Locations the tests need: the repository root, committed test data, the shared real data.</summary>
public static class TestPaths
{
    private static readonly Lazy<string> Root = new(() =>
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Parallax.slnx"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("cannot find the repository root (Parallax.slnx) above " + AppContext.BaseDirectory);
    });

    /// <summary>The repository root.</summary>
    public static string RepoRoot => Root.Value;

    /// <summary>A file under tests/Parallax.Imaging.Tests/data.</summary>
    public static string Data(params string[] parts) => Path.Combine([RepoRoot, "tests", "Parallax.Imaging.Tests", "data", .. parts]);

    /// <summary>The shared real-data folder (../shared/data/real from the repository root); may be absent.</summary>
    public static string RealData => Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared", "data", "real"));

    /// <summary>Skips the calling test with a clear message when the real data are absent.</summary>
    public static string RequireRealData(params string[] parts)
    {
        var path = Path.Combine([RealData, .. parts]);
        Skip.IfNot(File.Exists(path) || Directory.Exists(path), $"real data not found at {path} (the ../shared/data/real folder is absent); this validation test needs it");
        return path;
    }

    /// <summary>A fresh temporary folder, deleted when disposed.</summary>
    public static TempFolder Temp() => new();
}

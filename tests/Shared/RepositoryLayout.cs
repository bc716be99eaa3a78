namespace Parallax.Testing;

/// <summary>
/// Where tests find things: the repository root (the folder holding Parallax.slnx above the test
/// binaries), committed test data, and the shared real data (../shared/data/real from the root, or
/// PARALLAX_REAL_DATA when set), which may be absent.
/// </summary>
public static class RepositoryLayout
{
    private static readonly Lazy<string> Root = new(() =>
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Parallax.slnx"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("cannot find the repository root (Parallax.slnx) above " + AppContext.BaseDirectory);
    });

    /// <summary>The repository root.</summary>
    public static string RepoRoot => Root.Value;

    /// <summary>A path under tests/PROJECT/data.</summary>
    public static string TestData(string project, params string[] parts) => Path.Combine([RepoRoot, "tests", project, "data", .. parts]);

    /// <summary>The shared real-data folder; may be absent.</summary>
    public static string RealData => Environment.GetEnvironmentVariable("PARALLAX_REAL_DATA") is { Length: > 0 } env
        ? env
        : Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared", "data", "real"));

    /// <summary>Skips the calling test with a clear message when the real data are absent; returns the path.</summary>
    public static string RequireRealData(params string[] parts)
    {
        var path = Path.Combine([RealData, .. parts]);
        Skip.IfNot(File.Exists(path) || Directory.Exists(path), $"real data not found at {path} (the ../shared/data/real folder is absent); this validation test needs it");
        return path;
    }
}

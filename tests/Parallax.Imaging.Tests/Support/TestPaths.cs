namespace Parallax.Imaging.Tests.Support;

/// <summary>Locations the tests need: the repository root, committed test data, the shared real data.</summary>
public static class TestPaths
{
    /// <summary>The repository root.</summary>
    public static string RepoRoot => RepositoryLayout.RepoRoot;

    /// <summary>A file under tests/Parallax.Imaging.Tests/data.</summary>
    public static string Data(params string[] parts) => RepositoryLayout.TestData("Parallax.Imaging.Tests", parts);

    /// <summary>The shared real-data folder (../shared/data/real from the repository root); may be absent.</summary>
    public static string RealData => RepositoryLayout.RealData;

    /// <summary>Skips the calling test with a clear message when the real data are absent.</summary>
    public static string RequireRealData(params string[] parts) => RepositoryLayout.RequireRealData(parts);

    /// <summary>A fresh temporary folder, deleted when disposed.</summary>
    public static TempFolder Temp() => new();
}

using Parallax.Pipeline.Instruments;

namespace Parallax.Pipeline.Tests.Support;

/// <summary>Locations the tests need: the repository root, the shipped instruments, the shared real data.</summary>
public static class TestPaths
{
    private static readonly Lazy<InstrumentCatalog> ShippedCatalog = new(() => InstrumentCatalog.Load([Instruments]));

    /// <summary>The repository root.</summary>
    public static string RepoRoot => RepositoryLayout.RepoRoot;

    /// <summary>The shipped instrument folder (instruments/ at the repository root).</summary>
    public static string Instruments => Path.Combine(RepoRoot, "instruments");

    /// <summary>The shipped instruments, loaded once.</summary>
    public static InstrumentCatalog Catalog => ShippedCatalog.Value;

    /// <summary>The shared real-data folder (../shared/data/real from the repository root, or PARALLAX_REAL_DATA when set); may be absent.</summary>
    public static string RealData => RepositoryLayout.RealData;

    /// <summary>Skips the calling test with a clear message when the real data are absent.</summary>
    public static string RequireRealData(params string[] parts) => RepositoryLayout.RequireRealData(parts);
}

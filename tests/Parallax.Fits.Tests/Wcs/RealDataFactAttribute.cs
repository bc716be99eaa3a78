using Xunit;
namespace Parallax.Fits.Tests.Wcs;

/// <summary>A fact that is skipped, with the reason shown, when the real-data folder (shared/data/real) is absent.</summary>
public sealed class RealDataFactAttribute : FactAttribute
{
    public RealDataFactAttribute(string relativePath)
    {
        if (RealData.Find(relativePath) is null)
            Skip = $"real data not available: shared/data/real/{relativePath} was not found above {AppContext.BaseDirectory}";
    }
}

/// <summary>Finds files under shared/data/real by walking up from the test binaries (the repository's sibling folder).</summary>
public static class RealData
{
    public static string? Find(string relativePath)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var root = Path.Combine(dir.FullName, "shared", "data", "real");
            if (!Directory.Exists(root)) continue;
            var folder = Path.Combine(root, Path.GetDirectoryName(relativePath) ?? "");
            if (!Directory.Exists(folder)) return null;
            var match = Directory.EnumerateFiles(folder, Path.GetFileName(relativePath)).Order().FirstOrDefault();
            return match;
        }
        return null;
    }
}

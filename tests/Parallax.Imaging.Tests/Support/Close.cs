namespace Parallax.Imaging.Tests.Support;

/// <summary>Assertions with stated tolerances.</summary>
public static class Close
{
    /// <summary>Passes when |actual − expected| ≤ abs + rel·|expected|, or both are NaN.</summary>
    public static void Equal(double expected, double actual, double rel, double abs = 0, string? what = null)
    {
        if (double.IsNaN(expected) && double.IsNaN(actual)) return;
        var tol = abs + rel * Math.Abs(expected);
        if (!(Math.Abs(actual - expected) <= tol))
            Assert.Fail($"{what ?? "value"}: expected {expected:R}, got {actual:R} (difference {actual - expected:G4}, tolerance {tol:G4})");
    }
}

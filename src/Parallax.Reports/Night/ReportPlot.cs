namespace Parallax.Reports.Night;

/// <summary>A plot embedded in the report.</summary>
/// <param name="Id">Anchor id within the report (letters, digits and dashes).</param>
/// <param name="Title">Caption.</param>
/// <param name="Png">The PNG bytes.</param>
public sealed record ReportPlot(string Id, string Title, byte[] Png);

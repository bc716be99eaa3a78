namespace Parallax.Simulation.Imaging;

/// <summary>Where a catalog source landed in one frame and how much light it delivered.</summary>
/// <param name="Id">Catalog id.</param>
/// <param name="X">Zero-based trimmed column of its centre (true WCS).</param>
/// <param name="Y">Zero-based trimmed row.</param>
/// <param name="Electrons">Total photo-electrons, before the flat field (after extinction).</param>
/// <param name="Magnitude">Its catalog magnitude in the frame's filter.</param>
internal readonly record struct SourceTruth(int Id, double X, double Y, double Electrons, double Magnitude);

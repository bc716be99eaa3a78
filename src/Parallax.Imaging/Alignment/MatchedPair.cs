namespace Parallax.Imaging.Alignment;

/// <summary>A star of the source list matched to one of the target list.</summary>
/// <param name="SourceIndex">Index in the source list.</param>
/// <param name="TargetIndex">Index in the target list.</param>
/// <param name="Residual">Distance between the transformed source position and the target position, target pixels.</param>
public readonly record struct MatchedPair(int SourceIndex, int TargetIndex, double Residual);

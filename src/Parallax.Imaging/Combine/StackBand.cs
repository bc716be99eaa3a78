namespace Parallax.Imaging.Combine;

/// <summary>The row band of every frame currently in memory: one array per frame, each holding rows × width values.</summary>
/// <param name="Data">Pixel values, per frame.</param>
/// <param name="Variance">Variances per frame, or null when the combination does not need them.</param>
/// <param name="Mask">Mask bits per frame, or null when no frame has a mask.</param>
internal readonly record struct StackBand(float[][] Data, float[][]? Variance, ushort[][]? Mask);

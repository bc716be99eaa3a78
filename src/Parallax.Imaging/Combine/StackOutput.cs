namespace Parallax.Imaging.Combine;

/// <summary>The planes a combination writes, each covering the whole image.</summary>
internal readonly record struct StackOutput(float[] Data, float[] Variance, ushort[] Mask, ushort[] FramesUsed, ushort[] Rejected);

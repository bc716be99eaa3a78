namespace Parallax.Imaging.Sources;

/// <summary>A horizontal run of above-threshold pixels: row <see cref="Y"/>, columns <see cref="X0"/>..<see cref="X1"/> inclusive.</summary>
internal readonly record struct PixelRun(int Y, int X0, int X1)
{
    /// <summary>Pixels in the run.</summary>
    public int Length => X1 - X0 + 1;
}

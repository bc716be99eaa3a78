namespace Parallax.Pipeline.Engine;

/// <summary>A file given to a task and its category: a raw frame (<c>BIAS</c>) or a calibration (<c>MASTER_BIAS</c>).</summary>
/// <param name="Path">The file.</param>
/// <param name="Category">Its category.</param>
public sealed record TaskFile(string Path, string Category)
{
    /// <inheritdoc/>
    public override string ToString() => $"{Path} {Category}";
}

namespace Parallax.Fits;

/// <summary>Where a header or HDU came from, so errors can name it.</summary>
/// <param name="FileName">The file name (as given to open), or null for a stream.</param>
/// <param name="HduIndex">Zero-based HDU index, or null when unknown.</param>
public readonly record struct FitsLocation(string? FileName, int? HduIndex)
{
    /// <summary>A location that names nothing (headers built in memory).</summary>
    public static FitsLocation None => default;

    /// <inheritdoc/>
    public override string ToString() => HduIndex is { } h ? $"{FileName ?? "<stream>"} HDU {h}" : FileName ?? "<memory>";
}

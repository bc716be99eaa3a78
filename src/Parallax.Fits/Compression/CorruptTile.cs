namespace Parallax.Fits.Compression;

/// <summary>
/// Builds the exception a codec throws for compressed bytes it cannot decode. Codecs know
/// nothing of files or HDUs; the caller that knows the location may wrap or rethrow it.
/// </summary>
internal static class CorruptTile
{
    /// <summary>An exception saying which codec failed and why, e.g. "RICE_1 tile: the data end before 300 pixels".</summary>
    public static FitsFormatException Error(string codec, string reason, Exception? inner = null)
        => new($"{codec} tile: {reason}", inner: inner);
}

namespace Parallax.Reports.Night;

/// <summary>A file and the one-line reason it was left out (skipped input, unclassified or unreadable frame).</summary>
/// <param name="File">The file name (or path, for unreadable files).</param>
/// <param name="Reason">Why, in one line.</param>
public sealed record FileNote(string File, string Reason);

namespace Parallax.Pipeline.Organising;

/// <summary>A file that could not be read as FITS; it is skipped and reported.</summary>
/// <param name="Path">The file.</param>
/// <param name="Message">One line naming the file and what is wrong (the FITS layer's message).</param>
public sealed record UnreadableFile(string Path, string Message);

namespace Parallax.Pipeline.Recipes;

/// <summary>
/// The text of a file an instrument definition names (e.g. a comparison lamp's line list), read by the
/// engine so that recipes never open files.
/// </summary>
/// <param name="Name">The file's name as the instrument file gives it (e.g. <c>linelists/hgcdhe.dat</c>).</param>
/// <param name="Text">The file's whole text.</param>
public sealed record NamedText(string Name, string Text);

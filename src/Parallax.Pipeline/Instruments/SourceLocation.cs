namespace Parallax.Pipeline.Instruments;

/// <summary>A place in an instrument file: file name, one-based line and column.</summary>
/// <param name="File">The YAML file the value came from.</param>
/// <param name="Line">One-based line number.</param>
/// <param name="Column">One-based column number.</param>
public readonly record struct SourceLocation(string File, int Line, int Column)
{
    /// <summary>"file:line:column", the form editors jump to.</summary>
    public override string ToString() => $"{File}:{Line}:{Column}";
}

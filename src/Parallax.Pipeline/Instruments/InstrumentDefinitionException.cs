namespace Parallax.Pipeline.Instruments;

/// <summary>
/// An instrument file that breaks the schema. The message is one line naming the file, line,
/// column and field (as a path such as <c>classification[2].when</c>) and what is wrong.
/// </summary>
public sealed class InstrumentDefinitionException : Exception
{
    /// <summary>Creates the exception; <see cref="Exception.Message"/> joins the parts into one line.</summary>
    public InstrumentDefinitionException(SourceLocation location, string field, string reason, Exception? inner = null)
        : base($"{location}: {(field.Length > 0 ? $"field '{field}': " : "")}{reason}", inner)
    {
        Location = location;
        Field = field;
        Reason = reason;
    }

    /// <summary>Where the problem is.</summary>
    public SourceLocation Location { get; }

    /// <summary>The field path, e.g. <c>associations.SCIENCE[0].match</c>; empty for the whole file.</summary>
    public string Field { get; }

    /// <summary>What is wrong, without the location.</summary>
    public string Reason { get; }
}

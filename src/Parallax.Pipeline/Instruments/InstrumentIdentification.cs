namespace Parallax.Pipeline.Instruments;

/// <summary>The outcome of matching a header against the loaded instruments: the instrument, or why none was chosen.</summary>
/// <param name="Instrument">The instrument that claims the file, or null.</param>
/// <param name="Reason">Why no instrument was chosen (none matched, or several tie); null when one was.</param>
public sealed record InstrumentIdentification(InstrumentDefinition? Instrument, string? Reason);

namespace Parallax.Pipeline.Instruments;

/// <summary>The detector of an instrument: its amplifiers, each with sections and electronics.</summary>
public sealed class DetectorGeometry
{
    /// <summary>A detector with no amplifiers declared (the recipes then use the whole image and header values).</summary>
    public static DetectorGeometry Empty { get; } = new();

    /// <summary>The amplifiers, in readout order.</summary>
    public IReadOnlyList<DetectorAmplifier> Amplifiers { get; init; } = [];

    /// <summary>The response shared by every amplifier that does not give its own; null: the detector is taken as linear.</summary>
    public DetectorNonlinearity? Nonlinearity { get; init; }
}

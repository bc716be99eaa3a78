namespace Parallax.Simulation.Night;

/// <summary>What a simulated night wrote.</summary>
/// <param name="Frames">Every frame, in observing order.</param>
/// <param name="RawDirectory">Folder of the raw FITS files.</param>
/// <param name="TruthDirectory">Folder of the truth.</param>
/// <param name="Elapsed">Wall time of the run.</param>
/// <param name="RawBytes">Bytes of raw FITS written.</param>
public sealed record SimulationResult(IReadOnlyList<FrameSpec> Frames, string RawDirectory, string TruthDirectory, TimeSpan Elapsed, long RawBytes);

namespace Parallax.Simulation.Night;

/// <summary>How a night is run (not what is simulated: that is the model, the plan and the seed).</summary>
public sealed record SimulationOptions
{
    /// <summary>Frames rendered at once (default: the processor count). The output does not depend on it.</summary>
    public int MaxParallelism { get; init; } = Environment.ProcessorCount;

    /// <summary>Called after each frame is written (from worker threads).</summary>
    public Action<FrameSpec>? FrameWritten { get; init; }

    /// <summary>Write cosmic-ray, source and WCS truth for every frame (default true).</summary>
    public bool PerFrameTruth { get; init; } = true;
}

namespace Parallax.Pipeline.Organising;

/// <summary>Whether a planned task can run.</summary>
public enum CascadeTaskStatus
{
    /// <summary>Every required calibration is available or will be made by this run.</summary>
    Ready,

    /// <summary>A required calibration is missing, or a task it waits on is blocked.</summary>
    Blocked,
}

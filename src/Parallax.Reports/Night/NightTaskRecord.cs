namespace Parallax.Reports.Night;

/// <summary>One task of a reduction as the night record keeps it.</summary>
public sealed record NightTaskRecord
{
    /// <summary>The task id, e.g. <c>master_bias:BIAS-1</c>.</summary>
    public required string Id { get; init; }

    /// <summary>The recipe's name.</summary>
    public required string Recipe { get; init; }

    /// <summary>The category of its input frames (e.g. <c>BIAS</c>), or empty when unknown.</summary>
    public string Category { get; init; } = "";

    /// <summary>How it ended: the engine's <c>TaskState</c> name (Done, UpToDate, QcFailed, Blocked, ...).</summary>
    public required string State { get; init; }

    /// <summary>The engine's one-line message.</summary>
    public string Message { get; init; } = "";

    /// <summary>Wall time in seconds.</summary>
    public double Seconds { get; init; }

    /// <summary>Ids of the tasks whose products it uses.</summary>
    public List<string> DependsOn { get; init; } = [];

    /// <summary>Its input frames (file names).</summary>
    public List<string> Inputs { get; init; } = [];

    /// <summary>Its products, relative to the output folder.</summary>
    public List<string> Products { get; init; } = [];

    /// <summary>Inputs it left out, with their reasons.</summary>
    public List<FileNote> Skipped { get; init; } = [];

    /// <summary>True when the task succeeded (done, up to date, or no work).</summary>
    public bool Succeeded => State is "Done" or "UpToDate" or "NoWork";
}

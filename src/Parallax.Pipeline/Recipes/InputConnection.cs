namespace Parallax.Pipeline.Recipes;

/// <summary>The frames a recipe processes: which categories, and how many it needs and accepts.</summary>
public sealed record InputConnection
{
    /// <summary>Frame categories taken as this input (e.g. <c>BIAS</c>; <c>FLAT</c> and <c>SKYFLAT</c>).</summary>
    public required IReadOnlyList<string> Categories { get; init; }

    /// <summary>Fewest frames the recipe can work with (after unreadable ones are dropped). Default 1.</summary>
    public int MinCount { get; init; } = 1;

    /// <summary>Most frames accepted in one run. Default: no limit.</summary>
    public int MaxCount { get; init; } = int.MaxValue;

    /// <summary>What the frames are for.</summary>
    public string Doc { get; init; } = "";

    /// <summary>True when a frame of <paramref name="category"/> is taken by this input.</summary>
    public bool Accepts(string category) => Categories.Contains(category, StringComparer.OrdinalIgnoreCase);

    /// <summary>"BIAS (1..)", "SCIENCE (1..100)".</summary>
    public override string ToString() => $"{string.Join("|", Categories)} ({MinCount}..{(MaxCount == int.MaxValue ? "" : MaxCount)})";
}

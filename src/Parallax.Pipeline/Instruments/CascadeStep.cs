namespace Parallax.Pipeline.Instruments;

/// <summary>
/// One step of an instrument's cascade: the recipe that runs, what it consumes and the product
/// category it registers. A step consumes either the raw frames of a category (one task per group)
/// or, with <see cref="From"/>, the products of an earlier step (one task per upstream task, or per
/// set of upstream tasks sharing the <see cref="GroupBy"/> values).
/// </summary>
public sealed class CascadeStep
{
    /// <summary>
    /// The raw frame category the step belongs to (e.g. <c>BIAS</c>): the frames it consumes, or for a
    /// chained step the category of the raw frames its chain started from.
    /// </summary>
    public required string Category { get; init; }

    /// <summary>The recipe's name (e.g. <c>master_bias</c>).</summary>
    public required string Recipe { get; init; }

    /// <summary>The product category made (e.g. <c>MASTER_BIAS</c>); calibrations and chained steps select it by this name. Unique within the cascade.</summary>
    public required string Product { get; init; }

    /// <summary>
    /// For a chained step, the product category of an earlier step whose products are this step's
    /// inputs (e.g. <c>REDUCED_IMAGE</c>); null when the step consumes raw frames.
    /// </summary>
    public string? From { get; init; }

    /// <summary>
    /// For a chained step, the logical names whose values the upstream groups must share to be
    /// consumed by one task (e.g. <c>filter</c>, <c>object</c>); empty for one task per upstream task.
    /// </summary>
    public IReadOnlyList<string> GroupBy { get; init; } = [];

    /// <summary>Fewest inputs the recipe accepts: a smaller raw group is planned but flagged; a chained task with fewer usable upstream products is blocked.</summary>
    public int MinFrames { get; init; } = 1;

    /// <summary>Where the step is defined.</summary>
    public SourceLocation Location { get; init; }

    /// <summary>True when the step consumes products of an earlier step rather than raw frames.</summary>
    public bool IsChained => From is not null;

    /// <summary>The category of the step's inputs, and the key of the association rules that choose its calibrations: <see cref="From"/> for a chained step, else <see cref="Category"/>.</summary>
    public string InputCategory => From ?? Category;

    /// <summary>"reduce_image (SCIENCE) -> REDUCED_IMAGE" or "coadd (from REDUCED_IMAGE, by filter, object) -> COADD".</summary>
    public override string ToString()
        => From is null ? $"{Recipe} ({Category}) -> {Product}" : $"{Recipe} (from {From}{(GroupBy.Count > 0 ? ", by " + string.Join(", ", GroupBy) : "")}) -> {Product}";
}

using Parallax.Pipeline.Instruments;

namespace Parallax.Pipeline.Organising;

/// <summary>
/// One node of the cascade: a recipe run on one group of raw frames, or — for a chained step — on
/// the products of one or more upstream tasks, with the calibrations it needs and the tasks it waits on.
/// </summary>
public sealed class CascadeTask
{
    /// <summary>Unique id within the plan: <c>recipe:GROUP</c>, e.g. <c>master_bias:BIAS-1</c> or <c>coadd:SCIENCE-1+3</c>.</summary>
    public required string Id { get; init; }

    /// <summary>The cascade step (recipe, inputs and product) from the instrument file.</summary>
    public required CascadeStep Step { get; init; }

    /// <summary>
    /// The raw frames the task stands for: its input group, or for a chained task the upstream
    /// tasks' groups merged (id <c>SCIENCE-1+3</c>, the values they share, all their frames).
    /// </summary>
    public required FrameGroup Group { get; init; }

    /// <summary>For a chained task, the tasks whose products of category <see cref="CascadeStep.From"/> are its inputs; empty for a task on raw frames.</summary>
    public IReadOnlyList<CascadeTask> Upstream { get; init; } = [];

    /// <summary>The category of the task's inputs: the raw category, or the upstream product category.</summary>
    public string InputCategory => Step.InputCategory;

    /// <summary>The product's name, used for its file: <c>MASTER_BIAS_BIAS-1</c>.</summary>
    public string ProductName => $"{Step.Product}_{Group.Id}";

    /// <summary>The calibrations needed, one per association rule of the task's input category.</summary>
    public required IReadOnlyList<CalibrationLink> Calibrations { get; init; }

    /// <summary>Ids of the tasks whose products this task uses: upstream tasks first, then calibration makers.</summary>
    public IReadOnlyList<string> DependsOn => field ??= Upstream.Select(u => u.Id).Concat(Calibrations.Select(c => c.ProducerTaskId).OfType<string>()).Distinct().ToList();

    /// <summary>Ready or blocked.</summary>
    public CascadeTaskStatus Status { get; internal set; }

    /// <summary>The dependency cycle the task is caught in ("a -> b -> a"), or null; such a task never runs.</summary>
    public string? Cycle { get; internal set; }

    /// <summary>Why the task is blocked, or warnings such as too few frames.</summary>
    public List<string> Notes { get; } = [];

    /// <summary>What the task consumes, for listings: "5 SCIENCE frame(s)" or "REDUCED_IMAGE of reduce_image:SCIENCE-1, reduce_image:SCIENCE-3".</summary>
    public string InputText => Upstream.Count == 0
        ? $"{Group.Frames.Count} {Group.Category} frame(s)"
        : $"{Step.From} of {string.Join(", ", Upstream.Select(u => u.Id))}";

    /// <inheritdoc/>
    public override string ToString() => $"{Id} [{Status}]";
}

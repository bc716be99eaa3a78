using Parallax.Pipeline.Instruments;

namespace Parallax.Pipeline.Organising;

/// <summary>One node of the cascade: a recipe run on one group of frames, with the calibrations it needs and the tasks it waits on.</summary>
public sealed class CascadeTask
{
    /// <summary>Unique id within the plan: <c>recipe:GROUP</c>, e.g. <c>master_bias:BIAS-1</c>.</summary>
    public required string Id { get; init; }

    /// <summary>The cascade step (recipe and product) from the instrument file.</summary>
    public required CascadeStep Step { get; init; }

    /// <summary>The input frames.</summary>
    public required FrameGroup Group { get; init; }

    /// <summary>The product's name, used for its file: <c>MASTER_BIAS_BIAS-1</c>.</summary>
    public string ProductName => $"{Step.Product}_{Group.Id}";

    /// <summary>The calibrations needed, one per association rule of the group's category.</summary>
    public required IReadOnlyList<CalibrationLink> Calibrations { get; init; }

    /// <summary>Ids of the tasks whose products this task uses.</summary>
    public IReadOnlyList<string> DependsOn => field ??= Calibrations.Select(c => c.ProducerTaskId).OfType<string>().Distinct().ToList();

    /// <summary>Ready or blocked.</summary>
    public CascadeTaskStatus Status { get; internal set; }

    /// <summary>Why the task is blocked, or warnings such as too few frames.</summary>
    public List<string> Notes { get; } = [];

    /// <inheritdoc/>
    public override string ToString() => $"{Id} [{Status}]";
}

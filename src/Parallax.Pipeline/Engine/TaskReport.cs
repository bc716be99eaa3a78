using Parallax.Pipeline.Calibration;
using Parallax.Pipeline.Recipes;

namespace Parallax.Pipeline.Engine;

/// <summary>What happened to one task: its state, a one-line message, detail for --verbose, the products, and the inputs skipped.</summary>
public sealed record TaskReport
{
    /// <summary>The task's id.</summary>
    public required string TaskId { get; init; }

    /// <summary>The recipe's name.</summary>
    public required string Recipe { get; init; }

    /// <summary>How it ended.</summary>
    public required TaskState State { get; init; }

    /// <summary>One line for people.</summary>
    public required string Message { get; init; }

    /// <summary>More lines (explanations, numbers, stack trace) for --verbose; null when none.</summary>
    public string? Detail { get; init; }

    /// <summary>The recipe's outcome, when it ran.</summary>
    public RecipeOutcome? Outcome { get; init; }

    /// <summary>The products written or found up to date.</summary>
    public IReadOnlyList<ProductFile> Products { get; init; } = [];

    /// <summary>Inputs left out as unusable; the rest were processed.</summary>
    public IReadOnlyList<SkippedInput> Skipped { get; init; } = [];

    /// <summary>The hash of inputs, parameters and versions (empty when the task did not get that far).</summary>
    public string Hash { get; init; } = "";

    /// <summary>Wall time spent.</summary>
    public TimeSpan Elapsed { get; init; }

    /// <summary>True when the task succeeded: done, up to date, or no work.</summary>
    public bool Succeeded => State is TaskState.Done or TaskState.UpToDate or TaskState.NoWork;

    /// <summary>True when later tasks may use the products: done or up to date, and no product is bad.</summary>
    public bool ProductsUsable => State is TaskState.Done or TaskState.UpToDate && Products.All(p => p.Quality != CalibrationQuality.Bad);

    /// <summary>The non-intermediate product of a category, or null.</summary>
    public ProductFile? ProductOf(string category)
        => Products.FirstOrDefault(p => !p.Intermediate && string.Equals(p.Category, category, StringComparison.OrdinalIgnoreCase));

    /// <inheritdoc/>
    public override string ToString() => $"{TaskId}: {State}: {Message}";
}

using System.Globalization;

namespace Parallax.Pipeline.Recipes;

/// <summary>The algorithm could not reach a result; <see cref="Numbers"/> holds the values that made it fail (e.g. a fit's residual and its limit).</summary>
/// <param name="Reason">What failed, in one line.</param>
/// <param name="Numbers">The values behind the failure, by name.</param>
public sealed record AlgorithmFailed(string Reason, IReadOnlyDictionary<string, double> Numbers) : RecipeOutcome
{
    /// <summary>A failure with no numbers (e.g. an unexpected exception).</summary>
    public AlgorithmFailed(string reason)
        : this(reason, new Dictionary<string, double>())
    {
    }

    /// <summary>Extra lines (e.g. a stack trace), shown with --verbose.</summary>
    public string? Trace { get; init; }

    /// <inheritdoc/>
    public override string Message => $"algorithm failed: {Reason}";

    /// <inheritdoc/>
    public override string? Detail
    {
        get
        {
            var numbers = Numbers.Count == 0 ? null : string.Join("\n", Numbers.Select(n => $"  {n.Key} = {n.Value.ToString("G6", CultureInfo.InvariantCulture)}"));
            return numbers is null ? Trace : Trace is null ? numbers : numbers + "\n" + Trace;
        }
    }
}

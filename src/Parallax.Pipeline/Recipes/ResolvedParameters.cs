namespace Parallax.Pipeline.Recipes;

/// <summary>Every parameter of one recipe run: the typed record handed to the recipe, and for each parameter its value and the source that won.</summary>
public sealed class ResolvedParameters
{
    internal ResolvedParameters(string recipe, RecipeParameters values, IReadOnlyList<ResolvedParameter> entries)
    {
        Recipe = recipe;
        Values = values;
        Entries = entries;
    }

    /// <summary>The recipe's name.</summary>
    public string Recipe { get; }

    /// <summary>The typed, validated parameter record.</summary>
    public RecipeParameters Values { get; }

    /// <summary>Every parameter in declaration order.</summary>
    public IReadOnlyList<ResolvedParameter> Entries { get; }

    /// <summary>The entry of a parameter (case-insensitive).</summary>
    /// <exception cref="KeyNotFoundException">No such parameter.</exception>
    public ResolvedParameter this[string name]
        => Entries.FirstOrDefault(e => string.Equals(e.Descriptor.Name, name, StringComparison.OrdinalIgnoreCase)) ?? throw new KeyNotFoundException($"{Recipe} has no parameter '{name}'");

    /// <summary>"name=value" lines sorted by name: what the idempotency hash covers (the sources do not change the result, so they are left out).</summary>
    public string Canonical => string.Join("\n", Entries.OrderBy(e => e.Descriptor.Name, StringComparer.Ordinal).Select(e => $"{e.Descriptor.Name}={e.Text}"));
}

namespace Parallax.Pipeline.Recipes;

/// <summary>
/// Base of every recipe's parameter record: an immutable record whose properties carry
/// <see cref="ParameterAttribute"/> (doc, range or choices) and whose initial values are the
/// defaults. Override <see cref="Validate"/> for rules that involve several fields together;
/// single-field ranges and choices are checked from the attributes.
/// </summary>
public abstract record RecipeParameters
{
    /// <summary>Problems that involve several fields together, one line each naming the fields; empty when the combination is valid.</summary>
    public virtual IEnumerable<string> Validate() => [];
}

namespace Parallax.Pipeline.Recipes;

/// <summary>
/// Declares a property of a <see cref="RecipeParameters"/> record as a recipe parameter: its doc
/// string, and its valid range (numbers) or choices (text). The default is the property's
/// initial value; choices of an enum property are its member names in snake case.
/// </summary>
/// <param name="doc">What the parameter does, in one or two sentences, with its unit.</param>
[AttributeUsage(AttributeTargets.Property, AllowMultiple = false, Inherited = true)]
public sealed class ParameterAttribute(string doc) : Attribute
{
    /// <summary>What the parameter does.</summary>
    public string Doc { get; } = doc;

    /// <summary>The name users type (default: the property name in snake case, <c>ClipSigma</c> → <c>clip_sigma</c>).</summary>
    public string? Name { get; set; }

    /// <summary>Smallest accepted value of a number (inclusive); negative infinity for none.</summary>
    public double Minimum { get; set; } = double.NegativeInfinity;

    /// <summary>Largest accepted value of a number (inclusive); positive infinity for none.</summary>
    public double Maximum { get; set; } = double.PositiveInfinity;

    /// <summary>The accepted values of a text parameter; null for any text.</summary>
    public string[]? Choices { get; set; }

    /// <summary>The unit of a number (e.g. <c>sigma</c>, <c>adu</c>, <c>s</c>); null when it has none.</summary>
    public string? Unit { get; set; }
}

namespace Parallax.Pipeline.Recipes;

/// <summary>The value type of a recipe parameter, which decides how text from a command line is read.</summary>
public enum ParameterKind
{
    /// <summary>A real number (<see cref="double"/>).</summary>
    Number,

    /// <summary>A whole number (<see cref="int"/>).</summary>
    Integer,

    /// <summary>true or false (<see cref="bool"/>); also yes/no, on/off, 1/0.</summary>
    Bool,

    /// <summary>Text (<see cref="string"/>), possibly restricted to choices.</summary>
    Text,

    /// <summary>One of an enum's members, written in snake case.</summary>
    Choice,
}

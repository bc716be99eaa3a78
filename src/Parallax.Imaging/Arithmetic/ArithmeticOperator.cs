namespace Parallax.Imaging.Arithmetic;

/// <summary>The four arithmetic operators of <see cref="MaskedImage"/>.</summary>
internal enum ArithmeticOperator
{
    /// <summary>a + b.</summary>
    Add,

    /// <summary>a − b.</summary>
    Subtract,

    /// <summary>a · b.</summary>
    Multiply,

    /// <summary>a / b.</summary>
    Divide,
}

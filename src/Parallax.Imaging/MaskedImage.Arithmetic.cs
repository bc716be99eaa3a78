using Parallax.Imaging.Arithmetic;

namespace Parallax.Imaging;

// Arithmetic. Every operation checks shapes first, then works pixel by pixel: data by the
// operator, variance by first-order propagation for uncorrelated errors (see below), masks by OR
// (a flag on either input stays on the result). NaN propagates as IEEE arithmetic does; division
// by zero yields ±∞ or NaN and sets MaskBits.BadPixel on that pixel. Big images
// are processed in parallel row bands with vector kernels.
//   a ± b: σ² = σa² + σb²
//   a · b: σ² = σa²·b² + σb²·a²
//   a / b: σ² = σa²/b² + σb²·a²/b⁴
// Units: + and − need equal units; · and / combine them (see PixelUnits); a scalar
// is dimensionless, so it keeps the image's unit (set Unit after multiplying by a
// gain). The result's header is a copy of the left operand's.
public sealed partial class MaskedImage
{
    /// <summary>Pixel-wise sum; variances add, masks OR.</summary>
    /// <exception cref="ArgumentException">Shapes or units differ.</exception>
    public static MaskedImage operator +(MaskedImage a, MaskedImage b) => Apply(ArithmeticOperator.Add, a, b, null);

    /// <summary>Pixel-wise difference; variances add, masks OR.</summary>
    /// <exception cref="ArgumentException">Shapes or units differ.</exception>
    public static MaskedImage operator -(MaskedImage a, MaskedImage b) => Apply(ArithmeticOperator.Subtract, a, b, null);

    /// <summary>Pixel-wise product; σ² = σa²·b² + σb²·a²; masks OR.</summary>
    /// <exception cref="ArgumentException">Shapes differ.</exception>
    public static MaskedImage operator *(MaskedImage a, MaskedImage b) => Apply(ArithmeticOperator.Multiply, a, b, null);

    /// <summary>Pixel-wise quotient; σ² = σa²/b² + σb²·a²/b⁴; masks OR; a zero divisor flags <see cref="MaskBits.BadPixel"/>.</summary>
    /// <exception cref="ArgumentException">Shapes differ.</exception>
    public static MaskedImage operator /(MaskedImage a, MaskedImage b) => Apply(ArithmeticOperator.Divide, a, b, null);

    /// <summary>Adds a scalar (with its variance) to every pixel.</summary>
    public static MaskedImage operator +(MaskedImage a, ValueWithVariance c) => Apply(ArithmeticOperator.Add, a, c, null);

    /// <summary>Adds a scalar (with its variance) to every pixel.</summary>
    public static MaskedImage operator +(ValueWithVariance c, MaskedImage a) => Apply(ArithmeticOperator.Add, a, c, null);

    /// <summary>Subtracts a scalar (with its variance) from every pixel.</summary>
    public static MaskedImage operator -(MaskedImage a, ValueWithVariance c) => Apply(ArithmeticOperator.Subtract, a, c, null);

    /// <summary>Multiplies every pixel by a scalar c: σ² = σa²·c² + σc²·a².</summary>
    public static MaskedImage operator *(MaskedImage a, ValueWithVariance c) => Apply(ArithmeticOperator.Multiply, a, c, null);

    /// <summary>Multiplies every pixel by a scalar c: σ² = σa²·c² + σc²·a².</summary>
    public static MaskedImage operator *(ValueWithVariance c, MaskedImage a) => Apply(ArithmeticOperator.Multiply, a, c, null);

    /// <summary>Divides every pixel by a scalar c: σ² = σa²/c² + σc²·a²/c⁴.</summary>
    public static MaskedImage operator /(MaskedImage a, ValueWithVariance c) => Apply(ArithmeticOperator.Divide, a, c, null);

    /// <summary>this += other, in place (no new arrays).</summary>
    /// <returns>This image.</returns>
    public MaskedImage AddInPlace(MaskedImage other) => Apply(ArithmeticOperator.Add, this, other, this);

    /// <summary>this −= other, in place (no new arrays); e.g. subtracting a master bias.</summary>
    /// <returns>This image.</returns>
    public MaskedImage SubtractInPlace(MaskedImage other) => Apply(ArithmeticOperator.Subtract, this, other, this);

    /// <summary>this ·= other, in place.</summary>
    /// <returns>This image.</returns>
    public MaskedImage MultiplyInPlace(MaskedImage other) => Apply(ArithmeticOperator.Multiply, this, other, this);

    /// <summary>this /= other, in place; e.g. dividing by a master flat.</summary>
    /// <returns>This image.</returns>
    public MaskedImage DivideInPlace(MaskedImage other) => Apply(ArithmeticOperator.Divide, this, other, this);

    /// <summary>this += c, in place.</summary>
    /// <returns>This image.</returns>
    public MaskedImage AddInPlace(ValueWithVariance c) => Apply(ArithmeticOperator.Add, this, c, this);

    /// <summary>this −= c, in place.</summary>
    /// <returns>This image.</returns>
    public MaskedImage SubtractInPlace(ValueWithVariance c) => Apply(ArithmeticOperator.Subtract, this, c, this);

    /// <summary>this ·= c, in place.</summary>
    /// <returns>This image.</returns>
    public MaskedImage MultiplyInPlace(ValueWithVariance c) => Apply(ArithmeticOperator.Multiply, this, c, this);

    /// <summary>this /= c, in place.</summary>
    /// <returns>This image.</returns>
    public MaskedImage DivideInPlace(ValueWithVariance c) => Apply(ArithmeticOperator.Divide, this, c, this);

    private static MaskedImage Apply(ArithmeticOperator op, MaskedImage a, MaskedImage b, MaskedImage? destination)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (!a.HasSameShape(b))
            throw new ArgumentException($"cannot {Verb(op)} images of different shapes: {a.Width}×{a.Height} and {b.Width}×{b.Height}");
        var unit = op switch
        {
            ArithmeticOperator.Multiply => PixelUnits.Multiply(a.Unit, b.Unit),
            ArithmeticOperator.Divide => PixelUnits.Divide(a.Unit, b.Unit),
            _ when string.Equals(a.Unit, b.Unit, StringComparison.OrdinalIgnoreCase) => a.Unit,
            _ => throw new ArgumentException($"cannot {Verb(op)} images in different units: '{a.Unit}' and '{b.Unit}'"),
        };
        var result = destination ?? new MaskedImage(a.Width, a.Height, new float[a.PixelCount], new float[a.PixelCount], new ushort[a.PixelCount], a.Header.Clone(), unit);
        ParallelRows.For(a.Width, a.Height, new ImageImageOperation(op, a, b, result));
        result.Unit = unit;
        return result;
    }

    private static MaskedImage Apply(ArithmeticOperator op, MaskedImage a, ValueWithVariance c, MaskedImage? destination)
    {
        ArgumentNullException.ThrowIfNull(a);
        if (!(c.Variance >= 0)) throw new ArgumentOutOfRangeException(nameof(c), $"the scalar's variance {c.Variance} must be ≥ 0");
        var result = destination ?? new MaskedImage(a.Width, a.Height, new float[a.PixelCount], new float[a.PixelCount], new ushort[a.PixelCount], a.Header.Clone(), a.Unit);
        ParallelRows.For(a.Width, a.Height, new ImageScalarOperation(op, a, c, result));
        return result;
    }

    private static string Verb(ArithmeticOperator op) => op switch
    {
        ArithmeticOperator.Add => "add",
        ArithmeticOperator.Subtract => "subtract",
        ArithmeticOperator.Multiply => "multiply",
        _ => "divide",
    };
}

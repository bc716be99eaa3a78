namespace Parallax.Imaging.Arithmetic;

/// <summary>One operator applied between every pixel of an image and a scalar with variance, writing a second image (which may be the first).</summary>
internal readonly struct ImageScalarOperation(ArithmeticOperator op, MaskedImage a, ValueWithVariance c, MaskedImage result) : IRangeOperation
{
    /// <inheritdoc/>
    public void Invoke(int start, int length)
    {
        var ad = a.Data.AsSpan(start, length);
        var av = a.Variance.AsSpan(start, length);
        var od = result.Data.AsSpan(start, length);
        var ov = result.Variance.AsSpan(start, length);
        switch (op)
        {
            case ArithmeticOperator.Add: ArithmeticKernels.AddScalar(ad, av, c.Value, c.Variance, od, ov); break;
            case ArithmeticOperator.Subtract: ArithmeticKernels.SubtractScalar(ad, av, c.Value, c.Variance, od, ov); break;
            case ArithmeticOperator.Multiply: ArithmeticKernels.MultiplyScalar(ad, av, c.Value, c.Variance, od, ov); break;
            default: ArithmeticKernels.DivideScalar(ad, av, c.Value, c.Variance, od, ov); break;
        }
        var om = result.Mask.AsSpan(start, length);
        if (!ReferenceEquals(a, result)) a.Mask.AsSpan(start, length).CopyTo(om);
        if (op == ArithmeticOperator.Divide && c.Value == 0f) ArithmeticKernels.FlagNonFinite(od, om, MaskBits.BadPixel);
    }
}

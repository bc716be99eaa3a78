namespace Parallax.Imaging.Arithmetic;

/// <summary>One operator applied pixel by pixel between two images of the same shape, writing a third (which may be the first).</summary>
internal readonly struct ImageImageOperation(ArithmeticOperator op, MaskedImage a, MaskedImage b, MaskedImage result) : IRangeOperation
{
    /// <inheritdoc/>
    public void Invoke(int start, int length)
    {
        var ad = a.Data.AsSpan(start, length);
        var av = a.Variance.AsSpan(start, length);
        var bd = b.Data.AsSpan(start, length);
        var bv = b.Variance.AsSpan(start, length);
        var od = result.Data.AsSpan(start, length);
        var ov = result.Variance.AsSpan(start, length);
        switch (op)
        {
            case ArithmeticOperator.Add: ArithmeticKernels.Add(ad, av, bd, bv, od, ov); break;
            case ArithmeticOperator.Subtract: ArithmeticKernels.Subtract(ad, av, bd, bv, od, ov); break;
            case ArithmeticOperator.Multiply: ArithmeticKernels.Multiply(ad, av, bd, bv, od, ov); break;
            default: ArithmeticKernels.Divide(ad, av, bd, bv, od, ov); break;
        }
        var om = result.Mask.AsSpan(start, length);
        ArithmeticKernels.Or(a.Mask.AsSpan(start, length), b.Mask.AsSpan(start, length), om);
        // Division is the one operator that turns finite inputs into ∞/NaN (a zero divisor): say so in the mask.
        if (op == ArithmeticOperator.Divide) ArithmeticKernels.FlagNonFinite(od, om, MaskBits.BadPixel);
    }
}

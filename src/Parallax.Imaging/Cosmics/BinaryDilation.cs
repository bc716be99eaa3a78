namespace Parallax.Imaging.Cosmics;

/// <summary>
/// Boolean dilations of 0/1 byte masks (width × height, row by row) with the conventions of
/// L.A.Cosmic's fast implementation: <see cref="Dilate3"/> grows by the 3 × 3 box inside and
/// copies the 1-pixel border; <see cref="Dilate5"/> grows by the 5 × 5 box without its corners,
/// everywhere (outside the image counts as 0).
/// </summary>
internal static class BinaryDilation
{
    /// <summary>output = input ⊕ 3 × 3 box for interior pixels; border pixels copied from input.</summary>
    public static void Dilate3(byte[] input, byte[] output, int width, int height)
        => RowBand.For(width, height, (y0, y1) =>
        {
            for (var y = y0; y < y1; y++)
            {
                var o = y * width;
                if (y == 0 || y == height - 1 || width < 3)
                {
                    input.AsSpan(o, width).CopyTo(output.AsSpan(o, width));
                    continue;
                }
                output[o] = input[o];
                output[o + width - 1] = input[o + width - 1];
                for (var x = 1; x < width - 1; x++)
                {
                    var p = o + x;
                    output[p] = (byte)(input[p - width - 1] | input[p - width] | input[p - width + 1]
                                     | input[p - 1] | input[p] | input[p + 1]
                                     | input[p + width - 1] | input[p + width] | input[p + width + 1]);
                }
            }
        });

    /// <summary>output = input ⊕ (5 × 5 box less its four corners), outside the image taken as 0.</summary>
    public static void Dilate5(byte[] input, byte[] output, int width, int height)
        => RowBand.For(width, height, (y0, y1) =>
        {
            for (var y = y0; y < y1; y++)
            {
                for (var x = 0; x < width; x++)
                {
                    byte any = 0;
                    for (var dy = -2; dy <= 2 && any == 0; dy++)
                    {
                        var yy = y + dy;
                        if ((uint)yy >= (uint)height) continue;
                        var reach = Math.Abs(dy) == 2 ? 1 : 2;
                        var lo = Math.Max(0, x - reach);
                        var hi = Math.Min(width - 1, x + reach);
                        for (var xx = lo; xx <= hi; xx++) any |= input[yy * width + xx];
                    }
                    output[y * width + x] = any;
                }
            }
        });
}

using System.Numerics.Tensors;

namespace Parallax.Imaging.Cosmics;

/// <summary>2-D convolution of an image with a small square kernel, pixels outside the image taken as 0.</summary>
internal static class KernelConvolution
{
    /// <summary>output(x, y) = Σ k(i, j)·input(x + c − i, y + c − j), c = size/2; each kernel tap is one vector multiply-add along a row.</summary>
    public static void Convolve(float[] input, float[] output, int width, int height, float[] kernel, int size)
    {
        var c = size / 2;
        RowBand.For(width, height, (y0, y1) =>
        {
            for (var y = y0; y < y1; y++)
            {
                var outRow = output.AsSpan(y * width, width);
                outRow.Clear();
                for (var j = 0; j < size; j++)
                {
                    var sy = y + c - j;
                    if ((uint)sy >= (uint)height) continue;
                    var inRow = input.AsSpan(sy * width, width);
                    for (var i = 0; i < size; i++)
                    {
                        var shift = c - i; // output x reads input x + shift
                        var x0 = Math.Max(0, -shift);
                        var x1 = Math.Min(width, width - shift);
                        if (x1 <= x0) continue;
                        var dst = outRow[x0..x1];
                        TensorPrimitives.MultiplyAdd(inRow[(x0 + shift)..(x1 + shift)], kernel[j * size + i], dst, dst);
                    }
                }
            }
        });
    }
}

using System.Numerics.Tensors;

namespace Parallax.Imaging.Sources;

/// <summary>
/// 2-D correlation of an image with a <see cref="ConvolutionKernel"/> (the kernels used here are
/// symmetric, so it is also their convolution), with pixels beyond the image taken as zero as sep
/// does. Each output row is a sum of shifted input rows scaled by one weight (vector multiply-adds);
/// rows run in parallel bands.
/// </summary>
public static class ImageConvolution
{
    /// <summary>Filters width × height values into <paramref name="destination"/> (same size, not the source). NaN in the source propagates to the pixels whose kernel covers it.</summary>
    /// <exception cref="ArgumentException">Arrays of the wrong length, or the same array for both.</exception>
    public static void Convolve(float[] source, float[] destination, int width, int height, ConvolutionKernel kernel)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(destination);
        ArgumentNullException.ThrowIfNull(kernel);
        var n = (long)width * height;
        if (source.Length != n || destination.Length != n) throw new ArgumentException($"source and destination must hold {width}×{height} = {n} values", nameof(destination));
        if (ReferenceEquals(source, destination)) throw new ArgumentException("convolution cannot work in place", nameof(destination));
        Background.Rows.For(height, width, (y0, y1) =>
        {
            for (var y = y0; y < y1; y++) Row(source, destination.AsSpan(y * width, width), width, height, y, kernel);
        });
    }

    private static void Row(float[] source, Span<float> output, int width, int height, int y, ConvolutionKernel kernel)
    {
        output.Clear();
        var hw = kernel.Width / 2;
        var hh = kernel.Height / 2;
        var k = kernel.Values;
        for (var ky = 0; ky < kernel.Height; ky++)
        {
            var sy = y + ky - hh;
            if ((uint)sy >= (uint)height) continue;
            var src = source.AsSpan(sy * width, width);
            for (var kx = 0; kx < kernel.Width; kx++)
            {
                var w = k[ky * kernel.Width + kx];
                if (w == 0) continue;
                var dx = kx - hw;
                // output[x] += w · src[x + dx] for the x where x + dx lies inside the row.
                var xs = Math.Max(0, -dx);
                var xe = Math.Min(width, width - dx);
                if (xe <= xs) continue;
                var o = output[xs..xe];
                TensorPrimitives.MultiplyAdd(src.Slice(xs + dx, xe - xs), w, o, o);
            }
        }
    }
}

using Parallax.Imaging.Arithmetic;

namespace Parallax.Imaging.Cosmics;

/// <summary>
/// One pass of a median filter over a band of rows: each output pixel at least (RadiusX, RadiusY)
/// from the edge gets the median of the input pixels at the window's offsets; the pixels nearer the
/// edge are copied from the border array. Windows are gathered into a block of
/// <see cref="MedianNetwork.BlockWidth"/> at a time (one contiguous copy per window element), so
/// the work per pixel is a few vector min/max operations and no allocation.
/// </summary>
internal readonly struct WindowMedianRows(float[] input, float[] output, float[] border, int width, int height, int radiusX, int radiusY, int[] offsets) : IRangeOperation
{
    /// <inheritdoc/>
    public void Invoke(int start, int length)
    {
        var y0 = start / width;
        var rows = length / width;
        var network = MedianNetwork.For(offsets.Length);
        Span<float> block = stackalloc float[offsets.Length * MedianNetwork.BlockWidth];
        Span<float> window = stackalloc float[offsets.Length];
        for (var y = y0; y < y0 + rows; y++)
        {
            var rowStart = y * width;
            if (y < radiusY || y >= height - radiusY || width <= 2 * radiusX)
            {
                border.AsSpan(rowStart, width).CopyTo(output.AsSpan(rowStart, width));
                continue;
            }
            border.AsSpan(rowStart, radiusX).CopyTo(output.AsSpan(rowStart, radiusX));
            border.AsSpan(rowStart + width - radiusX, radiusX).CopyTo(output.AsSpan(rowStart + width - radiusX, radiusX));
            var first = rowStart + radiusX;
            var end = rowStart + width - radiusX;
            if (end - first < MedianNetwork.BlockWidth)
            {
                for (var p = first; p < end; p++)
                {
                    for (var k = 0; k < offsets.Length; k++) window[k] = input[p + offsets[k]];
                    output[p] = network.RunScalar(window);
                }
                continue;
            }
            for (var p = first; p < end; p += MedianNetwork.BlockWidth)
            {
                // The last block is moved back to end at the row's end: it recomputes a few pixels
                // rather than needing a scalar tail.
                var q = Math.Min(p, end - MedianNetwork.BlockWidth);
                for (var k = 0; k < offsets.Length; k++)
                    input.AsSpan(q + offsets[k], MedianNetwork.BlockWidth).CopyTo(block.Slice(k * MedianNetwork.BlockWidth, MedianNetwork.BlockWidth));
                network.Run(block);
                block.Slice(network.MedianRow * MedianNetwork.BlockWidth, MedianNetwork.BlockWidth).CopyTo(output.AsSpan(q, MedianNetwork.BlockWidth));
            }
        }
    }
}

using System.Buffers;
using Parallax.Imaging.Statistics;

namespace Parallax.Imaging.Combine;

/// <summary>
/// Measures the scale and offset of each frame before the stack is streamed. Levels come from a
/// sample of whole rows, evenly spaced, at most <see cref="CombineParameters.ScaleSamplePixels"/>
/// pixels (the whole frame when it is smaller): reading them is one extra pass over a small part
/// of each already-open file, instead of a second pass over all of it.
/// </summary>
internal static class FrameNormalisation
{
    /// <summary>Returns (scale, offset) per frame, in input order.</summary>
    /// <exception cref="ArgumentException">A frame has no exposure time (exposure scaling) or a level that is not positive (multiplicative scaling).</exception>
    public static (double[] Scales, double[] Offsets) Compute(IReadOnlyList<IFrameSource> frames, CombineParameters p, ParallelOptions options)
    {
        var n = frames.Count;
        var scales = Enumerable.Repeat(1.0, n).ToArray();
        var offsets = new double[n];
        if (p.Scale == ScaleMethod.None && p.Offset == OffsetMethod.None) return (scales, offsets);

        var scaleLevels = new double[n];
        var medians = new double[n];
        var needSample = p.Scale is ScaleMethod.Median or ScaleMethod.Mode || p.Offset == OffsetMethod.Median;
        if (needSample)
        {
            Parallel.For(0, n, options, i =>
            {
                var (median, mode) = SampleLevels(frames[i], p);
                medians[i] = median;
                scaleLevels[i] = p.Scale == ScaleMethod.Mode ? mode : median;
            });
        }
        if (p.Scale == ScaleMethod.Exposure)
        {
            for (var i = 0; i < n; i++)
                scaleLevels[i] = frames[i].ExposureTime ?? throw new ArgumentException($"{frames[i].Name}: no exposure time (EXPTIME) known, so it cannot be scaled by exposure");
        }
        if (p.Scale != ScaleMethod.None)
        {
            for (var i = 0; i < n; i++)
            {
                if (!(scaleLevels[i] > 0) || !double.IsFinite(scaleLevels[i]))
                    throw new ArgumentException($"{frames[i].Name}: its {p.Scale.ToString().ToLowerInvariant()} level is {scaleLevels[i]}; multiplicative scaling needs a positive level");
            }
            var mean = scaleLevels.Average();
            for (var i = 0; i < n; i++) scales[i] = mean / scaleLevels[i];
        }
        if (p.Offset == OffsetMethod.Median)
        {
            // The level after scaling: the median scales with the frame.
            var scaled = new double[n];
            for (var i = 0; i < n; i++)
            {
                if (!double.IsFinite(medians[i])) throw new ArgumentException($"{frames[i].Name}: no usable pixel to measure an offset from");
                scaled[i] = medians[i] * scales[i];
            }
            var mean = scaled.Average();
            for (var i = 0; i < n; i++) offsets[i] = mean - scaled[i];
        }
        return (scales, offsets);
    }

    /// <summary>Median and SExtractor mode estimate of a frame's usable sampled pixels.</summary>
    private static (double Median, double Mode) SampleLevels(IFrameSource frame, CombineParameters p)
    {
        var (w, h) = (frame.Width, frame.Height);
        var rows = (long)w * h <= p.ScaleSamplePixels ? h : Math.Clamp(p.ScaleSamplePixels / Math.Max(w, 1), 1, h);
        var count = rows * w;
        var data = ArrayPool<float>.Shared.Rent(count);
        var mask = frame.HasMask ? ArrayPool<ushort>.Shared.Rent(count) : null;
        try
        {
            for (var r = 0; r < rows; r++)
            {
                var y = rows == h ? r : (int)((r + 0.5) * h / rows);
                frame.ReadRows(y, 1, data.AsSpan(r * w, w), [], mask is null ? [] : mask.AsSpan(r * w, w));
            }
            var values = data.AsSpan(0, count);
            var bits = mask is null ? [] : mask.AsSpan(0, count);
            var median = RobustStatistics.Median(values, bits, p.RejectMask);
            var mode = p.Scale == ScaleMethod.Mode ? RobustStatistics.SigmaClippedMode(values, SigmaClipOptions.Default, bits, p.RejectMask) : double.NaN;
            return (median, mode);
        }
        finally
        {
            ArrayPool<float>.Shared.Return(data);
            if (mask is not null) ArrayPool<ushort>.Shared.Return(mask);
        }
    }
}

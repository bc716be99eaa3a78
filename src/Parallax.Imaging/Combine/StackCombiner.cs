using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;

namespace Parallax.Imaging.Combine;

/// <summary>
/// Combines a stack of frames into one image (master bias, dark, flat; coadds of registered
/// frames): optional scaling and offsets, per-pixel outlier rejection, then mean, weighted mean,
/// median or sum, with a variance, a mask, a frames-used map and a rejected-count map.
/// <para>
/// It streams: the image is processed in bands of whole rows, as tall as
/// <see cref="CombineParameters.MemoryBudgetBytes"/> and <see cref="CombineParameters.TargetBandBytes"/> allow, and each band of each frame is read
/// once from its source (a file kept open by the caller, read with positional reads), so a stack
/// of any length combines in bounded memory and no file is read twice. Within a band, rows are
/// combined in parallel; each worker owns its scratch stack, and no memory is allocated per pixel.
/// Results do not depend on the band height or the number of threads.
/// </para>
/// </summary>
public static class StackCombiner
{
    /// <summary>Combines the frames.</summary>
    /// <param name="frames">The stack, at least one frame, all of the same size.</param>
    /// <param name="parameters">What to do; <see cref="CombineParameters.Default"/> when null.</param>
    /// <param name="cancellation">Checked between bands.</param>
    /// <exception cref="ArgumentException">No frames, frames of different sizes or units, more than 65 535 frames, a weighted mean without variances,
    /// a frame that cannot be scaled, or a memory budget too small for one row band.</exception>
    public static CombineResult Combine(IReadOnlyList<IFrameSource> frames, CombineParameters? parameters = null, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(frames);
        var p = parameters ?? CombineParameters.Default;
        p.Validate();
        if (frames.Count == 0) throw new ArgumentException("there are no frames to combine", nameof(frames));
        if (frames.Count > ushort.MaxValue) throw new ArgumentException($"{frames.Count} frames are more than the {ushort.MaxValue} the frames-used map can count", nameof(frames));
        var (width, height) = (frames[0].Width, frames[0].Height);
        foreach (var f in frames)
        {
            if (f.Width != width || f.Height != height)
                throw new ArgumentException($"{f.Name} is {f.Width}×{f.Height} but {frames[0].Name} is {width}×{height}; a stack needs frames of one size", nameof(frames));
            if (!string.Equals(f.Unit, frames[0].Unit, StringComparison.OrdinalIgnoreCase))
                throw new ArgumentException($"{f.Name} is in '{f.Unit}' but {frames[0].Name} is in '{frames[0].Unit}'; a stack needs frames in one unit", nameof(frames));
        }
        var allHaveVariance = frames.All(f => f.HasVariance);
        if (p.Method == CombineMethod.WeightedMean && !allHaveVariance)
            throw new ArgumentException($"a weighted mean needs a variance plane in every frame; {frames.First(f => !f.HasVariance).Name} has none", nameof(frames));
        var varianceMode = p.Variance == VarianceMode.Auto ? (allHaveVariance ? VarianceMode.Propagated : VarianceMode.Scatter) : p.Variance;
        var readVariance = varianceMode == VarianceMode.Propagated || p.Method == CombineMethod.WeightedMean;
        var readMask = frames.Any(f => f.HasMask);

        var options = new ParallelOptions { MaxDegreeOfParallelism = p.MaxDegreeOfParallelism ?? -1, CancellationToken = cancellation };
        var workers = p.MaxDegreeOfParallelism ?? Environment.ProcessorCount;
        var readOptions = new ParallelOptions { MaxDegreeOfParallelism = Math.Min(workers, BandPlan.MaxConcurrentReads), CancellationToken = cancellation };
        var plan = BandPlan.Create(frames.Count, width, height, readVariance, readMask, p.MemoryBudgetBytes, p.TargetBandBytes, workers);
        var (scales, offsets) = Unwrap(() => FrameNormalisation.Compute(frames, p, options));

        var pixels = width * height;
        var output = new StackOutput(new float[pixels], new float[pixels], new ushort[pixels], new ushort[pixels], new ushort[pixels]);
        var bandPixels = plan.Rows * width;
        var band = new StackBand(
            Allocate<float>(frames.Count, bandPixels),
            readVariance ? Allocate<float>(frames.Count, bandPixels) : null,
            readMask ? Allocate<ushort>(frames.Count, bandPixels) : null);

        var stacks = new ConcurrentBag<PixelStack>();
        var propagate = varianceMode == VarianceMode.Propagated;
        for (var y0 = 0; y0 < height; y0 += plan.Rows)
        {
            cancellation.ThrowIfCancellationRequested();
            var rows = Math.Min(plan.Rows, height - y0);
            var first = y0;
            Unwrap(() => Parallel.For(0, frames.Count, readOptions, i => ReadBand(frames[i], band, i, first, rows, width)));
            Parallel.For(0, rows, options,
                () => stacks.TryTake(out var s) ? s : new PixelStack(p, scales, offsets, propagate),
                (r, _, stack) =>
                {
                    stack.CombineRange(band, r * width, output, (first + r) * width, width);
                    return stack;
                },
                stacks.Add);
        }

        var image = new MaskedImage(width, height, output.Data, output.Variance, output.Mask, null, frames[0].Unit);
        return new CombineResult(image, output.FramesUsed, output.Rejected, scales, offsets, varianceMode, plan.Rows, plan.WorkingBytes, stacks.Sum(s => s.RejectedTotal));
    }

    /// <summary>Reads one frame's band in pieces of whole rows of at most <see cref="BandPlan.ReadChunkBytes"/>, so that each read decodes through one small pooled buffer.</summary>
    private static void ReadBand(IFrameSource frame, StackBand band, int i, int firstRow, int rows, int width)
    {
        var step = Math.Max(1, BandPlan.ReadChunkBytes / (4 * Math.Max(width, 1)));
        for (var r = 0; r < rows; r += step)
        {
            var count = Math.Min(step, rows - r);
            var start = r * width;
            var n = count * width;
            frame.ReadRows(firstRow + r, count, band.Data[i].AsSpan(start, n),
                band.Variance is null ? [] : band.Variance[i].AsSpan(start, n),
                band.Mask is null ? [] : band.Mask[i].AsSpan(start, n));
        }
    }

    private static T[][] Allocate<T>(int frames, int length)
    {
        var arrays = new T[frames][];
        for (var i = 0; i < frames; i++) arrays[i] = new T[length];
        return arrays;
    }

    /// <summary>Runs parallel work and rethrows the first real failure (a bad file, a bad frame) rather than an AggregateException.</summary>
    private static T Unwrap<T>(Func<T> work)
    {
        try { return work(); }
        catch (AggregateException e) when (e.InnerExceptions.Count > 0)
        {
            ExceptionDispatchInfo.Capture(e.InnerExceptions[0]).Throw();
            throw;
        }
    }

    private static void Unwrap(Func<ParallelLoopResult> work) => Unwrap<ParallelLoopResult>(work);
}

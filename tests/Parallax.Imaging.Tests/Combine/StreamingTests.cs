using Xunit.Abstractions;
using Parallax.Fits;
using Parallax.Imaging.Combine;
using Parallax.Imaging.Io;
using Parallax.Imaging.Tests.Support;

namespace Parallax.Imaging.Tests.Combine;

/// <summary>Runs alone: it measures the bytes allocated by the process, which other tests running in parallel would inflate.</summary>
[CollectionDefinition(nameof(MemoryMeasurement), DisableParallelization = true)]
public sealed class MemoryMeasurement;

/// <summary>
/// Streaming: 20 frames of 1024 × 1024 float32 on disk (80 MiB), combined by median with sigma
/// clipping under a 64 MiB budget and without a limit. The outputs must be bit-identical, every
/// row of every file must be read exactly once, and the managed bytes allocated during the
/// budgeted combination — an upper bound of the managed memory it held at its peak — must stay
/// within the budget.
/// </summary>
[Collection(nameof(MemoryMeasurement))]
public sealed class StreamingTests(ITestOutputHelper output) : IDisposable
{
    private const int Size = 1024, Frames = 20;
    private readonly TempFolder _dir = TestPaths.Temp();
    private readonly string[] _paths = new string[Frames];

    private void WriteFrames()
    {
        var truth = Stacks.Truth(Size, Size);
        var g = new Gaussian(42);
        var pixels = new float[truth.Length];
        for (var i = 0; i < Frames; i++)
        {
            for (var p = 0; p < pixels.Length; p++) pixels[p] = truth[p] + (float)(3 * g.Next());
            for (var k = 0; k < 500; k++) pixels[g.Index(pixels.Length)] += 5000;
            _paths[i] = _dir.File($"frame{i:00}.fits");
            using var w = FitsWriter.Create(_paths[i]);
            w.WriteImage(pixels, [Size, Size]);
            w.Commit();
        }
    }

    public void Dispose() => _dir.Dispose();

    /// <summary>Counts the rows read from each source.</summary>
    private sealed class CountingSource(IFrameSource inner) : IFrameSource
    {
        public int[] RowReads { get; } = new int[inner.Height];
        public string Name => inner.Name;
        public int Width => inner.Width;
        public int Height => inner.Height;
        public string Unit => inner.Unit;
        public bool HasVariance => inner.HasVariance;
        public bool HasMask => inner.HasMask;
        public double? ExposureTime => inner.ExposureTime;

        public void ReadRows(int firstRow, int rowCount, Span<float> data, Span<float> variance, Span<ushort> mask)
        {
            for (var r = firstRow; r < firstRow + rowCount; r++) Interlocked.Increment(ref RowReads[r]);
            inner.ReadRows(firstRow, rowCount, data, variance, mask);
        }
    }

    private (CombineResult Result, long Allocated, CountingSource[] Sources) Combine(long budget)
    {
        var files = _paths.Select(p => FitsFile.Open(p)).ToArray();
        try
        {
            var sources = files.Select(f => new CountingSource(new FitsFrameSource(f))).ToArray();
            // Unlimited means one band holding the whole stack: no budget and no preferred band size.
            var parameters = new CombineParameters { Method = CombineMethod.Median, Rejection = RejectionMethod.SigmaClip, MemoryBudgetBytes = budget, TargetBandBytes = budget == 0 ? 0 : 32L << 20 };
            GC.Collect();
            var before = GC.GetTotalAllocatedBytes(precise: true);
            var result = StackCombiner.Combine(sources, parameters);
            var allocated = GC.GetTotalAllocatedBytes(precise: true) - before;
            return (result, allocated, sources);
        }
        finally
        {
            foreach (var f in files) f.Dispose();
        }
    }

    [Fact]
    public void Given_20_frames_of_1024_squared_When_combined_under_64_MiB_and_without_limit_Then_outputs_are_identical_and_memory_stays_in_budget()
    {
        const long budget = 64L << 20;
        WriteFrames();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var (banded, allocated, sources) = Combine(budget);
        var bandedSeconds = clock.Elapsed.TotalSeconds;
        var (whole, allocatedWhole, _) = Combine(0);
        output.WriteLine($"64 MiB budget: {banded.BandRows} rows per band, planned {banded.WorkingBytes:N0} bytes, allocated {allocated:N0} bytes, {bandedSeconds:0.00} s");
        output.WriteLine($"no limit: allocated {allocatedWhole:N0} bytes");

        Assert.True(banded.BandRows < Size, $"the 64 MiB budget should force bands; got {banded.BandRows} rows");
        Assert.Equal(Size, whole.BandRows);
        Assert.Equal(whole.Image.Data, banded.Image.Data);
        Assert.Equal(whole.Image.Variance, banded.Image.Variance);
        Assert.Equal(whole.Image.Mask, banded.Image.Mask);
        Assert.Equal(whole.FramesUsed, banded.FramesUsed);
        Assert.Equal(whole.Rejected, banded.Rejected);
        Assert.True(banded.RejectedTotal >= Frames * 500 * 0.99, $"only {banded.RejectedTotal} values rejected; 10 000 hits were injected");

        foreach (var s in sources) Assert.All(s.RowReads, n => Assert.Equal(1, n));
        Assert.True(banded.WorkingBytes <= budget, $"planned {banded.WorkingBytes:N0} bytes for a {budget:N0} budget");
        Assert.True(allocated <= budget, $"allocated {allocated:N0} managed bytes under a {budget:N0}-byte budget");
        // Without a limit the whole stack is held at once (20 × 4 MiB of pixels alone), which the budget prevented.
        Assert.True(allocatedWhole > Frames * 4L * Size * Size, $"unlimited run allocated only {allocatedWhole:N0} bytes");
    }
}

using Parallax.Imaging;
using Parallax.Pipeline.Recipes;

namespace Parallax.Pipeline.Tests.Support;

/// <summary>
/// A small real recipe for engine tests: the pixel-wise mean (or sum) of its frames, minus each
/// calibration present, times <c>scale</c>. QC <c>level</c> = mean of the result. It fails with
/// <see cref="AlgorithmFailed"/> when a frame has FAILME = T, throws when one has THROWME = T, skips
/// frames with SKIPME = T, and counts its runs and its peak concurrency.
/// </summary>
public sealed class TestRecipe(string name, string[] inputs, (string Category, bool Required)[] calibrations, string output, bool perInput = false)
    : Recipe<TestParameters>
{
    private int _running;
    private int _runs;
    private int _peak;

    public override string Name => name;

    public override string Synopsis => $"test recipe {name}";

    public override string Description => "mean of the frames minus calibrations, times scale";

    public int Runs => _runs;

    public int PeakConcurrency => _peak;

    public override RecipeConnections Connections { get; } = new()
    {
        Inputs = [new InputConnection { Categories = inputs, MinCount = 1, MaxCount = 50 }],
        Calibrations = calibrations.Select(c => new CalibrationConnection { Category = c.Category, Required = c.Required, MatchKeys = ["binning"] }).ToList(),
        Outputs =
        [
            new OutputConnection { Category = output, ProductType = output.ToLowerInvariant(), Level = ProcessingLevel.Corrected, PerInput = perInput, Qc = new Dictionary<string, string> { ["level"] = "mean of the product" } },
            new OutputConnection { Category = output + "_PART", ProductType = "part", Intermediate = true, PerInput = true },
        ],
    };

    public override RecipeOutcome Run(RecipeInput input, TestParameters p, CancellationToken cancellation)
    {
        Interlocked.Increment(ref _runs);
        var now = Interlocked.Increment(ref _running);
        int peak;
        while ((peak = _peak) < now && Interlocked.CompareExchange(ref _peak, now, peak) != peak) { }
        try
        {
            if (p.SleepMs > 0) Task.Delay(p.SleepMs, cancellation).GetAwaiter().GetResult();
            if (input.Frames.Any(f => f.PrimaryHeader.GetBool("FAILME", false)))
                return new AlgorithmFailed("frame marked FAILME", new Dictionary<string, double> { ["frames"] = input.Frames.Count, ["limit"] = 0 });
            if (input.Frames.Any(f => f.PrimaryHeader.GetBool("THROWME", false))) throw new InvalidOperationException("frame marked THROWME");
            var skipped = input.Frames.Where(f => f.PrimaryHeader.GetBool("SKIPME", false)).Select(f => new SkippedInput(f.Name, "marked SKIPME")).ToList();
            var frames = input.Frames.Where(f => !f.PrimaryHeader.GetBool("SKIPME", false)).ToList();
            if (frames.Count == 0) return new UnprocessableData("every frame is marked SKIPME", skipped);
            var products = new List<RecipeProduct>();
            if (perInput)
            {
                foreach (var f in frames) products.Add(Make(output, [f], input, p, f.Name));
            }
            else
            {
                products.Add(Make(output, frames, input, p, null));
                if (input.KeepIntermediates) foreach (var f in frames) products.Add(Make(output + "_PART", [f], input, p, f.Name));
            }
            return new RecipeSucceeded(products, skipped);
        }
        finally
        {
            Interlocked.Decrement(ref _running);
        }
    }

    private static RecipeProduct Make(string category, List<RecipeFrame> frames, RecipeInput input, TestParameters p, string? derivedFrom)
    {
        var first = frames[0].Image;
        var data = new float[first.PixelCount];
        foreach (var f in frames) for (var i = 0; i < data.Length; i++) data[i] += f.Image.Data[i];
        for (var i = 0; i < data.Length; i++)
        {
            var v = p.Mode == TestMode.Sum ? data[i] : data[i] / frames.Count;
            foreach (var c in input.Calibrations.Values) v -= c.Image.Data[i];
            data[i] = (float)(v * p.Scale);
        }
        var image = new MaskedImage(first.Width, first.Height, data, Enumerable.Repeat(1f, data.Length).ToArray(), null, null, "adu");
        return new RecipeProduct
        {
            Category = category,
            Image = image,
            DerivedFrom = derivedFrom,
            Qc = new Dictionary<string, double> { ["level"] = data.Average(v => (double)v) },
            History = [$"{frames.Count} frame(s) combined"],
        };
    }
}

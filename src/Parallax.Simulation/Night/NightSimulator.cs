using System.Diagnostics;
using Parallax.Fits;
using Parallax.Simulation.Detector;
using Parallax.Simulation.Imaging;
using Parallax.Simulation.Models;
using Parallax.Simulation.Output;
using Parallax.Simulation.Plans;
using Parallax.Simulation.Randomness;
using Parallax.Simulation.Spectroscopy;

namespace Parallax.Simulation.Night;

/// <summary>
/// Simulates a night: schedules the plan, renders every frame (in parallel, each from its own random key, so
/// the bytes do not depend on the thread count or order), writes the raw frames as 16-bit FITS (BZERO 32768)
/// to <c>DIR/raw</c> and the truth to <c>DIR/truth</c> (see the README written there).
/// </summary>
public static class NightSimulator
{
    /// <summary>Runs the night.</summary>
    /// <param name="model">The instrument.</param>
    /// <param name="plan">What to observe (validated against the model here).</param>
    /// <param name="outputDirectory">DIR; raw/ and truth/ are created in it, files of the same names replaced.</param>
    /// <param name="seed">The seed: the same model, plan and seed give the same bytes.</param>
    /// <param name="options">Parallelism and progress.</param>
    /// <exception cref="InvalidModelException">The plan does not fit the model.</exception>
    public static SimulationResult Run(InstrumentModel model, NightPlan plan, string outputDirectory, ulong seed, SimulationOptions? options = null)
    {
        options ??= new SimulationOptions();
        plan.Validate(model);
        var clock = Stopwatch.StartNew();
        var raw = Path.Combine(outputDirectory, "raw");
        var truth = Path.Combine(outputDirectory, "truth");
        Directory.CreateDirectory(raw);
        Directory.CreateDirectory(truth);
        var frames = NightScheduler.Schedule(model, plan, seed);
        var truths = new FrameTruth[frames.Count];
        long bytes = 0;
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, options.MaxParallelism) };
        if (model.Kind == InstrumentKind.Imager)
        {
            var scene = new ImagingScene(model, plan, seed);
            var writer = new TruthWriter(truth, model, plan, seed, scene.Pattern);
            Parallel.For(0, frames.Count, parallel, () => new FrameBuffers(scene.Pattern.Layout), (i, _, buffers) =>
            {
                var spec = frames[i];
                var (open, sources, trueWcs, sky) = scene.Render(spec, buffers.Light);
                var exposure = DetectorReadout.Read(scene.Pattern, buffers, open, spec.Exptime, FrameKey(seed, spec), ExposureOptions.Realistic);
                Interlocked.Add(ref bytes, WriteRaw(Path.Combine(raw, spec.FileName), model, scene.Pattern.Layout, spec, exposure, seed));
                if (options.PerFrameTruth) writer.FrameFiles(spec, exposure, sources, trueWcs);
                truths[i] = new FrameTruth(spec, exposure.BiasOffsets, exposure.CosmicRayEvents, exposure.CosmicRays.Count, sky, sources.Count);
                options.FrameWritten?.Invoke(spec);
                return buffers;
            }, _ => { });
            writer.Imaging(scene, truths);
        }
        else
        {
            var scene = new LongslitScene(model, plan);
            var writer = new TruthWriter(truth, model, plan, seed, scene.Pattern);
            Parallel.For(0, frames.Count, parallel, () => new FrameBuffers(scene.Pattern.Layout), (i, _, buffers) =>
            {
                var spec = frames[i];
                var open = scene.Render(spec, buffers.Light);
                var exposure = DetectorReadout.Read(scene.Pattern, buffers, open, spec.Exptime, FrameKey(seed, spec), ExposureOptions.Realistic);
                Interlocked.Add(ref bytes, WriteRaw(Path.Combine(raw, spec.FileName), model, scene.Pattern.Layout, spec, exposure, seed));
                if (options.PerFrameTruth) writer.FrameFiles(spec, exposure, [], null);
                truths[i] = new FrameTruth(spec, exposure.BiasOffsets, exposure.CosmicRayEvents, exposure.CosmicRays.Count, 0, 0);
                options.FrameWritten?.Invoke(spec);
                return buffers;
            }, _ => { });
            writer.Longslit(scene, truths);
        }
        return new SimulationResult(frames, raw, truth, clock.Elapsed, bytes);
    }

    /// <summary>The random key of a frame.</summary>
    internal static ulong FrameKey(ulong seed, FrameSpec spec) => CounterRandom.Key(seed, CounterRandom.Label("frame"), (ulong)spec.Sequence);

    private static long WriteRaw(string path, InstrumentModel model, DetectorLayout layout, FrameSpec spec, RawExposure exposure, ulong seed)
    {
        var header = FrameHeaders.Build(model, layout, spec, seed);
        using (var writer = FitsWriter.Create(path))
        {
            writer.WriteNativeImage<ushort>(exposure.Pixels, [layout.RawColumns, layout.Rows], header);
            writer.Commit();
        }
        return new FileInfo(path).Length;
    }
}

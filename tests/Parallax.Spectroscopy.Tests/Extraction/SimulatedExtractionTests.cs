using Parallax.Spectroscopy.Extraction;
using Parallax.Spectroscopy.Sky;
using Parallax.Spectroscopy.Tests.Support;
using Parallax.Spectroscopy.Tracing;
using Xunit.Abstractions;

namespace Parallax.Spectroscopy.Tests.Extraction;

/// <summary>The whole extraction chain on simulated science frames, against the simulator's truth.</summary>
public class SimulatedExtractionTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData("small", "SIM-STAR-1")]
    [InlineData("small", "Feige 34")]
    [InlineData("standard", "SIM-STAR-1")]
    public void Explore(string preset, string target)
    {
        var sim = preset == "small" ? SimulatedScience.Small : SimulatedScience.Standard;
        var (spec, frame) = sim.Science[target];
        var map = sim.WavelengthMapTruth;
        var objects = ObjectFinder.Find(frame, sim.Edges);
        foreach (var o in objects) output.WriteLine($"object at {o.Offset:F2} ({o.SlitPosition:F3}), fwhm {o.Fwhm:F2}, S/N {o.SignalToNoise:F1}");
        var trace = TraceFitter.Fit(frame, sim.Edges, objects[0]);
        double worst = 0;
        for (var x = 5; x < sim.Width - 5; x++) worst = Math.Max(worst, Math.Abs(trace.RowAt(x) - sim.TrueTraceRow(target, x)));
        output.WriteLine($"trace: parallel {trace.IsSlitParallel}, {trace.Columns.Count} bins, rms {trace.Rms:F3}, fwhm {trace.Fwhm:F2}, worst vs truth {worst:F3}");
        var exclude = ObjectMask.Build(sim.Width, sim.Height, [trace], 2.5 * trace.Fwhm);
        var sw = System.Diagnostics.Stopwatch.StartNew();
        var sky = BSplineSkyFitter.Fit(frame, map, sim.Edges, exclude);
        output.WriteLine($"sky: {sw.ElapsedMilliseconds} ms, {sky.PixelsUsed} used, {sky.PixelsRejected} rejected, {sky.Iterations} passes, chi2 {sky.ReducedChiSquare:F3}, {sky.Coefficients} coefficients");
        // chi2 on sky pixels against an independent variance model.
        var rays = sim.CosmicRayPixels(spec);
        double chi = 0; var n = 0; double lineChi = 0; var lineN = 0;
        var continuum = sky.Sky.Where(float.IsFinite).Order().ElementAt(sky.Sky.Count(float.IsFinite) / 2);
        for (var x = 3; x < sim.Width - 3; x++)
            for (var y = (int)Math.Ceiling(sim.Edges.Lower.RowAt(x) + 3); y <= sim.Edges.Upper.RowAt(x) - 3; y++)
            {
                var i = y * sim.Width + x;
                if (exclude[i] || rays.Contains(i) || frame.Mask[i] != 0) continue;
                var r = sim.PixelResponse[i];
                var v = (sky.Sky[i] * r + sim.DarkElectrons(i, spec.Exptime) + sim.ReadNoise * sim.ReadNoise) / (r * r);
                chi += Math.Pow(frame.Data[i] - sky.Sky[i], 2) / v;
                n++;
                if (sky.Sky[i] > 10 * continuum) { lineChi += Math.Pow(frame.Data[i] - sky.Sky[i], 2) / v; lineN++; }
            }
        output.WriteLine($"independent chi2/pixel {chi / n:F4} over {n}; on lines (sky > 10 × {continuum:F1}) {lineChi / lineN:F3} over {lineN}");
        var box = BoxcarExtractor.Extract(frame, sky.Sky, trace, map);
        var opt = OptimalExtractor.Extract(frame, sky.Sky, trace, map);
        for (var x = 20; x < sim.Width - 20; x += sim.Width / 16)
        {
            var truth = sim.TrueElectrons(target, x);
            output.WriteLine($"x {x}: λ {opt.Wavelength[x]:F1} truth {truth:F1} box {box.Flux[x]:F1} ({box.Flux[x] / truth:F4}) opt {opt.Flux[x]:F1} ({opt.Flux[x] / truth:F4}) S/N {opt.SignalToNoise(x):F1} box S/N {box.SignalToNoise(x):F1}");
        }
    }
}

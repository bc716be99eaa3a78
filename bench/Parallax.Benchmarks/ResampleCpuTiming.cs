using System.Diagnostics;
using System.Globalization;
using Parallax.Fits.Coordinates;
using Parallax.Imaging;
using Parallax.Imaging.Resampling;

namespace Parallax.Benchmarks;

/// <summary>
/// <c>resample-cpu [REPEATS]</c>: CPU seconds (user + system of this process) to resample a 2048² frame per kernel.
/// On a machine shared with other jobs, CPU time varies far less with the load than wall time does.
/// </summary>
public static class ResampleCpuTiming
{
    /// <summary>Runs the timing; returns the exit code.</summary>
    public static int Run(string[] args)
    {
        var repeats = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 3;
        const int n = 2048;
        var random = new Random(3);
        var input = new MaskedImage(n, n) { Wcs = Wcs.CreateTan(150, 2.2, 1024.5, 1024.5, 0.4 / 3600) };
        for (var i = 0; i < input.PixelCount; i++) input.Data[i] = 500f + (float)(10 * random.NextDouble());
        var grid = new TargetGrid(n, n, Wcs.CreateTan(150, 2.2, 1030.27, 1019.61, 0.4 / 3600, 0.3));
        var process = Process.GetCurrentProcess();
        foreach (var kernel in new[] { InterpolationKernel.Bilinear, InterpolationKernel.Bicubic, InterpolationKernel.Lanczos3 })
        {
            Resampler.Resample(input, grid, new ResampleParameters { Kernel = kernel }); // warm-up (JIT)
            var best = double.MaxValue;
            for (var r = 0; r < repeats; r++)
            {
                process.Refresh();
                var before = process.TotalProcessorTime;
                Resampler.Resample(input, grid, new ResampleParameters { Kernel = kernel });
                process.Refresh();
                best = Math.Min(best, (process.TotalProcessorTime - before).TotalSeconds);
            }
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{kernel,-9} 2048x2048 (no VAR/DQ): {best:0.000} s CPU (best of {repeats})"));
        }
        return 0;
    }
}

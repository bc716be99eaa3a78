using System.Buffers;
using Parallax.Imaging.Arithmetic;

namespace Parallax.Imaging.Resampling;

/// <summary>
/// Puts a <see cref="MaskedImage"/> with a WCS onto a <see cref="TargetGrid"/>: each output pixel's centre is mapped
/// through the sky to an input position (see <see cref="ResampleParameters.MappingTolerance"/>), where the input is
/// interpolated with the chosen kernel. Value, variance (Σ wᵢ²σᵢ²) and mask (OR of the pixels used) travel together;
/// a coverage map says how much usable input each output pixel rests on. Row-parallel for big grids; nothing is
/// allocated per pixel.
/// </summary>
/// <remarks>
/// Output values are surface brightness (the input's unit per input pixel) unless
/// <see cref="ResampleParameters.FluxConserving"/> is set, when they are multiplied by the output/input pixel-area
/// ratio so that sums are preserved. Interpolation correlates the noise of neighbouring output pixels: the variance
/// given is that of each pixel on its own, not of sums over several.
/// </remarks>
public static class Resampler
{
    /// <summary>Resamples <paramref name="input"/> (whose <see cref="MaskedImage.Wcs"/> must be set) onto <paramref name="target"/>.</summary>
    /// <param name="input">The image, with its WCS.</param>
    /// <param name="target">The output grid.</param>
    /// <param name="parameters">Kernel, flux conservation, bad-pixel policy, mapping tolerance; defaults when null.</param>
    /// <returns>The image on the target grid (unit and header of the input, WCS of the grid) with its coverage.</returns>
    /// <exception cref="ArgumentException">The input has no WCS, or the grid or parameters are invalid.</exception>
    public static ResampleResult Resample(MaskedImage input, TargetGrid target, ResampleParameters? parameters = null)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(target);
        parameters ??= new ResampleParameters();
        parameters.Validate();
        target.Validate();
        if (input.Wcs is null) throw new ArgumentException("the input image has no WCS to resample from", nameof(input));

        var mapping = PixelMapping.Build(target.Wcs, input.Wcs, target.Width, target.Height, parameters.MappingTolerance,
            parameters.MaxMappingStep, parameters.FluxConserving);
        var n = target.Width * target.Height;
        var data = new float[n];
        var variance = new float[n];
        var mask = new ushort[n];
        var coverage = new float[n];
        var dropped = new long[1];
        var sampler = new KernelSampler(input, parameters.Kernel, parameters.BadPixels, parameters.RejectMask, parameters.MinimumCoverage);
        var rows = new ResampleRows(sampler, mapping, target.Width, parameters.FluxConserving, data, variance, mask, coverage, dropped);
        ParallelRows.For(target.Width, target.Height, rows);

        var image = new MaskedImage(target.Width, target.Height, data, variance, mask, input.Header.Clone(), input.Unit) { Wcs = target.Wcs };
        return new ResampleResult(image, coverage, mapping.Step, mapping.MaxError, dropped[0]);
    }

    /// <summary>A band of output rows: positions from the mapping, one kernel sample per pixel.</summary>
    private readonly struct ResampleRows(KernelSampler sampler, PixelMapping mapping, int width, bool fluxConserving,
        float[] data, float[] variance, ushort[] mask, float[] coverage, long[] dropped) : IRangeOperation
    {
        public void Invoke(int start, int length)
        {
            var y0 = start / width;
            var rowCount = length / width;
            var pool = ArrayPool<double>.Shared;
            var xs = pool.Rent(width);
            var ys = pool.Rent(width);
            var js = pool.Rent(width);
            Span<double> wx = stackalloc double[InterpolationKernels.MaxTaps];
            Span<double> wy = stackalloc double[InterpolationKernels.MaxTaps];
            long none = 0;
            try
            {
                for (var y = y0; y < y0 + rowCount; y++)
                {
                    mapping.FillRow(y, xs, ys, js);
                    var o = y * width;
                    for (var x = 0; x < width; x++)
                    {
                        var s = sampler.Sample(xs[x], ys[x], wx, wy);
                        var value = s.Value;
                        var v = s.Variance;
                        if (fluxConserving)
                        {
                            var f = js[x];
                            value = (float)(value * f);
                            v = (float)(v * f * f);
                        }
                        data[o + x] = value;
                        variance[o + x] = v;
                        mask[o + x] = s.Mask;
                        coverage[o + x] = s.Coverage;
                        if (s.Coverage == 0f) none++;
                    }
                }
            }
            finally
            {
                pool.Return(xs);
                pool.Return(ys);
                pool.Return(js);
            }
            if (none > 0) Interlocked.Add(ref dropped[0], none);
        }
    }
}

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
        target.Validate();
        var destination = new MaskedImage(target.Width, target.Height, input.Unit) { Wcs = target.Wcs };
        return ResampleInto(input, destination, new float[destination.PixelCount], parameters);
    }

    /// <summary>
    /// Resamples <paramref name="input"/> into an existing image, so a loop over many frames can reuse one set of
    /// output buffers. The target grid is <paramref name="destination"/>'s size and <see cref="MaskedImage.Wcs"/>;
    /// every pixel of its data, variance and mask and of <paramref name="coverage"/> is overwritten, and its unit and
    /// header become the input's.
    /// </summary>
    /// <param name="input">The image, with its WCS.</param>
    /// <param name="destination">The output image, with the target WCS set.</param>
    /// <param name="coverage">Receives the coverage map; destination.PixelCount values.</param>
    /// <param name="parameters">Kernel, flux conservation, bad-pixel policy, mapping tolerance; defaults when null.</param>
    /// <returns>A result wrapping <paramref name="destination"/> and <paramref name="coverage"/>.</returns>
    /// <exception cref="ArgumentException">The input or destination has no WCS, the coverage has the wrong length, or the parameters are invalid.</exception>
    public static ResampleResult ResampleInto(MaskedImage input, MaskedImage destination, float[] coverage, ResampleParameters? parameters = null)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(destination);
        ArgumentNullException.ThrowIfNull(coverage);
        parameters ??= new ResampleParameters();
        parameters.Validate();
        if (input.Wcs is null) throw new ArgumentException("the input image has no WCS to resample from", nameof(input));
        if (destination.Wcs is null) throw new ArgumentException("the destination image has no WCS to resample onto", nameof(destination));
        if (coverage.Length != destination.PixelCount)
            throw new ArgumentException($"coverage holds {coverage.Length} values but the destination has {destination.PixelCount} pixels", nameof(coverage));
        if (destination.PixelCount == 0) throw new ArgumentException("the destination image is empty", nameof(destination));

        var (width, height) = (destination.Width, destination.Height);
        var mapping = PixelMapping.Build(destination.Wcs, input.Wcs, width, height, parameters.MappingTolerance,
            parameters.MaxMappingStep, parameters.FluxConserving);
        var dropped = new long[1];
        var sampler = new KernelSampler(input, parameters.Kernel, parameters.BadPixels, parameters.RejectMask, parameters.MinimumCoverage);
        var rows = new ResampleRows(sampler, mapping, width, parameters.FluxConserving, destination.Data, destination.Variance, destination.Mask, coverage, dropped);
        ParallelRows.For(width, height, rows);

        destination.Unit = input.Unit;
        if (!ReferenceEquals(destination.Header, input.Header))
        {
            while (destination.Header.Cards.Count > 0) destination.Header.RemoveAt(destination.Header.Cards.Count - 1);
            foreach (var card in input.Header) destination.Header.Add(card);
        }
        return new ResampleResult(destination, coverage, mapping.Step, mapping.MaxError, dropped[0]);
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

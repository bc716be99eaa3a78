using System.Buffers;
using System.Numerics.Tensors;
using Parallax.Imaging.Fitting;
using Parallax.Imaging.Statistics;

namespace Parallax.Imaging.Detector;

/// <summary>
/// Measures overscan levels (<see cref="OverscanOptions"/>) and subtracts them; the building blocks of
/// <see cref="DetectorCorrector"/>, usable alone for ccdproc-style steps (subtract_overscan, then trim).
/// Masked (<see cref="MaskBits.Unusable"/>) and NaN overscan pixels are left out of every statistic.
/// </summary>
public static class OverscanCorrector
{
    /// <summary>
    /// Measures the overscan of <paramref name="biasSection"/> for the lines [firstLine, firstLine + lineCount)
    /// of the region to be corrected. Without smoothing every corrected line must have an overscan line
    /// (a line whose overscan pixels are all masked takes the median of all line levels); with smoothing
    /// the fitted model gives each line its level (extrapolating beyond the overscan).
    /// </summary>
    /// <param name="raw">The raw frame (ADU).</param>
    /// <param name="biasSection">The overscan pixels.</param>
    /// <param name="dataSection">The region to be corrected (decides the axis when Auto, and the lines).</param>
    /// <param name="options">Statistic, axis, smoothing.</param>
    /// <exception cref="ArgumentException">The sections lie outside the image, or a corrected line has no overscan line and no smoothing is asked for.</exception>
    public static OverscanProfile Measure(MaskedImage raw, ImageSection biasSection, ImageSection dataSection, OverscanOptions options)
    {
        ArgumentNullException.ThrowIfNull(raw);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        if (biasSection.XEnd > raw.Width || biasSection.YEnd > raw.Height) throw new ArgumentException($"bias section {biasSection} reaches beyond the {raw.Width}×{raw.Height} image", nameof(biasSection));
        var axis = ResolveAxis(options.Axis, biasSection, dataSection);
        var perRow = axis == OverscanAxis.PerRow;
        var biasFirst = perRow ? biasSection.YStart : biasSection.XStart;
        var biasLines = perRow ? biasSection.Height : biasSection.Width;
        var lineLength = perRow ? biasSection.Width : biasSection.Height;
        var firstLine = perRow ? dataSection.YStart : dataSection.XStart;
        var lineCount = perRow ? dataSection.Height : dataSection.Width;

        var lineLevels = new double[biasLines];
        // Pooled: a fresh large-object-heap buffer per amplifier costs page faults comparable to the statistics.
        var total = biasLines * lineLength;
        var residualBuffer = ArrayPool<float>.Shared.Rent(total);
        var maskBuffer = ArrayPool<ushort>.Shared.Rent(total);
        var residuals = residualBuffer.AsSpan(0, total);
        var residualMask = maskBuffer.AsSpan(0, total);
        var values = new float[lineLength];
        var mask = new ushort[lineLength];
        var clip = new SigmaClipOptions { Sigma = options.ClipSigma, MaxIterations = 5 };
        for (var l = 0; l < biasLines; l++)
        {
            ReadLine(raw, biasSection, perRow, l, values, mask);
            lineLevels[l] = options.Statistic switch
            {
                OverscanStatistic.Mean => RobustStatistics.Mean(values, mask),
                OverscanStatistic.Median => RobustStatistics.Median(values, mask),
                _ => RobustStatistics.SigmaClippedStats(values, clip, mask).Mean,
            };
            var r = residuals.Slice(l * lineLength, lineLength);
            TensorPrimitives.Subtract(values, (float)lineLevels[l], r);
            mask.CopyTo(residualMask.Slice(l * lineLength, lineLength));
        }
        var noise = RobustStatistics.MadSigma(residuals, residualMask);
        ArrayPool<float>.Shared.Return(residualBuffer);
        ArrayPool<ushort>.Shared.Return(maskBuffer);

        var levels = new double[lineCount];
        Polynomial1D? polynomial = null;
        BSpline1D? spline = null;
        var fitRms = double.NaN;
        var lineIndex = new double[biasLines];
        for (var l = 0; l < biasLines; l++) lineIndex[l] = biasFirst + l;
        switch (options.Smoothing)
        {
            case OverscanSmoothing.Legendre or OverscanSmoothing.Chebyshev:
            {
                var fit = PolynomialFitter.Fit(lineIndex, lineLevels, new PolynomialFitOptions
                {
                    Basis = options.Smoothing == OverscanSmoothing.Legendre ? PolynomialBasis.Legendre : PolynomialBasis.Chebyshev,
                    Order = options.Order,
                    Rejection = options.FitRejection,
                });
                polynomial = fit.Model;
                fitRms = fit.Rms;
                for (var i = 0; i < lineCount; i++) levels[i] = polynomial.Evaluate(firstLine + i);
                break;
            }
            case OverscanSmoothing.BSpline:
            {
                var fit = BSplineFitter.Fit(lineIndex, lineLevels, new BSplineFitOptions { BreakpointSpacing = options.BreakpointSpacing, Rejection = options.FitRejection });
                spline = fit.Model;
                fitRms = fit.Rms;
                for (var i = 0; i < lineCount; i++) levels[i] = spline.Evaluate(firstLine + i);
                break;
            }
            default:
            {
                var fallback = Median(lineLevels);
                for (var i = 0; i < lineCount; i++)
                {
                    var l = firstLine + i - biasFirst;
                    if ((uint)l >= (uint)biasLines)
                        throw new ArgumentException($"line {firstLine + i} of the corrected region {dataSection} has no overscan line in {biasSection}; smooth the overscan (a fit extrapolates) or give a bias section that covers it", nameof(dataSection));
                    levels[i] = double.IsNaN(lineLevels[l]) ? fallback : lineLevels[l];
                }
                break;
            }
        }
        return new OverscanProfile(axis, biasSection, firstLine, levels, lineLevels, noise, fitRms, polynomial, spline);
    }

    /// <summary>
    /// Subtracts the profile's levels from <paramref name="region"/> of <paramref name="image"/> in place
    /// (data only, ADU): each row (per-row) or column (per-column) of the region loses its line's level.
    /// The variance is left alone (the level's own uncertainty, ~σ/√n per line, is negligible after
    /// smoothing); masks are untouched; NaN stays NaN.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">A line of the region has no level in the profile.</exception>
    public static void Subtract(MaskedImage image, OverscanProfile profile, ImageSection region)
    {
        ArgumentNullException.ThrowIfNull(image);
        ArgumentNullException.ThrowIfNull(profile);
        if (region.XEnd > image.Width || region.YEnd > image.Height) throw new ArgumentException($"region {region} reaches beyond the {image.Width}×{image.Height} image", nameof(region));
        if (profile.Axis == OverscanAxis.PerRow)
        {
            for (var y = region.YStart; y < region.YEnd; y++)
            {
                var row = image.DataRow(y).Slice(region.XStart, region.Width);
                TensorPrimitives.Subtract(row, (float)profile.LevelAt(y), row);
            }
            return;
        }
        var levels = new float[region.Width];
        for (var x = 0; x < levels.Length; x++) levels[x] = (float)profile.LevelAt(region.XStart + x);
        for (var y = region.YStart; y < region.YEnd; y++)
        {
            var row = image.DataRow(y).Slice(region.XStart, region.Width);
            TensorPrimitives.Subtract(row, levels, row);
        }
    }

    /// <summary>The axis options ask for, resolved from the shapes when Auto (see <see cref="OverscanAxis.Auto"/>).</summary>
    public static OverscanAxis ResolveAxis(OverscanAxis requested, ImageSection bias, ImageSection data)
    {
        if (requested != OverscanAxis.Auto) return requested;
        if (bias.YStart <= data.YStart && bias.YEnd >= data.YEnd) return OverscanAxis.PerRow;
        if (bias.XStart <= data.XStart && bias.XEnd >= data.XEnd) return OverscanAxis.PerColumn;
        return bias.Height >= bias.Width ? OverscanAxis.PerRow : OverscanAxis.PerColumn;
    }

    private static void ReadLine(MaskedImage raw, ImageSection bias, bool perRow, int line, Span<float> values, Span<ushort> mask)
    {
        if (perRow)
        {
            var y = bias.YStart + line;
            raw.DataRow(y).Slice(bias.XStart, bias.Width).CopyTo(values);
            raw.MaskRow(y).Slice(bias.XStart, bias.Width).CopyTo(mask);
            return;
        }
        var x = bias.XStart + line;
        for (var k = 0; k < bias.Height; k++)
        {
            var p = (bias.YStart + k) * raw.Width + x;
            values[k] = raw.Data[p];
            mask[k] = raw.Mask[p];
        }
    }

    private static double Median(double[] values)
    {
        var finite = values.Where(double.IsFinite).Order().ToArray();
        if (finite.Length == 0) throw new ArgumentException("every overscan pixel is masked or NaN");
        return finite.Length % 2 == 1 ? finite[finite.Length / 2] : 0.5 * (finite[finite.Length / 2 - 1] + finite[finite.Length / 2]);
    }
}

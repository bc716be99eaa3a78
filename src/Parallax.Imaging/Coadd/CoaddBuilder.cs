using System.Collections.Concurrent;
using System.Globalization;
using Parallax.Fits.Coordinates;
using Parallax.Imaging.Alignment;
using Parallax.Imaging.Background;
using Parallax.Imaging.Resampling;
using Parallax.Imaging.Statistics;

namespace Parallax.Imaging.Coadd;

/// <summary>
/// Coadds reduced frames of a field (or of several pointings: a mosaic) onto one TAN grid, as SWarp does: each frame gets a WCS
/// (its own, or the reference frame's carried through a star match), the grid covers them all (<see cref="CommonGrid"/>), each
/// frame's background is subtracted, its counts scaled to counts per second (at a common zero point when the frames carry one),
/// resampled flux-conserving with the chosen kernel (value, variance and mask together), and the frames are combined by a clipped
/// weighted mean. The result has an exposure map (seconds per pixel) and a weight map (Σw).
/// <para>
/// It streams: the output is made in bands of whole rows; for each band only the part of each frame that reaches it is resampled,
/// into buffers reused from band to band, so memory holds the inputs, the output and one band of every frame
/// (<see cref="CoaddParameters.BandBudgetBytes"/>), never whole resampled frames. Rows of a band are combined in parallel.
/// </para>
/// </summary>
public static class CoaddBuilder
{
    private const int OutlinePoints = 16;

    /// <summary>Builds the coadd.</summary>
    /// <param name="frames">The frames (at least one), in a count unit shared by all (electrons or ADU).</param>
    /// <param name="parameters">What to do; <see cref="CoaddParameters.Default"/> when null.</param>
    /// <param name="cancellation">Checked between bands.</param>
    /// <returns>The coadd; frames that could not be placed (no WCS and no star match) are listed in <see cref="CoaddResult.Skipped"/>.</returns>
    /// <exception cref="ArgumentException">No frame, a non-positive exposure time, frames in different units, a frame without variance under
    /// inverse-variance weights, invalid parameters, or no frame that could be placed.</exception>
    public static CoaddResult Build(IReadOnlyList<CoaddFrame> frames, CoaddParameters? parameters = null, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(frames);
        var p = parameters ?? CoaddParameters.Default;
        p.Validate();
        if (frames.Count == 0) throw new ArgumentException("there are no frames to coadd", nameof(frames));
        foreach (var f in frames)
        {
            if (!(f.ExposureTime > 0) || !double.IsFinite(f.ExposureTime))
                throw new ArgumentException($"{f.Name}: exposure time {f.ExposureTime} s must be positive", nameof(frames));
            if (!string.Equals(f.Image.Unit, frames[0].Image.Unit, StringComparison.OrdinalIgnoreCase))
                throw new ArgumentException($"{f.Name} is in '{f.Image.Unit}' but {frames[0].Name} is in '{frames[0].Image.Unit}'; a coadd needs frames in one unit", nameof(frames));
        }

        var skipped = new List<(string, string)>();
        var (wcs, sources, hasSky) = ResolveWcs(frames, p, skipped);
        var placed = Enumerable.Range(0, frames.Count).Where(i => wcs[i] is not null).ToList();
        if (placed.Count == 0) throw new ArgumentException("no frame could be placed on the sky: " + string.Join("; ", skipped.Select(s => $"{s.Item1}: {s.Item2}")), nameof(frames));
        var grid = CommonGrid.Covering(placed.Select(i => new TargetGrid(frames[i].Image.Width, frames[i].Image.Height, wcs[i]!)).ToList(), p.PixelScale);

        var zeroPoints = placed.All(i => frames[i].ZeroPoint is not null);
        double? zp = zeroPoints ? frames[placed[0]].ZeroPoint : null;
        var options = new ParallelOptions { MaxDegreeOfParallelism = p.MaxDegreeOfParallelism ?? -1, CancellationToken = cancellation };
        var prepared = new PlacedFrame?[placed.Count];
        var reports = new CoaddFrameReport[placed.Count];
        try
        {
            Parallel.For(0, placed.Count, options, k =>
            {
                var i = placed[k];
                (prepared[k], reports[k]) = Place(frames[i], wcs[i]!, sources[i], grid, zp, p);
            });
        }
        catch (AggregateException e) when (e.InnerExceptions.Count > 0)
        {
            // The first real failure (a frame without variance), not the parallel loop's wrapper.
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e.InnerExceptions[0]).Throw();
            throw;
        }
        var list = prepared.Where(f => f is not null).Select(f => f!).ToList();
        var result = Combine(list, grid, p, options, cancellation);
        var image = new MaskedImage(grid.Width, grid.Height, result.Data, result.Variance, result.Mask, null, PixelUnits.ElectronPerSecond) { Wcs = grid.Wcs };
        if (!string.Equals(frames[0].Image.Unit, PixelUnits.Electron, StringComparison.OrdinalIgnoreCase))
            image.Unit = frames[0].Image.Unit + "/s";
        return new CoaddResult(image, result.Exposure, result.Weight, grid, zp, hasSky, reports, skipped, result.BandRows, result.Rejected);
    }

    /// <summary>Each frame's WCS (null when it could not be aligned), where it came from, and whether the grid is on the sky.</summary>
    private static (Wcs?[] Wcs, string[] Source, bool HasSky) ResolveWcs(IReadOnlyList<CoaddFrame> frames, CoaddParameters p, List<(string, string)> skipped)
    {
        var n = frames.Count;
        var result = new Wcs?[n];
        var source = new string[n];
        var reference = p.Alignment == CoaddAlignment.Stars ? 0 : Enumerable.Range(0, n).FirstOrDefault(i => frames[i].EffectiveWcs is not null && !frames[i].WcsIsApproximate, -1);
        if (reference < 0) reference = Enumerable.Range(0, n).FirstOrDefault(i => frames[i].EffectiveWcs is not null, -1);
        var hasSky = true;
        Wcs refWcs;
        if (reference >= 0 && frames[reference].EffectiveWcs is { } own)
        {
            refWcs = own;
            source[reference] = "own";
        }
        else
        {
            // No frame is on the sky: the first frame's pixels under a stand-in TAN at (0, 0), 1″ a pixel, keep the alignment going.
            reference = 0;
            hasSky = false;
            var image = frames[0].Image;
            refWcs = Wcs.CreateTan(0, 0, (image.Width + 1) / 2.0, (image.Height + 1) / 2.0, 1.0 / 3600);
            source[0] = "reference pixels (no WCS)";
        }
        result[reference] = refWcs;
        List<StarPoint>? refStars = null;
        for (var i = 0; i < n; i++)
        {
            if (i == reference) continue;
            if (p.Alignment == CoaddAlignment.Auto && !frames[i].WcsIsApproximate && frames[i].EffectiveWcs is { } w)
            {
                result[i] = w;
                source[i] = "own";
                continue;
            }
            refStars ??= StarAlignment.Stars(frames[reference].Image);
            var match = StarAlignment.Match(frames[i].Image, refStars);
            if (!match.Succeeded)
            {
                // A frame with too few stars to match still has its header's pointing: better a coadd
                // slightly blurred by it than a frame lost (the reason is kept in the history).
                if (frames[i].EffectiveWcs is { } rough)
                {
                    result[i] = rough;
                    source[i] = $"own, approximate (not aligned to {frames[reference].Name}: {match.Message})";
                    continue;
                }
                skipped.Add((frames[i].Name, $"not aligned to {frames[reference].Name}: {match.Message}"));
                continue;
            }
            result[i] = AlignedWcs.Derive(refWcs, match.Transform);
            source[i] = string.Create(CultureInfo.InvariantCulture, $"stars: {match.Pairs.Count} pairs to {frames[reference].Name}, rms {match.Rms:0.###} px");
        }
        return (result, source, hasSky);
    }

    /// <summary>Background, scale, weight and output box of one frame.</summary>
    private static (PlacedFrame, CoaddFrameReport) Place(CoaddFrame frame, Wcs wcs, string source, TargetGrid grid, double? zp, CoaddParameters p)
    {
        var image = frame.Image;
        var scale = 1.0 / frame.ExposureTime;
        if (zp is { } common && frame.ZeroPoint is { } own) scale *= Math.Pow(10, 0.4 * (common - own));
        double background;
        float sky;
        if (p.SubtractBackground)
        {
            var model = BackgroundEstimator.Estimate(image, p.Background);
            var data = (float[])image.Data.Clone();
            model.SubtractFrom(data);
            // Variance and mask are shared, not copied: only the values change.
            image = new MaskedImage(image.Width, image.Height, data, image.Variance, image.Mask, null, image.Unit);
            background = model.GlobalLevel;
            sky = 0f;
        }
        else
        {
            background = RobustStatistics.Median(image.Data, image.Mask, p.RejectMask);
            sky = (float)(background * scale);
        }
        // Flux conservation multiplies values by the output/input pixel area ratio; the weight follows the variance it scales.
        var area = grid.Wcs.PixelArea / wcs.PixelArea;
        var unit = scale * area;
        double weight;
        switch (p.Weighting)
        {
            case CoaddWeighting.InverseVariance:
                var v = RobustStatistics.Median(image.Variance, image.Mask, p.RejectMask);
                if (!(v > 0) || !double.IsFinite(v))
                    throw new ArgumentException($"{frame.Name} has no usable variance (median {v.ToString(CultureInfo.InvariantCulture)}); inverse-variance weights need one: weight by exposure instead");
                weight = 1.0 / (v * unit * unit);
                break;
            case CoaddWeighting.Exposure:
                weight = frame.ExposureTime;
                break;
            default:
                weight = 1.0;
                break;
        }
        var (x0, y0, x1, y1) = Box(image.Width, image.Height, wcs, grid, InterpolationKernels.Taps(p.Kernel));
        var placed = new PlacedFrame
        {
            Name = frame.Name,
            Image = image,
            Wcs = wcs,
            Sampler = new KernelSampler(image, p.Kernel, BadPixelPolicy.Renormalise, p.RejectMask, 0.5),
            Scale = scale,
            Weight = (float)weight,
            Exposure = (float)frame.ExposureTime,
            Sky = sky,
            X0 = x0,
            X1 = x1,
            Y0 = y0,
            Y1 = y1,
        };
        return (placed, new CoaddFrameReport(frame.Name, scale, weight, background, source));
    }

    /// <summary>The output pixels a frame can reach: its outline projected onto the grid, widened by the kernel, clipped to the grid.</summary>
    private static (int X0, int Y0, int X1, int Y1) Box(int width, int height, Wcs wcs, TargetGrid grid, int taps)
    {
        double xmin = double.PositiveInfinity, xmax = double.NegativeInfinity, ymin = double.PositiveInfinity, ymax = double.NegativeInfinity;
        double ex = width - 0.5, ey = height - 0.5;
        for (var k = 0; k <= OutlinePoints; k++)
        {
            var t = (double)k / OutlinePoints;
            foreach (var (px, py) in new[] { (-0.5 + t * width, -0.5), (-0.5 + t * width, ey), (-0.5, -0.5 + t * height), (ex, -0.5 + t * height) })
            {
                var (lon, lat) = wcs.PixelToWorld(px, py);
                var (x, y) = grid.Wcs.WorldToPixel(lon, lat);
                if (!double.IsFinite(x) || !double.IsFinite(y)) continue;
                xmin = Math.Min(xmin, x); xmax = Math.Max(xmax, x);
                ymin = Math.Min(ymin, y); ymax = Math.Max(ymax, y);
            }
        }
        if (!double.IsFinite(xmin)) return (0, 0, grid.Width, grid.Height);
        var margin = taps / 2.0 + 1;
        var x0 = (int)Math.Clamp(Math.Floor(xmin - margin), 0, grid.Width);
        var x1 = (int)Math.Clamp(Math.Ceiling(xmax + margin) + 1, 0, grid.Width);
        var y0 = (int)Math.Clamp(Math.Floor(ymin - margin), 0, grid.Height);
        var y1 = (int)Math.Clamp(Math.Ceiling(ymax + margin) + 1, 0, grid.Height);
        return (x0, y0, Math.Max(x0, x1), Math.Max(y0, y1));
    }

    private sealed record Planes(float[] Data, float[] Variance, ushort[] Mask, float[] Exposure, float[] Weight, int BandRows, long Rejected);

    /// <summary>Band by band: resample every frame's part of the band, then combine its rows.</summary>
    private static Planes Combine(List<PlacedFrame> frames, TargetGrid grid, CoaddParameters p, ParallelOptions options, CancellationToken cancellation)
    {
        var (width, height) = (grid.Width, grid.Height);
        var pixels = (long)width * height;
        var planes = new Planes(new float[pixels], new float[pixels], new ushort[pixels], new float[pixels], new float[pixels], 0, 0);
        long bytesPerRow = Math.Max(1, frames.Sum(f => (long)f.BoxWidth * 10));
        var rows = (int)Math.Clamp(p.BandBudgetBytes / bytesPerRow, 1, height);
        var bands = (height + rows - 1) / rows;
        rows = (height + bands - 1) / bands;
        foreach (var f in frames)
        {
            var n = f.BoxWidth * Math.Min(rows, f.Y1 - f.Y0);
            f.Data = new float[n];
            f.Variance = new float[n];
            f.Mask = new ushort[n];
        }
        var combiners = new ConcurrentBag<CoaddPixelCombiner>();
        long rejected = 0;
        var (ra, dec) = grid.Wcs.ReferenceCoordinate;
        var (cr1, cr2) = grid.Wcs.ReferencePixel;
        var (c11, c12, c21, c22) = grid.Wcs.Cd;
        for (var y0 = 0; y0 < height; y0 += rows)
        {
            cancellation.ThrowIfCancellationRequested();
            var bandStart = y0;
            var bandEnd = Math.Min(height, y0 + rows);
            foreach (var f in frames)
            {
                f.BandY0 = Math.Max(bandStart, f.Y0);
                f.BandY1 = Math.Min(bandEnd, f.Y1);
            }
            var active = frames.Where(f => f.BandY1 > f.BandY0 && f.BoxWidth > 0).ToArray();
            Parallel.ForEach(active, options, f =>
            {
                // The grid is a plain TAN, so a sub-grid is the same projection with the reference pixel moved.
                var sub = Wcs.CreateTan(ra, dec, cr1 - f.X0, cr2 - f.BandY0, c11, c12, c21, c22);
                ResampleBand(f, sub, p);
            });
            Parallel.For(bandStart, bandEnd, options,
                () => combiners.TryTake(out var c) ? c : new CoaddPixelCombiner(frames.Count, p.ClipSigma, p.ClipAmplitudeFraction, p.ClipIterations, p.RejectMask),
                (y, _, combiner) =>
                {
                    var r = CombineRow(combiner, active, y, width, planes);
                    if (r > 0) Interlocked.Add(ref rejected, r);
                    return combiner;
                },
                combiners.Add);
        }
        return planes with { BandRows = rows, Rejected = rejected };
    }

    /// <summary>Resamples the frame's rows BandY0..BandY1−1, columns X0..X1−1, into its band buffers, scaled to the output unit.</summary>
    private static void ResampleBand(PlacedFrame f, Wcs sub, CoaddParameters p)
    {
        var w = f.BoxWidth;
        var h = f.BandY1 - f.BandY0;
        var mapping = PixelMapping.Build(sub, f.Wcs, w, h, 0.001, 64, withJacobian: true);
        var xs = new double[w];
        var ys = new double[w];
        var js = new double[w];
        Span<double> wx = stackalloc double[InterpolationKernels.MaxTaps];
        Span<double> wy = stackalloc double[InterpolationKernels.MaxTaps];
        var sampler = f.Sampler;
        var (iw, ih) = (f.Image.Width, f.Image.Height);
        var inputMask = f.Image.Mask;
        var reject = (ushort)p.RejectMask;
        for (var r = 0; r < h; r++)
        {
            mapping.FillRow(r, xs, ys, js);
            var o = r * w;
            for (var x = 0; x < w; x++)
            {
                // A sample that falls on an unusable pixel is not rebuilt from its neighbours: renormalising around a saturated
                // star core would put the wings' level there and lose the star's flux without a trace. It is dropped, with the
                // pixel's bits, and the other frames fill it (or the coadd says NoData, with the reason).
                var ix = (int)Math.Round(xs[x]);
                var iy = (int)Math.Round(ys[x]);
                if ((uint)ix < (uint)iw && (uint)iy < (uint)ih && (inputMask[iy * iw + ix] & reject) != 0)
                {
                    f.Data[o + x] = float.NaN;
                    f.Variance[o + x] = float.NaN;
                    f.Mask[o + x] = (ushort)(inputMask[iy * iw + ix] | (ushort)MaskBits.NoData);
                    continue;
                }
                var s = sampler.Sample(xs[x], ys[x], wx, wy);
                var k = js[x] * f.Scale;
                f.Data[o + x] = (float)(s.Value * k);
                f.Variance[o + x] = (float)(s.Variance * k * k);
                f.Mask[o + x] = s.Mask;
            }
        }
    }

    /// <summary>Combines output row <paramref name="y"/>; returns the values clipped.</summary>
    private static int CombineRow(CoaddPixelCombiner c, PlacedFrame[] active, int y, int width, Planes planes)
    {
        Span<int> starts = active.Length <= 256 ? stackalloc int[active.Length] : new int[active.Length];
        for (var k = 0; k < active.Length; k++)
        {
            var f = active[k];
            starts[k] = y >= f.BandY0 && y < f.BandY1 ? (y - f.BandY0) * f.BoxWidth - f.X0 : int.MinValue;
        }
        var rejected = 0;
        var o = (long)y * width;
        for (var x = 0; x < width; x++)
        {
            var n = 0;
            for (var k = 0; k < active.Length; k++)
            {
                var f = active[k];
                if (starts[k] == int.MinValue || x < f.X0 || x >= f.X1) continue;
                var at = starts[k] + x;
                c.Values[n] = f.Data[at];
                c.Variances[n] = f.Variance[at];
                c.Masks[n] = f.Mask[at];
                c.Weights[n] = f.Weight;
                c.Exposures[n] = f.Exposure;
                c.Sky[n] = f.Sky;
                n++;
            }
            var px = c.Combine(n);
            planes.Data[o + x] = px.Value;
            planes.Variance[o + x] = px.Variance;
            planes.Mask[o + x] = px.Mask;
            planes.Exposure[o + x] = px.Exposure;
            planes.Weight[o + x] = px.Weight;
            rejected += px.Rejected;
        }
        return rejected;
    }
}

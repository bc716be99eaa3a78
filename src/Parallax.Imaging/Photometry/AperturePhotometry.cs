using Parallax.Imaging.Sources;
using Parallax.Imaging.Statistics;

namespace Parallax.Imaging.Photometry;

/// <summary>
/// Circular aperture photometry with the exact pixel–circle overlap (sep's sum_circle with
/// subpix=0, photutils' method='exact'), an optional local sky from a sigma-clipped annulus median,
/// and errors from the variance plane plus the sky's uncertainty. Masked pixels (see
/// <see cref="ApertureParameters.RejectMask"/>) and NaN pixels are left out of both the sum and the
/// area and flagged; the flux is not scaled up for them.
/// </summary>
public static class AperturePhotometry
{
    /// <summary>
    /// Measures an aperture centred at (x, y) (zero-based pixel coordinates, pixel centres at
    /// integers). <paramref name="fallbackVariance"/> is used for pixels whose variance is 0 (a
    /// frame without a variance plane), e.g. the background RMS squared.
    /// </summary>
    public static ApertureMeasurement Measure(MaskedImage image, double x, double y, ApertureParameters parameters, double fallbackVariance = 0)
    {
        ArgumentNullException.ThrowIfNull(image);
        ArgumentNullException.ThrowIfNull(parameters);
        parameters.Validate();
        return MeasureOne(image, x, y, parameters, fallbackVariance, null);
    }

    /// <summary>Measures apertures at many positions (in parallel for many); see <see cref="Measure(MaskedImage, double, double, ApertureParameters, double)"/>.</summary>
    public static ApertureMeasurement[] Measure(MaskedImage image, IReadOnlyList<(double X, double Y)> positions, ApertureParameters parameters, double fallbackVariance = 0)
    {
        ArgumentNullException.ThrowIfNull(image);
        ArgumentNullException.ThrowIfNull(positions);
        ArgumentNullException.ThrowIfNull(parameters);
        parameters.Validate();
        var result = new ApertureMeasurement[positions.Count];
        if (positions.Count < 256 || Environment.ProcessorCount == 1)
        {
            var scratch = new List<float>();
            for (var i = 0; i < result.Length; i++) result[i] = MeasureOne(image, positions[i].X, positions[i].Y, parameters, fallbackVariance, scratch);
        }
        else
        {
            Parallel.For(0, result.Length, () => new List<float>(), (i, _, scratch) =>
            {
                result[i] = MeasureOne(image, positions[i].X, positions[i].Y, parameters, fallbackVariance, scratch);
                return scratch;
            }, _ => { });
        }
        return result;
    }

    /// <summary>
    /// Aperture photometry of every source of a catalog on a background-subtracted image, centred on
    /// the windowed centroid (the barycentre where the window failed); fills FluxAperture,
    /// FluxApertureError and LocalSky and ORs the aperture flags. Pixels of variance 0 use the
    /// catalog's background RMS squared.
    /// </summary>
    public static SourceCatalog Measure(SourceCatalog catalog, MaskedImage subtracted, ApertureParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        var positions = catalog.Sources.Select(s => double.IsFinite(s.XWin) ? (s.XWin, s.YWin) : (s.X, s.Y)).ToList();
        var m = Measure(subtracted, positions, parameters, catalog.BackgroundRms * catalog.BackgroundRms);
        var sources = new Source[catalog.Count];
        for (var i = 0; i < sources.Length; i++)
            sources[i] = catalog.Sources[i] with { FluxAperture = m[i].Flux, FluxApertureError = m[i].FluxError, LocalSky = m[i].Sky, Flags = catalog.Sources[i].Flags | m[i].Flags };
        return catalog.With(sources);
    }

    private static ApertureMeasurement MeasureOne(MaskedImage image, double xc, double yc, ApertureParameters p, double fallbackVariance, List<float>? scratch)
    {
        var r = p.Radius;
        var reject = (ushort)p.RejectMask;
        var flags = SourceFlags.None;
        if (xc - r < -0.5 || yc - r < -0.5 || xc + r > image.Width - 0.5 || yc + r > image.Height - 0.5) flags |= SourceFlags.ApertureTruncated;
        var xa = Math.Max(0, (int)Math.Floor(xc - r + 0.5));
        var xb = Math.Min(image.Width - 1, (int)Math.Ceiling(xc + r - 0.5));
        var ya = Math.Max(0, (int)Math.Floor(yc - r + 0.5));
        var yb = Math.Min(image.Height - 1, (int)Math.Ceiling(yc + r - 0.5));
        double sum = 0, area = 0, variance = 0;
        for (var y = ya; y <= yb; y++)
        {
            var row = y * image.Width;
            for (var x = xa; x <= xb; x++)
            {
                var f = CircleOverlap.PixelFraction(x, y, xc, yc, r);
                if (f <= 0) continue;
                var v = image.Data[row + x];
                if (!float.IsFinite(v) || (image.Mask[row + x] & reject) != 0)
                {
                    flags |= SourceFlags.ApertureMasked;
                    continue;
                }
                sum += f * v;
                area += f;
                var var = image.Variance[row + x];
                variance += f * (var > 0 ? var : fallbackVariance);
            }
        }
        double sky = 0, skySigma = 0;
        var skyPixels = 0;
        if (p.HasAnnulus)
        {
            scratch ??= [];
            scratch.Clear();
            double rin = p.AnnulusInner!.Value, rout = p.AnnulusOuter!.Value;
            var sxa = Math.Max(0, (int)Math.Floor(xc - rout));
            var sxb = Math.Min(image.Width - 1, (int)Math.Ceiling(xc + rout));
            var sya = Math.Max(0, (int)Math.Floor(yc - rout));
            var syb = Math.Min(image.Height - 1, (int)Math.Ceiling(yc + rout));
            for (var y = sya; y <= syb; y++)
                for (var x = sxa; x <= sxb; x++)
                {
                    double dx = x - xc, dy = y - yc;
                    var d2 = dx * dx + dy * dy;
                    if (d2 < rin * rin || d2 > rout * rout) continue;
                    var i = y * image.Width + x;
                    var v = image.Data[i];
                    if (!float.IsFinite(v) || (image.Mask[i] & reject) != 0) continue;
                    scratch.Add(v);
                }
            if (scratch.Count >= p.MinSkyPixels)
            {
                var stats = RobustStatistics.SigmaClippedStats(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(scratch), p.SkyClip);
                sky = stats.Median;
                skySigma = stats.StandardDeviation;
                skyPixels = stats.Count;
            }
            else flags |= SourceFlags.SkyFallback;
        }
        var flux = sum - sky * area;
        var error = Math.Sqrt(variance + (skyPixels > 0 ? area * area * skySigma * skySigma / skyPixels : 0));
        return new ApertureMeasurement(sum, area, sky, skySigma, skyPixels, flux, error, flags);
    }
}

using System.Globalization;
using Parallax.Fits.Coordinates;
using Parallax.Imaging.Background;
using Parallax.Imaging.Sources;

namespace Parallax.Imaging.Astrometry;

/// <summary>
/// Astrometric calibration of one frame against a reference catalog, starting from an approximate WCS (a header's
/// pointing and scale): detect stars (windowed centroids), project the catalog with the approximate WCS, find the
/// offset between the two lists by a vote over all pairs of bright stars within the search radius, refine it with
/// an affine fit of nearest neighbours, then fit TAN + SIP with iterative sigma rejection, re-matching once with
/// the first solution.
/// </summary>
/// <remarks>
/// The vote needs the header's scale right to a few per cent and its rotation to a degree or so (the blur it
/// tolerates is the vote's bin, 2 px, plus the match radius across the field); the pointing may be off by up to
/// <see cref="AstrometryParameters.SearchRadiusArcsec"/>. Saturated, blended and NaN-centroid stars are left out.
/// </remarks>
public static class AstrometricSolver
{
    /// <summary>Detects the stars of <paramref name="image"/> and solves its WCS; see <see cref="Solve(IReadOnlyList{Source}, int, int, Wcs, ReferenceCatalog, AstrometryParameters?)"/>.</summary>
    /// <param name="image">The frame (any unit); masked and NaN pixels are ignored by the detection.</param>
    /// <param name="approximate">The approximate WCS on the image's pixels.</param>
    /// <param name="catalog">The reference catalog.</param>
    /// <param name="parameters">Settings; defaults when null.</param>
    public static AstrometricSolution Solve(MaskedImage image, Wcs approximate, ReferenceCatalog catalog, AstrometryParameters? parameters = null)
    {
        ArgumentNullException.ThrowIfNull(image);
        var p = parameters ?? new AstrometryParameters();
        p.Validate();
        var background = BackgroundEstimator.Estimate(image);
        var detected = SourceDetector.Detect(image, background, new DetectionParameters { Threshold = p.DetectionThreshold, MinArea = p.MinArea });
        return Solve(detected.Sources, image.Width, image.Height, approximate, catalog, p);
    }

    /// <summary>Solves the WCS of an image of <paramref name="width"/> × <paramref name="height"/> pixels from its detected sources.</summary>
    /// <param name="sources">Detected sources (windowed centroids, zero-based pixels).</param>
    /// <param name="width">Image width, pixels.</param>
    /// <param name="height">Image height, pixels.</param>
    /// <param name="approximate">The approximate WCS on the image's pixels.</param>
    /// <param name="catalog">The reference catalog.</param>
    /// <param name="parameters">Settings; defaults when null.</param>
    /// <returns>The solution, or a failed one whose message and numbers say why (too few stars or matches, a degenerate fit).</returns>
    public static AstrometricSolution Solve(IReadOnlyList<Source> sources, int width, int height, Wcs approximate, ReferenceCatalog catalog, AstrometryParameters? parameters = null)
    {
        ArgumentNullException.ThrowIfNull(sources);
        ArgumentNullException.ThrowIfNull(approximate);
        ArgumentNullException.ThrowIfNull(catalog);
        var p = parameters ?? new AstrometryParameters();
        p.Validate();
        var stars = UsableStars(sources);
        var detections = sources.Select(s => (s.X, s.Y)).ToArray();
        var fwhm = MedianFwhm(stars);
        var scaleArcsec = approximate.PixelScale * 3600;
        var margin = p.SearchRadiusArcsec / scaleArcsec;
        var reference = Project(catalog, approximate, width, height, margin, p);
        AstrometricSolution Fail(string why, int matches = 0) => new()
        {
            Succeeded = false, Message = why, Detected = stars.Count, CatalogStars = reference.Count, Fwhm = fwhm, Detections = detections,
            Matches = [], SipOrder = 0,
        };
        if (stars.Count < p.MinMatches || reference.Count < p.MinMatches)
            return Fail(Invariant($"too few stars: {stars.Count} detected and {reference.Count} catalog stars on the frame (at least {p.MinMatches} of each needed)"));

        var (offset, votes, chance) = VoteOffset(stars, reference, margin, p);
        // A peak chance coincidences could make is no offset: ask for 5σ above the mean count of a 2 × 2 block, plus a margin for the best of thousands of blocks.
        var needed = Math.Max(Math.Min(p.MinMatches, 3), chance + 5 * Math.Sqrt(chance) + 5);
        if (votes < needed)
            return Fail(Invariant($"no consistent offset between the {stars.Count} stars and the {reference.Count} catalog stars within {p.SearchRadiusArcsec:0.#} arcsec (best vote {votes}, {needed:0.#} needed; {chance:0.##} expected by chance)"));

        // Affine refinement on the projected positions: absorbs the header's rotation and scale error before the sky fit.
        var grid = new NeighbourGrid(stars, Math.Max(p.MatchRadius, 2 * VoteBin));
        var transform = new Affine(1, 0, offset.X, 0, 1, offset.Y);
        var radius = 2 * VoteBin + p.MatchRadius;
        List<(int Star, int Ref)> pairs = [];
        for (var round = 0; round < 3; round++)
        {
            pairs = MatchNearest(reference, grid, stars, transform, radius);
            if (pairs.Count < 3 || Affine.Fit(pairs, stars, reference) is not { } refined) break;
            transform = refined;
            radius = p.MatchRadius;
        }
        if (pairs.Count < p.MinMatches)
            return Fail(Invariant($"only {pairs.Count} stars matched the catalog within {p.MatchRadius:0.##} px (at least {p.MinMatches} needed)"), pairs.Count);

        var n = reference.Count;
        var ra = new double[n];
        var dec = new double[n];
        for (var i = 0; i < n; i++) (ra[i], dec[i]) = (reference[i].Ra, reference[i].Dec);
        var centre = transform.Inverse().Apply((width - 1) / 2.0, (height - 1) / 2.0);
        var start = approximate.PixelToWorld(centre.X, centre.Y);
        Wcs? wcs = null;
        var kept = new List<int>();
        var order = 0;
        var rejected = 0;
        for (var pass = 0; pass < 2; pass++)
        {
            var x = new double[pairs.Count];
            var y = new double[pairs.Count];
            var pr = new double[pairs.Count];
            var pd = new double[pairs.Count];
            for (var i = 0; i < pairs.Count; i++)
            {
                x[i] = stars[pairs[i].Star].XWin;
                y[i] = stars[pairs[i].Star].YWin;
                pr[i] = ra[pairs[i].Ref];
                pd[i] = dec[pairs[i].Ref];
            }
            order = UsableOrder(p.SipOrder, pairs.Count);
            var fit = ClippedFit(x, y, pr, pd, width, height, start, order, p);
            if (fit.Wcs is null)
                return Fail(Invariant($"the TAN{(order >= 2 ? $"+SIP{order}" : "")} fit of {pairs.Count} matched stars was degenerate or clipped below {p.MinMatches} stars"), pairs.Count);
            wcs = fit.Wcs;
            kept = fit.Kept;
            rejected = pairs.Count - kept.Count;
            start = wcs.ReferenceCoordinate;
            if (pass == 1) break;
            // Re-match every star with the solution: the affine guess missed the distorted corners.
            var sigma = Math.Max(fit.SigmaAxis, 0.05);
            pairs = MatchWithWcs(reference, ra, dec, grid, stars, wcs, Math.Min(p.MatchRadius, Math.Max(1.0, 5 * sigma)));
            if (pairs.Count < p.MinMatches)
                return Fail(Invariant($"only {pairs.Count} stars matched the first solution (at least {p.MinMatches} needed)"), pairs.Count);
        }

        var matches = new List<AstrometricMatch>(kept.Count);
        var sumSq = 0.0;
        foreach (var i in kept)
        {
            var (s, r) = pairs[i];
            var (px, py) = wcs!.WorldToPixel(ra[r], dec[r]);
            var dx = stars[s].XWin - px;
            var dy = stars[s].YWin - py;
            sumSq += dx * dx + dy * dy;
            matches.Add(new AstrometricMatch(stars[s].XWin, stars[s].YWin, ra[r], dec[r], dx, dy, reference[r].Index, stars[s].FluxIso));
        }
        var rms = Math.Sqrt(sumSq / Math.Max(1, kept.Count));
        var shift = Separation(approximate.PixelToWorld((width - 1) / 2.0, (height - 1) / 2.0), wcs!.PixelToWorld((width - 1) / 2.0, (height - 1) / 2.0)) * 3600;
        return new AstrometricSolution
        {
            Succeeded = true,
            Message = Invariant($"{matches.Count} stars matched ({rejected} rejected), TAN{(order >= 2 ? $"+SIP{order}" : "")}, rms {rms:0.###} px = {rms * wcs.PixelScale * 3600:0.###} arcsec, pointing corrected by {shift:0.##} arcsec"),
            Wcs = wcs,
            RmsPixels = rms,
            RmsArcsec = rms * wcs.PixelScale * 3600,
            Matches = matches,
            Detected = stars.Count,
            CatalogStars = reference.Count,
            Rejected = rejected,
            SipOrder = order >= 2 ? order : 0,
            PointingCorrectionArcsec = shift,
            Fwhm = fwhm,
            Detections = detections,
        };
    }

    private const double VoteBin = 2.0;

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private static List<Source> UsableStars(IReadOnlyList<Source> sources)
    {
        const SourceFlags Bad = SourceFlags.Saturated | SourceFlags.Blended | SourceFlags.WindowFailed | SourceFlags.Truncated;
        var list = new List<Source>(sources.Count);
        foreach (var s in sources)
        {
            if ((s.Flags & Bad) != 0 || !double.IsFinite(s.XWin) || !double.IsFinite(s.YWin) || !(s.FluxIso > 0)) continue;
            list.Add(s);
        }
        return list;
    }

    private static double MedianFwhm(List<Source> stars)
    {
        var values = stars.Select(s => s.Fwhm).Where(double.IsFinite).Order().ToArray();
        return values.Length == 0 ? double.NaN : values[values.Length / 2];
    }

    /// <summary>SIP order the number of stars supports: at least twice as many stars as coefficients per axis.</summary>
    private static int UsableOrder(int wanted, int stars)
    {
        for (var order = wanted; order >= 2; order--)
            if (stars >= 2 * (order + 1) * (order + 2) / 2) return order;
        return 0;
    }

    private readonly record struct ProjectedStar(double X, double Y, double Ra, double Dec, double Magnitude, int Index) : IProjectedPosition;

    private static List<ProjectedStar> Project(ReferenceCatalog catalog, Wcs wcs, int width, int height, double margin, AstrometryParameters p)
    {
        var band = p.Band is { } b && catalog.HasBand(b) ? catalog.Magnitudes(b) : catalog.Bands.Count > 0 ? catalog.Magnitudes(catalog.Bands.First()) : null;
        var (cra, cdec) = wcs.PixelToWorld((width - 1) / 2.0, (height - 1) / 2.0);
        var reach = (Math.Max(width, height) + 2 * margin) * wcs.PixelScale;
        var list = new List<ProjectedStar>();
        for (var i = 0; i < catalog.Count; i++)
        {
            var (ra, dec) = catalog.PositionAt(i, p.Epoch);
            // A cheap cut first: TAN's far side and distant stars would only cost Newton iterations.
            if (Separation((cra, cdec), (ra, dec)) > reach) continue;
            var (x, y) = wcs.WorldToPixel(ra, dec);
            if (!(x >= -margin && x <= width - 1 + margin && y >= -margin && y <= height - 1 + margin)) continue;
            list.Add(new ProjectedStar(x, y, ra, dec, band is null ? double.NaN : band[i], i));
        }
        return list;
    }

    private static double Separation((double Ra, double Dec) a, (double Ra, double Dec) b)
    {
        const double D = Math.PI / 180;
        var s = Math.Sin((b.Dec - a.Dec) * D / 2);
        var t = Math.Sin((b.Ra - a.Ra) * D / 2);
        var h = s * s + Math.Cos(a.Dec * D) * Math.Cos(b.Dec * D) * t * t;
        return 2 * Math.Asin(Math.Min(1, Math.Sqrt(h))) / D;
    }

    /// <summary>The (detected − projected) offset most pairs of bright stars agree on, by a 2-D histogram of 2-px bins summed over 2 × 2 neighbourhoods.</summary>
    private static ((double X, double Y) Offset, int Votes, double Chance) VoteOffset(List<Source> stars, List<ProjectedStar> reference, double radius, AstrometryParameters p)
    {
        var bright = stars.OrderByDescending(s => s.FluxIso).Take(p.VoteStars).ToArray();
        var refs = reference.OrderBy(r => double.IsNaN(r.Magnitude) ? double.PositiveInfinity : r.Magnitude).Take(2 * p.VoteStars).ToArray();
        var bins = (int)Math.Ceiling(2 * radius / VoteBin) + 2;
        var histogram = new int[bins * bins];
        var counted = 0;
        foreach (var s in bright)
        {
            foreach (var r in refs)
            {
                var dx = s.XWin - r.X;
                var dy = s.YWin - r.Y;
                if (Math.Abs(dx) > radius || Math.Abs(dy) > radius) continue;
                var i = (int)((dx + radius) / VoteBin);
                var j = (int)((dy + radius) / VoteBin);
                histogram[j * bins + i]++;
                counted++;
            }
        }
        var best = 0;
        var (bi, bj) = (0, 0);
        for (var j = 0; j < bins - 1; j++)
        {
            for (var i = 0; i < bins - 1; i++)
            {
                var v = histogram[j * bins + i] + histogram[j * bins + i + 1] + histogram[(j + 1) * bins + i] + histogram[(j + 1) * bins + i + 1];
                if (v > best) (best, bi, bj) = (v, i, j);
            }
        }
        // The 2 × 2 block's centre is the corner shared by its four bins.
        return (((bi + 1) * VoteBin - radius, (bj + 1) * VoteBin - radius), best, counted * 4.0 / ((bins - 2.0) * (bins - 2.0)));
    }

    private static List<(int Star, int Ref)> MatchNearest(List<ProjectedStar> reference, NeighbourGrid grid, List<Source> stars, Affine transform, double radius)
    {
        var claimed = new Dictionary<int, (int Ref, double D2)>();
        for (var r = 0; r < reference.Count; r++)
        {
            var (x, y) = transform.Apply(reference[r].X, reference[r].Y);
            Claim(claimed, grid.Nearest(stars, x, y, radius), r);
        }
        return [.. claimed.Select(c => (c.Key, c.Value.Ref)).OrderBy(c => c.Key)];
    }

    private static List<(int Star, int Ref)> MatchWithWcs(List<ProjectedStar> reference, double[] ra, double[] dec, NeighbourGrid grid, List<Source> stars, Wcs wcs, double radius)
    {
        var claimed = new Dictionary<int, (int Ref, double D2)>();
        for (var r = 0; r < reference.Count; r++)
        {
            var (x, y) = wcs.WorldToPixel(ra[r], dec[r]);
            if (!double.IsFinite(x)) continue;
            Claim(claimed, grid.Nearest(stars, x, y, radius), r);
        }
        return [.. claimed.Select(c => (c.Key, c.Value.Ref)).OrderBy(c => c.Key)];
    }

    private static void Claim(Dictionary<int, (int Ref, double D2)> claimed, (int Index, double D2) nearest, int r)
    {
        if (nearest.Index < 0) return;
        // One-to-one: a star wanted by two catalog entries goes to the closer one.
        if (claimed.TryGetValue(nearest.Index, out var other) && other.D2 <= nearest.D2) return;
        claimed[nearest.Index] = (r, nearest.D2);
    }

    private readonly record struct ClippedResult(Wcs? Wcs, List<int> Kept, double SigmaAxis);

    private static ClippedResult ClippedFit(double[] x, double[] y, double[] ra, double[] dec, int width, int height, (double Ra, double Dec) start, int order, AstrometryParameters p)
    {
        var use = Enumerable.Range(0, x.Length).ToList();
        Wcs? wcs = null;
        var sigma = double.NaN;
        for (var iteration = 0; iteration < p.MaxIterations; iteration++)
        {
            if (use.Count < p.MinMatches) return new ClippedResult(null, use, sigma);
            var fitOrder = Math.Min(order, UsableOrder(order, use.Count));
            wcs = TanSipFitter.Fit(use, x, y, ra, dec, width, height, start, fitOrder);
            if (wcs is null) return new ClippedResult(null, use, sigma);
            start = wcs.ReferenceCoordinate;
            var r2 = new double[x.Length];
            var sum = 0.0;
            for (var i = 0; i < x.Length; i++)
            {
                var (px, py) = wcs.WorldToPixel(ra[i], dec[i]);
                r2[i] = double.IsFinite(px) ? (x[i] - px) * (x[i] - px) + (y[i] - py) * (y[i] - py) : double.PositiveInfinity;
            }
            foreach (var i in use) sum += r2[i];
            sigma = Math.Sqrt(sum / (2 * use.Count));
            var limit = p.ClipSigma * p.ClipSigma * sigma * sigma;
            // Rejected pairs may come back when the fit moves: each pass judges every pair against the current fit.
            var next = Enumerable.Range(0, x.Length).Where(i => r2[i] <= limit).ToList();
            if (next.SequenceEqual(use)) break;
            use = next;
        }
        return new ClippedResult(wcs, use, sigma);
    }
}

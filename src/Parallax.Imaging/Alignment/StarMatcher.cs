using System.Globalization;

namespace Parallax.Imaging.Alignment;

/// <summary>
/// Finds the transform between two star lists without a first guess, by asterism matching (Groth 1986; Valdes et
/// al. 1995; as astroalign does): triangles of each bright star with its nearest neighbours are compared through
/// their similarity invariants; every similar pair of triangles proposes a transform, which is scored by how many
/// bright stars it brings onto a star of the other list (a vote, as RANSAC scores its hypotheses). The winner is then
/// refined on all stars: nearest one-to-one matches within a radius, a least-squares fit of the chosen model, and
/// iterative rejection of pairs beyond <see cref="StarMatchParameters.ClipSigma"/> × rms.
/// </summary>
/// <remarks>
/// Works with shifts of any size, any rotation, mirrors (when allowed), scale changes, missing and extra stars, as long
/// as a handful of the brightest stars of each list are common to both. Input positions are zero-based pixels; NaN
/// positions are ignored. Inputs are lists, not images: any detector or catalog can supply them.
/// </remarks>
public static class StarMatcher
{
    /// <summary>Matches <paramref name="source"/> to <paramref name="target"/> and fits the source→target transform.</summary>
    /// <param name="source">Stars of the frame to be transformed.</param>
    /// <param name="target">Stars of the reference frame.</param>
    /// <param name="parameters">Settings; defaults when null.</param>
    /// <returns>The transform, rms, and matched pairs; <see cref="StarMatchResult.Succeeded"/> false (with the reason) when no consistent match was found.</returns>
    /// <exception cref="ArgumentException">Invalid parameters.</exception>
    public static StarMatchResult Match(IReadOnlyList<StarPoint> source, IReadOnlyList<StarPoint> target, StarMatchParameters? parameters = null)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(target);
        var p = parameters ?? new StarMatchParameters();
        p.Validate();
        var (srcStars, srcIndex) = Finite(source);
        var (tgtStars, tgtIndex) = Finite(target);
        var srcBright = Brightest(srcStars, p.MaxStars);
        var tgtBright = Brightest(tgtStars, p.MaxStars);
        if (srcBright.Length < 3 || tgtBright.Length < 3)
            return Failed($"too few stars to build a triangle: {srcBright.Length} in the source list, {tgtBright.Length} in the target list");

        var (best, votes) = BestHypothesis(srcStars, srcBright, tgtStars, tgtBright, p);
        if (best is not { } transform || votes < Math.Min(p.MinMatches, 3))
            return Failed($"no triangle match brought at least {Math.Min(p.MinMatches, 3)} bright stars together (best: {votes} of {srcBright.Length})");

        var byX = SortedByX(tgtStars);
        List<(int S, int T)> kept = [];
        var rejected = 0;
        // Two rounds: the triangle's transform is only as good as three stars; the second match uses the refined fit.
        for (var round = 0; round < 2; round++)
        {
            var pairs = MatchNearest(srcStars, tgtStars, byX, transform, p.MatchRadius);
            if (pairs.Count < p.MinMatches)
                return Failed(string.Create(CultureInfo.InvariantCulture, $"only {pairs.Count} stars matched within {p.MatchRadius} px (at least {p.MinMatches} needed)"));
            var fit = FitClipped(srcStars, tgtStars, pairs, p);
            if (fit is null)
                return Failed($"the fit of {pairs.Count} matched pairs was degenerate or clipped below {p.MinMatches} pairs");
            (transform, kept) = fit.Value;
            rejected = pairs.Count - kept.Count;
        }

        var result = new MatchedPair[kept.Count];
        var sumSq = 0.0;
        for (var i = 0; i < kept.Count; i++)
        {
            var r = Residual(transform, srcStars[kept[i].S], tgtStars[kept[i].T]);
            sumSq += r * r;
            result[i] = new MatchedPair(srcIndex[kept[i].S], tgtIndex[kept[i].T], r);
        }
        var rms = Math.Sqrt(sumSq / kept.Count);
        var message = string.Create(CultureInfo.InvariantCulture, $"{kept.Count} pairs, rms {rms:0.####} px, {rejected} rejected, {votes} of {srcBright.Length} bright stars agreed: {transform}");
        return new StarMatchResult(true, message, transform, rms, result, rejected, votes);
    }

    private static StarMatchResult Failed(string why) => new(false, why, AffineTransform2D.Identity, double.NaN, [], 0, 0);

    private static (StarPoint[] Stars, int[] Index) Finite(IReadOnlyList<StarPoint> list)
    {
        var stars = new List<StarPoint>(list.Count);
        var index = new List<int>(list.Count);
        for (var i = 0; i < list.Count; i++)
        {
            var s = list[i];
            if (!double.IsFinite(s.X) || !double.IsFinite(s.Y)) continue;
            stars.Add(s);
            index.Add(i);
        }
        return ([.. stars], [.. index]);
    }

    /// <summary>Indices (into <paramref name="stars"/>) of the brightest stars; NaN fluxes count as faintest.</summary>
    private static int[] Brightest(StarPoint[] stars, int count)
    {
        var order = Enumerable.Range(0, stars.Length).ToArray();
        var keys = stars.Select(s => double.IsNaN(s.Flux) ? double.PositiveInfinity : -s.Flux).ToArray();
        Array.Sort(keys, order);
        return order.Length <= count ? order : order[..count];
    }

    /// <summary>Scores the transform of every pair of similar triangles by the bright stars it matches; returns the best.</summary>
    private static (AffineTransform2D? Transform, int Votes) BestHypothesis(StarPoint[] src, int[] srcBright, StarPoint[] tgt, int[] tgtBright, StarMatchParameters p)
    {
        var s = srcBright.Select(i => src[i]).ToArray();
        var t = tgtBright.Select(i => tgt[i]).ToArray();
        var st = Triangles(s, p.Neighbours);
        var tt = Triangles(t, p.Neighbours);
        tt.Sort((a, b) => a.R1.CompareTo(b.R1));
        var keys = tt.Select(x => x.R1).ToArray();
        var tol = p.InvariantTolerance;
        var candidates = new List<(double Distance, Triangle S, Triangle T)>();
        foreach (var a in st)
        {
            var k = SortedSearch.LowerBound(keys, a.R1 - tol);
            for (; k < keys.Length && keys[k] <= a.R1 + tol; k++)
            {
                var d = Math.Max(Math.Abs(a.R0 - tt[k].R0), Math.Abs(a.R1 - tt[k].R1));
                if (d <= tol) candidates.Add((d, a, tt[k]));
            }
        }
        candidates.Sort((a, b) => a.Distance.CompareTo(b.Distance));
        AffineTransform2D? best = null;
        var bestVotes = 0;
        Span<(double X, double Y)> from = stackalloc (double, double)[3];
        Span<(double X, double Y)> to = stackalloc (double, double)[3];
        var radius2 = p.MatchRadius * p.MatchRadius;
        foreach (var (_, a, b) in candidates)
        {
            from[0] = (s[a.P0].X, s[a.P0].Y); from[1] = (s[a.P1].X, s[a.P1].Y); from[2] = (s[a.P2].X, s[a.P2].Y);
            to[0] = (t[b.P0].X, t[b.P0].Y); to[1] = (t[b.P1].X, t[b.P1].Y); to[2] = (t[b.P2].X, t[b.P2].Y);
            if (TransformFitter.Fit(from, to, TransformModel.Similarity, p.AllowFlip) is not { } h) continue;
            var votes = 0;
            foreach (var star in s)
            {
                var (x, y) = h.Apply(star.X, star.Y);
                foreach (var q in t)
                {
                    if ((q.X - x) * (q.X - x) + (q.Y - y) * (q.Y - y) <= radius2) { votes++; break; }
                }
            }
            if (votes <= bestVotes) continue;
            bestVotes = votes;
            best = h;
            // Nearly every bright star agrees: no other hypothesis can do meaningfully better.
            if (votes >= 0.8 * Math.Min(s.Length, t.Length)) break;
        }
        return (best, bestVotes);
    }

    /// <summary>The triangles each star forms with its nearest neighbours, without duplicates.</summary>
    private static List<Triangle> Triangles(StarPoint[] stars, int neighbours)
    {
        var seen = new HashSet<(int, int, int)>();
        var result = new List<Triangle>();
        var k = Math.Min(neighbours, stars.Length - 1);
        var distances = new double[stars.Length];
        var order = new int[stars.Length];
        var group = new int[k + 1];
        for (var i = 0; i < stars.Length; i++)
        {
            for (var j = 0; j < stars.Length; j++)
            {
                distances[j] = (stars[j].X - stars[i].X) * (stars[j].X - stars[i].X) + (stars[j].Y - stars[i].Y) * (stars[j].Y - stars[i].Y);
                order[j] = j;
            }
            Array.Sort((double[])distances.Clone(), order);
            // order[0] is the star itself (distance 0) unless another coincides with it; either way k + 1 distinct indices.
            for (var g = 0; g <= k; g++) group[g] = order[g];
            for (var a = 0; a <= k; a++)
                for (var b = a + 1; b <= k; b++)
                    for (var c = b + 1; c <= k; c++)
                    {
                        Span<int> key = [group[a], group[b], group[c]];
                        key.Sort();
                        if (!seen.Add((key[0], key[1], key[2]))) continue;
                        if (Triangle.Create(stars, key[0], key[1], key[2]) is { } tri) result.Add(tri);
                    }
        }
        return result;
    }


    private static int[] SortedByX(StarPoint[] stars)
    {
        var order = Enumerable.Range(0, stars.Length).ToArray();
        Array.Sort(stars.Select(s => s.X).ToArray(), order);
        return order;
    }

    private static double Residual(AffineTransform2D t, StarPoint s, StarPoint q)
    {
        var (x, y) = t.Apply(s.X, s.Y);
        return Math.Sqrt((x - q.X) * (x - q.X) + (y - q.Y) * (y - q.Y));
    }

    /// <summary>One-to-one matches: each source star's nearest target within the radius; a target claimed twice goes to the closer source.</summary>
    private static List<(int S, int T)> MatchNearest(StarPoint[] src, StarPoint[] tgt, int[] byX, AffineTransform2D t, double radius)
    {
        var xs = byX.Select(i => tgt[i].X).ToArray();
        var claimedBy = new int[tgt.Length];
        var claimDistance = new double[tgt.Length];
        Array.Fill(claimedBy, -1);
        var radius2 = radius * radius;
        for (var i = 0; i < src.Length; i++)
        {
            var (x, y) = t.Apply(src[i].X, src[i].Y);
            var bestJ = -1;
            var bestD = radius2;
            for (var k = SortedSearch.LowerBound(xs, x - radius); k < xs.Length && xs[k] <= x + radius; k++)
            {
                var q = tgt[byX[k]];
                var d = (q.X - x) * (q.X - x) + (q.Y - y) * (q.Y - y);
                if (d <= bestD) { bestD = d; bestJ = byX[k]; }
            }
            if (bestJ < 0) continue;
            if (claimedBy[bestJ] >= 0 && claimDistance[bestJ] <= bestD) continue;
            claimedBy[bestJ] = i;
            claimDistance[bestJ] = bestD;
        }
        var pairs = new List<(int S, int T)>();
        for (var j = 0; j < tgt.Length; j++)
            if (claimedBy[j] >= 0) pairs.Add((claimedBy[j], j));
        return pairs;
    }

    /// <summary>Least-squares fit with iterative rejection of pairs beyond ClipSigma × rms; null when degenerate or too few remain.</summary>
    private static (AffineTransform2D Transform, List<(int S, int T)> Kept)? FitClipped(StarPoint[] src, StarPoint[] tgt, List<(int S, int T)> pairs, StarMatchParameters p)
    {
        var keep = pairs;
        var from = new (double X, double Y)[pairs.Count];
        var to = new (double X, double Y)[pairs.Count];
        AffineTransform2D transform = default;
        for (var iteration = 0; iteration < p.MaxIterations; iteration++)
        {
            if (keep.Count < p.MinMatches) return null;
            for (var i = 0; i < keep.Count; i++)
            {
                from[i] = (src[keep[i].S].X, src[keep[i].S].Y);
                to[i] = (tgt[keep[i].T].X, tgt[keep[i].T].Y);
            }
            if (TransformFitter.Fit(from.AsSpan(0, keep.Count), to.AsSpan(0, keep.Count), p.Model, p.AllowFlip) is not { } fit) return null;
            transform = fit;
            var sumSq = 0.0;
            foreach (var (s, t) in keep)
            {
                var r = Residual(transform, src[s], tgt[t]);
                sumSq += r * r;
            }
            var limit = p.ClipSigma * Math.Sqrt(sumSq / keep.Count);
            var next = keep.Where(k => Residual(transform, src[k.S], tgt[k.T]) <= limit).ToList();
            if (next.Count == keep.Count || limit == 0) break;
            keep = next;
        }
        return keep.Count < p.MinMatches ? null : (transform, keep);
    }
}

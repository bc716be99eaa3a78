using Parallax.Imaging;
using Parallax.Spectroscopy.Fitting;

namespace Parallax.Spectroscopy.Arcs;

/// <summary>
/// Identifies arc lines against a laboratory line list without a template spectrum, and fits the wavelength solution.
/// <para>
/// Pattern matching: every triangle of nearby measured lines (i &lt; j &lt; k within a few neighbours) has a spacing
/// ratio (x_j − x_i)/(x_k − x_i) that a linear dispersion preserves, and so has every triangle of nearby list lines. Each
/// pair of triangles whose ratios agree and whose implied dispersion and central wavelength fall inside the prior's
/// bounds casts a vote in a histogram of (wavelength at the region's centre, dispersion); in each quarter of the detector
/// the densest cell (with its neighbours) holds the true matches — a curved dispersion gives each region's triangles their own local slope —
/// and the line-to-list pairs of those triangles, by majority, are the first identifications.
/// </para>
/// <para>
/// Refinement: a Legendre polynomial is fitted to the identifications with iterative rejection, every unblended line is
/// re-matched to its nearest list line within a shrinking radius (each list line taken by its closest line only), and the
/// order is raised step by step to <see cref="ArcIdentifierOptions.Order"/>.
/// </para>
/// </summary>
public static class ArcIdentifier
{
    private const int Regions = 4;

    /// <summary>Identifies <paramref name="lines"/> in <paramref name="list"/> and fits the wavelength solution.</summary>
    /// <param name="lines">Lines found in the arc (<see cref="ArcLineFinder"/>); blends are ignored.</param>
    /// <param name="list">The lamp's laboratory lines (Angstrom; the solution is in the same medium, air or vacuum).</param>
    /// <param name="prior">Approximate central wavelength and dispersion with their tolerances.</param>
    /// <param name="columns">Columns of the spectrum (the solution's domain is 0..columns − 1).</param>
    /// <param name="options"><see cref="ArcIdentifierOptions.Default"/> when null.</param>
    /// <exception cref="InvalidOperationException">Too few lines matched: the message gives the counts.</exception>
    public static WavelengthSolution Solve(IReadOnlyList<ArcLine> lines, LineList list, WavelengthPrior prior, int columns, ArcIdentifierOptions? options = null)
    {
        options ??= ArcIdentifierOptions.Default;
        options.Validate();
        prior.Validate();
        var clean = lines.Where(l => !l.IsBlend).OrderBy(l => l.Centre).ToArray();
        var halfRange = Math.Abs(prior.Dispersion) * (1 + prior.DispersionTolerance) * (columns - 1) / 2 + prior.WavelengthTolerance;
        var entries = list.Between(prior.CentralWavelength - halfRange, prior.CentralWavelength + halfRange).Entries.ToArray();
        var seed = MatchPatterns(clean, entries, prior, columns, options);
        if (seed.Count < 4)
            throw new InvalidOperationException($"arc line identification failed: {seed.Count} lines matched by pattern ({clean.Length} unblended lines measured, {entries.Length} list lines in {prior.CentralWavelength - halfRange:F0}..{prior.CentralWavelength + halfRange:F0} Å)");
        return Refine(clean, entries, seed, columns, options);
    }

    /// <summary>The first identifications, as (index in <paramref name="lines"/>, index in <paramref name="entries"/>).</summary>
    internal static List<(int Line, int Entry)> MatchPatterns(ArcLine[] lines, LineListEntry[] entries, WavelengthPrior prior, int columns, ArcIdentifierOptions options)
    {
        var sign = Math.Sign(prior.Dispersion);
        // The brightest lines, ordered along increasing wavelength (x' = sign·x).
        var chosen = Enumerable.Range(0, lines.Length).OrderByDescending(i => lines[i].Amplitude).Take(options.PatternLines)
            .OrderBy(i => sign * lines[i].Centre).ToArray();
        var x = chosen.Select(i => sign * lines[i].Centre).ToArray();
        // List lines closer than the blend radius make one line on the detector: for the patterns they are one line at their
        // mean wavelength, which identifies nothing itself (its index is negative) but keeps its neighbours' triangles right
        // and claims the blended line on the detector.
        var d0 = Math.Abs(prior.Dispersion);
        var (lambda, source) = MergeClosePairs(entries, 0.5 * options.ListBlendRadius * d0);
        var listTriangles = Triangles(lambda, options.ListNeighbours);
        listTriangles.Sort((p, q) => p.Ratio.CompareTo(q.Ratio));
        var ratios = listTriangles.Select(t => t.Ratio).ToArray();
        var (dMin, dMax) = (d0 * (1 - prior.DispersionTolerance), d0 * (1 + prior.DispersionTolerance));
        var xc = sign * (columns - 1) / 2.0;
        var votes = new List<(double Centre, double Dispersion, Triangle Lines, Triangle List)>();
        foreach (var t in Triangles(x, options.LineNeighbours))
        {
            var from = SortedSearch.LowerBound(ratios, t.Ratio - options.RatioTolerance);
            for (var m = from; m < ratios.Length && ratios[m] <= t.Ratio + options.RatioTolerance; m++)
            {
                var l = listTriangles[m];
                var d = (lambda[l.C] - lambda[l.A]) / (x[t.C] - x[t.A]);
                if (d < dMin || d > dMax) continue;
                var centre = lambda[l.A] + d * (xc - x[t.A]);
                if (Math.Abs(centre - prior.CentralWavelength) > prior.WavelengthTolerance) continue;
                votes.Add((centre, d, t, l));
            }
        }
        if (votes.Count == 0) return [];
        // The densest cell of the (central wavelength, dispersion) histogram, summed with its eight neighbours, is found in
        // each third of the detector separately: a curved dispersion gives the triangles of each region their own local
        // slope, which one global cell would not hold.
        var cellW = 4 * d0;
        var cellD = 0.01 * d0;
        var tally = new Dictionary<(int Line, int Entry), int>();
        for (var region = 0; region < Regions; region++)
        {
            var (lo, hi) = (region * (columns - 1.0) / Regions, (region + 1) * (columns - 1.0) / Regions);
            var inside = votes.Where(v => Math.Abs(x[v.Lines.B]) >= lo && Math.Abs(x[v.Lines.B]) < hi).ToList();
            if (inside.Count == 0) continue;
            // Each vote's wavelength at the region's centre column: a short lever arm keeps a curved dispersion from
            // spreading the true votes over many cells.
            var reference = sign * (lo + hi) / 2;
            double Local((double Centre, double Dispersion, Triangle Lines, Triangle List) v) => lambda[v.List.A] + v.Dispersion * (reference - x[v.Lines.A]);
            var cells = new Dictionary<(int, int), int>();
            foreach (var v in inside)
            {
                var key = ((int)Math.Floor(Local(v) / cellW), (int)Math.Floor(v.Dispersion / cellD));
                cells[key] = cells.GetValueOrDefault(key) + 1;
            }
            var best = cells.Keys.MaxBy(k =>
            {
                var s = 0;
                for (var a = -1; a <= 1; a++) for (var b = -1; b <= 1; b++) s += cells.GetValueOrDefault((k.Item1 + a, k.Item2 + b));
                return s;
            });
            foreach (var v in inside)
            {
                var (ci, di) = ((int)Math.Floor(Local(v) / cellW), (int)Math.Floor(v.Dispersion / cellD));
                if (Math.Abs(ci - best.Item1) > 1 || Math.Abs(di - best.Item2) > 1) continue;
                foreach (var (p, q) in new[] { (v.Lines.A, source[v.List.A]), (v.Lines.B, source[v.List.B]), (v.Lines.C, source[v.List.C]) })
                    tally[(chosen[p], q)] = tally.GetValueOrDefault((chosen[p], q)) + 1;
            }
        }
        // Each line takes its most-voted list line; each list line keeps its most-voted claimant.
        // A line whose winner is a merged group of list lines is a blend on the detector: it identifies nothing.
        var byLine = tally.GroupBy(kv => kv.Key.Line).Select(g => g.MaxBy(kv => kv.Value)).Where(kv => kv.Value >= 2 && kv.Key.Entry >= 0);
        return byLine.GroupBy(kv => kv.Key.Entry).Select(g => g.MaxBy(kv => kv.Value).Key).OrderBy(p => p.Line).ToList();
    }

    // Groups of list lines closer than `separation` (Angstrom) become one entry at their mean; source gives the entry's index in
    // the list, or a negative number (−2 − first index) for a merged group.
    private static (double[] Lambda, int[] Source) MergeClosePairs(LineListEntry[] entries, double separation)
    {
        var lambda = new List<double>();
        var source = new List<int>();
        for (var i = 0; i < entries.Length;)
        {
            var j = i;
            while (j + 1 < entries.Length && entries[j + 1].Wavelength - entries[j].Wavelength < separation) j++;
            if (j == i) { lambda.Add(entries[i].Wavelength); source.Add(i); }
            else
            {
                double sum = 0;
                for (var k = i; k <= j; k++) sum += entries[k].Wavelength;
                lambda.Add(sum / (j - i + 1));
                source.Add(-2 - i);
            }
            i = j + 1;
        }
        return (lambda.ToArray(), source.ToArray());
    }

    internal readonly record struct Triangle(int A, int B, int C, double Ratio);

    private static List<Triangle> Triangles(double[] positions, int neighbours)
    {
        var list = new List<Triangle>();
        for (var a = 0; a < positions.Length; a++)
            for (var b = a + 1; b < Math.Min(positions.Length, a + neighbours + 1); b++)
                for (var c = b + 1; c < Math.Min(positions.Length, a + neighbours + 1); c++)
                {
                    var span = positions[c] - positions[a];
                    if (span > 0) list.Add(new Triangle(a, b, c, (positions[b] - positions[a]) / span));
                }
        return list;
    }


    private static WavelengthSolution Refine(ArcLine[] lines, LineListEntry[] entries, List<(int Line, int Entry)> seed, int columns, ArcIdentifierOptions options)
    {
        var max = Math.Max(1, columns - 1);
        var pairs = seed;
        LeastSquares.SeriesFit? fit = null;
        var startOrder = Math.Min(2, options.Order);
        for (var order = startOrder; order <= options.Order; order++)
        {
            for (var pass = 0; pass < 3; pass++)
            {
                var o = Math.Min(order, pairs.Count - 2);
                if (o < 1) break;
                fit = FitPairs(lines, entries, pairs, o, max, options) ?? fit;
                if (fit is null) break;
                var radius = order < options.Order ? Math.Max(options.MatchRadius, 2.0) : options.MatchRadius;
                pairs = Match(lines, entries, fit, radius, options.ListBlendRadius);
            }
        }
        if (fit is null || pairs.Count < options.Order + 2)
            throw new InvalidOperationException($"wavelength solution failed: {pairs.Count} lines identified for a polynomial of order {options.Order}");
        fit = FitPairs(lines, entries, pairs, options.Order, max, options)
            ?? throw new InvalidOperationException($"wavelength solution failed: the order {options.Order} fit to {pairs.Count} lines is singular");
        var identified = new List<IdentifiedLine>(pairs.Count);
        for (var i = 0; i < pairs.Count; i++)
        {
            var (li, ei) = pairs[i];
            var x = lines[li].Centre;
            var residual = entries[ei].Wavelength - fit.Evaluate(x);
            identified.Add(new IdentifiedLine(lines[li], entries[ei].Wavelength, entries[ei].Label, residual, residual / Math.Abs(fit.Derivative(x)), fit.Used[i]));
        }
        return new WavelengthSolution(fit.Polynomial, identified);
    }

    private static LeastSquares.SeriesFit? FitPairs(ArcLine[] lines, LineListEntry[] entries, List<(int Line, int Entry)> pairs, int order, double max, ArcIdentifierOptions options)
    {
        var x = pairs.Select(p => lines[p.Line].Centre).ToArray();
        var y = pairs.Select(p => entries[p.Entry].Wavelength).ToArray();
        // Weights from the centroid errors with a floor of 0.05 px (line profiles differ from line to line, and the list's own
        // precision), in px⁻²: without the floor a few bright lines would hold the whole fit.
        var w = pairs.Select(p => 1 / (Sq(lines[p.Line].CentreError) + Sq(0.05))).ToArray();
        return LeastSquares.FitSeries(x, y, w, order, 0, max, options.RejectSigma, options.MaxIterations);
    }

    private static List<(int Line, int Entry)> Match(ArcLine[] lines, LineListEntry[] entries, LeastSquares.SeriesFit fit, double radius, double blendRadius)
    {
        var best = new Dictionary<int, (int Line, double Distance)>();
        for (var i = 0; i < lines.Length; i++)
        {
            var x = lines[i].Centre;
            var predicted = fit.Evaluate(x);
            var dispersion = Math.Abs(fit.Derivative(x));
            var nearest = Nearest(entries, predicted);
            if (nearest < 0) continue;
            var distance = Math.Abs(entries[nearest].Wavelength - predicted) / dispersion;
            if (!(distance <= radius)) continue;
            var separation = Math.Min(nearest > 0 ? entries[nearest].Wavelength - entries[nearest - 1].Wavelength : double.PositiveInfinity,
                nearest < entries.Length - 1 ? entries[nearest + 1].Wavelength - entries[nearest].Wavelength : double.PositiveInfinity);
            if (separation / dispersion < blendRadius) continue;
            if (!best.TryGetValue(nearest, out var current) || distance < current.Distance) best[nearest] = (i, distance);
        }
        return best.Select(kv => (kv.Value.Line, kv.Key)).OrderBy(p => p.Line).ToList();
    }

    private static int Nearest(LineListEntry[] entries, double wavelength)
    {
        int lo = 0, hi = entries.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (entries[mid].Wavelength < wavelength) lo = mid + 1; else hi = mid;
        }
        if (entries.Length == 0) return -1;
        if (lo == entries.Length) return lo - 1;
        if (lo > 0 && wavelength - entries[lo - 1].Wavelength < entries[lo].Wavelength - wavelength) return lo - 1;
        return lo;
    }

    private static double Sq(double v) => v * v;
}

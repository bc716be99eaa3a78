namespace Parallax.Imaging.Sources;

/// <summary>
/// SExtractor's multi-threshold deblending: the filtered profile of a component is cut at levels
/// spaced exponentially between the detection threshold and its peak; where a level splits it into
/// two or more branches that each hold more than DEBLEND_MINCONT of the total flux (and at least
/// MinArea pixels), each branch becomes a source and is examined further up. Pixels below the
/// splitting levels go to the branch whose Gaussian model (from the branch's moments and peak) is
/// highest there — SExtractor draws them at random with those odds; the choice here is repeatable.
/// </summary>
internal sealed class Deblender
{
    private readonly Blob _blob;
    private readonly int[] _grid;     // local grid: pixel index + 1, or 0 outside the blob
    private readonly int[] _inSet;    // stamp: pixel belongs to the set being split
    private readonly int[] _seen;     // stamp: pixel already reached by the flood fill
    private readonly int[] _queue;
    private readonly float _threshold;
    private readonly double _peak;
    private readonly double _minFlux;
    private readonly int _levels;
    private readonly int _minArea;
    private readonly List<int> _maxima = [];
    private readonly int[] _member;   // stamp: pixel belongs to the set whose maxima are being ranked
    private int _stamp;

    private Deblender(Blob blob, float threshold, int levels, double minContrast, int minArea)
    {
        _blob = blob;
        _grid = new int[blob.GridWidth * blob.GridHeight];
        for (var i = 0; i < blob.Count; i++) _grid[(blob.Y[i] - blob.YMin) * blob.GridWidth + blob.X[i] - blob.XMin] = i + 1;
        _inSet = new int[blob.Count];
        _seen = new int[blob.Count];
        _queue = new int[blob.Count];
        _member = new int[blob.Count];
        _threshold = threshold;
        double total = 0, peak = double.MinValue;
        foreach (var c in blob.C)
        {
            total += c;
            peak = Math.Max(peak, c);
        }
        _peak = peak;
        _minFlux = minContrast * total;
        _levels = levels;
        _minArea = minArea;
    }

    /// <summary>The blob's sources as pixel-index sets; one set (all pixels) when it does not split.</summary>
    public static List<int[]> Split(Blob blob, float threshold, int levels, double minContrast, int minArea)
    {
        if (levels <= 1 || blob.Count < 2 * minArea) return [blob.All()];
        var d = new Deblender(blob, threshold, levels, minContrast, minArea);
        if (!(d._peak > threshold)) return [blob.All()];
        // Every branch at a level holds a local maximum above that level, so a blob with at most one
        // local maximum above the first deblending level cannot split: most isolated stars end here.
        var first = threshold * Math.Pow(d._peak / threshold, 1.0 / levels);
        if (d.LocalMaxima(first) <= 1) return [blob.All()];
        var cores = d.Branches(blob.All(), 1);
        return cores.Count <= 1 ? [blob.All()] : d.Share(cores);
    }

    /// <summary>Collects the pixels above <paramref name="level"/> that no 8-neighbour in the blob exceeds; returns how many.</summary>
    private int LocalMaxima(double level)
    {
        var count = 0;
        var gw = _blob.GridWidth;
        var gh = _blob.GridHeight;
        for (var p = 0; p < _blob.Count; p++)
        {
            var c = _blob.C[p];
            if (!(c > level)) continue;
            var gx = _blob.X[p] - _blob.XMin;
            var gy = _blob.Y[p] - _blob.YMin;
            var isMax = true;
            for (var dy = -1; dy <= 1 && isMax; dy++)
            {
                var ny = gy + dy;
                if ((uint)ny >= (uint)gh) continue;
                for (var dx = -1; dx <= 1; dx++)
                {
                    var nx = gx + dx;
                    if ((uint)nx >= (uint)gw || (dx == 0 && dy == 0)) continue;
                    var q = _grid[ny * gw + nx] - 1;
                    if (q >= 0 && _blob.C[q] > c)
                    {
                        isMax = false;
                        break;
                    }
                }
            }
            if (!isMax) continue;
            _maxima.Add(p);
            count++;
        }
        return count;
    }

    private List<int[]> Branches(int[] set, int firstLevel)
    {
        var current = set;
        // The highest component of a level above the set's second-highest local maximum holds at most
        // one maximum, so no level from there up can split the set: stop there.
        var ceiling = SecondMaximum(set);
        for (var i = firstLevel; i < _levels; i++)
        {
            var level = _threshold * Math.Pow(_peak / _threshold, (double)i / _levels);
            if (level >= ceiling) break;
            var parts = Components(current, level);
            var strong = parts.Where(p => Flux(p) > _minFlux).ToList();
            if (strong.Count >= 2)
            {
                var result = new List<int[]>();
                foreach (var s in strong) result.AddRange(Branches(s, i + 1));
                return result;
            }
            if (strong.Count == 0) break;
            current = strong[0];
        }
        return [set];
    }

    /// <summary>The second-highest value among the blob's local maxima that lie in <paramref name="set"/> (−∞ with fewer than two).</summary>
    private double SecondMaximum(int[] set)
    {
        var stamp = ++_stamp;
        foreach (var p in set) _member[p] = stamp;
        double first = double.NegativeInfinity, second = double.NegativeInfinity;
        foreach (var m in _maxima)
        {
            if (_member[m] != stamp) continue;
            var c = _blob.C[m];
            if (c > first)
            {
                second = first;
                first = c;
            }
            else if (c > second) second = c;
        }
        return second;
    }

    /// <summary>8-connected groups of the set's pixels above <paramref name="level"/>, each of at least MinArea pixels.</summary>
    private List<int[]> Components(int[] set, double level)
    {
        var stamp = ++_stamp;
        foreach (var p in set)
            if (_blob.C[p] > level) _inSet[p] = stamp;
        var result = new List<int[]>();
        var gw = _blob.GridWidth;
        var gh = _blob.GridHeight;
        foreach (var seed in set)
        {
            if (_inSet[seed] != stamp || _seen[seed] == stamp) continue;
            var head = 0;
            var tail = 0;
            _queue[tail++] = seed;
            _seen[seed] = stamp;
            while (head < tail)
            {
                var p = _queue[head++];
                var gx = _blob.X[p] - _blob.XMin;
                var gy = _blob.Y[p] - _blob.YMin;
                for (var dy = -1; dy <= 1; dy++)
                {
                    var ny = gy + dy;
                    if ((uint)ny >= (uint)gh) continue;
                    for (var dx = -1; dx <= 1; dx++)
                    {
                        var nx = gx + dx;
                        if ((uint)nx >= (uint)gw) continue;
                        var q = _grid[ny * gw + nx] - 1;
                        if (q < 0 || _inSet[q] != stamp || _seen[q] == stamp) continue;
                        _seen[q] = stamp;
                        _queue[tail++] = q;
                    }
                }
            }
            if (tail >= _minArea) result.Add(_queue.AsSpan(0, tail).ToArray());
        }
        return result;
    }

    private double Flux(int[] set)
    {
        double f = 0;
        foreach (var p in set) f += _blob.C[p];
        return f;
    }

    /// <summary>Gives every pixel outside the cores to the core whose Gaussian model is highest there.</summary>
    private List<int[]> Share(List<int[]> cores)
    {
        var owner = new int[_blob.Count];
        Array.Fill(owner, -1);
        var models = new (double X, double Y, double Cxx, double Cyy, double Cxy, double Amp)[cores.Count];
        for (var k = 0; k < cores.Count; k++)
        {
            double s = 0, sx = 0, sy = 0, sxx = 0, syy = 0, sxy = 0, amp = 0;
            foreach (var p in cores[k])
            {
                owner[p] = k;
                double c = _blob.C[p], x = _blob.X[p], y = _blob.Y[p];
                s += c;
                sx += c * x;
                sy += c * y;
                amp = Math.Max(amp, c);
            }
            var mx = sx / s;
            var my = sy / s;
            foreach (var p in cores[k])
            {
                double c = _blob.C[p], dx = _blob.X[p] - mx, dy = _blob.Y[p] - my;
                sxx += c * dx * dx;
                syy += c * dy * dy;
                sxy += c * dx * dy;
            }
            double x2 = sxx / s, y2 = syy / s, xy = sxy / s;
            if (x2 * y2 - xy * xy < 0.00694)
            {
                x2 += 0.0833333;
                y2 += 0.0833333;
            }
            var det = x2 * y2 - xy * xy;
            models[k] = (mx, my, y2 / det, x2 / det, -2 * xy / det, amp);
        }
        for (var p = 0; p < _blob.Count; p++)
        {
            if (owner[p] >= 0) continue;
            var best = 0;
            var bestScore = double.NegativeInfinity;
            for (var k = 0; k < models.Length; k++)
            {
                var m = models[k];
                double dx = _blob.X[p] - m.X, dy = _blob.Y[p] - m.Y;
                var score = Math.Log(m.Amp) - 0.5 * (m.Cxx * dx * dx + m.Cyy * dy * dy + m.Cxy * dx * dy);
                if (score > bestScore)
                {
                    bestScore = score;
                    best = k;
                }
            }
            owner[p] = best;
        }
        var counts = new int[cores.Count];
        foreach (var o in owner) counts[o]++;
        var result = new int[cores.Count][];
        for (var k = 0; k < cores.Count; k++) result[k] = new int[counts[k]];
        Array.Clear(counts);
        for (var p = 0; p < _blob.Count; p++) result[owner[p]][counts[owner[p]]++] = p;
        return [.. result];
    }
}

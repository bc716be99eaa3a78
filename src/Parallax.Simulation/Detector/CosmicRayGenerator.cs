using Parallax.Simulation.Models;
using Parallax.Simulation.Randomness;

namespace Parallax.Simulation.Detector;

/// <summary>
/// Cosmic-ray events for one exposure. The number of events is Poisson with mean rate × area ×
/// (exposure + readout). A track crosses the depleted layer at an incidence θ (cos θ drawn as √u, the
/// distribution of an isotropic flux through a plane), projecting to thickness·tan θ on the detector and
/// depositing electrons_per_micron × thickness / cos θ along it; a blob is a Gaussian spot of 0.4–1 pixel,
/// and one blob in three is a worm, a short random walk of spots (low-energy electrons).
/// </summary>
internal static class CosmicRayGenerator
{
    /// <summary>Draws the events and returns the charge per pixel (pixels with at least 1 electron), sorted by pixel.</summary>
    public static List<CosmicRayHit> Generate(DetectorLayout layout, CosmicRayModel model, double seconds, ulong key)
    {
        var d = layout.Model;
        var areaCm2 = d.Columns * d.PixelSize * 1e-4 * d.Rows * d.PixelSize * 1e-4;
        var stream = new RandomStream(key);
        var events = stream.Poisson(model.Rate * areaCm2 * seconds);
        var charge = new Dictionary<int, (float E, int Event)>();
        var b = layout.Binning;
        for (var e = 0; e < events; e++)
        {
            var x = stream.Uniform(0, layout.Columns);
            var y = stream.Uniform(0, layout.Rows);
            if (stream.Uniform() < model.TrackFraction)
            {
                var cosTheta = Math.Max(0.05, Math.Sqrt(stream.Uniform()));
                var tanTheta = Math.Sqrt(1 - cosTheta * cosTheta) / cosTheta;
                var length = Math.Min(80.0, model.Thickness * tanTheta / d.PixelSize) / b;
                var total = model.ElectronsPerMicron * model.Thickness / cosTheta;
                var phi = stream.Uniform(0, 2 * Math.PI);
                var steps = Math.Max(1, (int)Math.Ceiling(length * 4));
                for (var s = 0; s < steps; s++)
                {
                    var f = (s + 0.5) / steps;
                    Deposit(charge, layout, x + f * length * Math.Cos(phi), y + f * length * Math.Sin(phi), total / steps, e);
                }
            }
            else
            {
                var total = stream.LogUniform(model.BlobElectrons[0], model.BlobElectrons[1]);
                var sigma = Math.Max(0.3, stream.Uniform(0.4, 1.0) / b);
                var spots = stream.Uniform() < 1.0 / 3 ? 3 + stream.Next(6) : 1;
                for (var s = 0; s < spots; s++)
                {
                    Spot(charge, layout, x, y, sigma, total / spots, e);
                    x += stream.Normal(0, 1.0 / b);
                    y += stream.Normal(0, 1.0 / b);
                }
            }
        }
        var hits = new List<CosmicRayHit>(charge.Count);
        foreach (var (index, (electrons, ev)) in charge)
            if (electrons >= 1f) hits.Add(new CosmicRayHit(index % layout.Columns, index / layout.Columns, electrons, ev));
        hits.Sort((p, q) => (p.Y * layout.Columns + p.X).CompareTo(q.Y * layout.Columns + q.X));
        return hits;
    }

    private static void Spot(Dictionary<int, (float, int)> charge, DetectorLayout layout, double cx, double cy, double sigma, double total, int ev)
    {
        var r = (int)Math.Ceiling(3 * sigma);
        var (ix, iy) = ((int)Math.Floor(cx), (int)Math.Floor(cy));
        Span<double> weights = stackalloc double[(2 * r + 1) * (2 * r + 1)];
        var sum = 0.0;
        for (var dy = -r; dy <= r; dy++)
            for (var dx = -r; dx <= r; dx++)
            {
                var px = ix + dx + 0.5 - cx;
                var py = iy + dy + 0.5 - cy;
                var w = Math.Exp(-(px * px + py * py) / (2 * sigma * sigma));
                weights[(dy + r) * (2 * r + 1) + dx + r] = w;
                sum += w;
            }
        for (var dy = -r; dy <= r; dy++)
            for (var dx = -r; dx <= r; dx++)
                Deposit(charge, layout, ix + dx + 0.5, iy + dy + 0.5, total * weights[(dy + r) * (2 * r + 1) + dx + r] / sum, ev);
    }

    private static void Deposit(Dictionary<int, (float E, int Event)> charge, DetectorLayout layout, double x, double y, double electrons, int ev)
    {
        var ix = (int)Math.Floor(x);
        var iy = (int)Math.Floor(y);
        if (ix < 0 || iy < 0 || ix >= layout.Columns || iy >= layout.Rows) return;
        var index = iy * layout.Columns + ix;
        charge[index] = charge.TryGetValue(index, out var c) ? ((float)(c.E + electrons), c.Event) : ((float)electrons, ev);
    }
}

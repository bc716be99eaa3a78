namespace Parallax.Imaging.Detector;

/// <summary>Where each amplifier's trimmed pixels go in the output, from DETSEC (binned) or, for one amplifier, at the origin.</summary>
internal sealed class AmplifierLayout
{
    public required int Width { get; init; }

    public required int Height { get; init; }

    public required ImageSection[] Placements { get; init; }

    public required bool[] FlipX { get; init; }

    public required bool[] FlipY { get; init; }

    public int BinningX { get; init; } = 1;

    public int BinningY { get; init; } = 1;

    /// <summary>True when the placements tile the output (no pixel left without data).</summary>
    public bool CoversEverything => Placements.Sum(p => (long)p.Width * p.Height) == (long)Width * Height;

    public static AmplifierLayout Plan(IReadOnlyList<AmplifierFrame> amps, ImageSection[] regions, bool trim)
    {
        var n = amps.Count;
        if (!trim || (n == 1 && amps[0].Geometry.DetectorSection is null))
        {
            var r = regions[0];
            var flip = trim && r.XFlipped;
            return new AmplifierLayout
            {
                Width = r.Width, Height = r.Height,
                Placements = [ImageSection.FromZeroBased(0, 0, r.Width, r.Height)],
                FlipX = [flip], FlipY = [trim && r.YFlipped],
            };
        }
        var binX = new int[n];
        var binY = new int[n];
        for (var i = 0; i < n; i++)
        {
            var g = amps[i].Geometry;
            if (g.DetectorSection is not { } det)
                throw new ArgumentException($"amplifier {g.Name} has no detector section (DETSEC): {n} amplifiers cannot be assembled without one each");
            binX[i] = Binning(det.Width, regions[i].Width, g.Name, "x", det, regions[i]);
            binY[i] = Binning(det.Height, regions[i].Height, g.Name, "y", det, regions[i]);
            if (binX[i] != binX[0] || binY[i] != binY[0])
                throw new ArgumentException($"amplifier {g.Name} is binned {binX[i]}×{binY[i]} by its DETSEC, amplifier {amps[0].Geometry.Name} {binX[0]}×{binY[0]}");
        }
        var x0 = amps.Select((a, i) => a.Geometry.DetectorSection!.Value.XStart / binX[i]).ToArray();
        var y0 = amps.Select((a, i) => a.Geometry.DetectorSection!.Value.YStart / binY[i]).ToArray();
        var minX = x0.Min();
        var minY = y0.Min();
        var placements = new ImageSection[n];
        for (var i = 0; i < n; i++) placements[i] = ImageSection.FromZeroBased(x0[i] - minX, y0[i] - minY, regions[i].Width, regions[i].Height);
        return new AmplifierLayout
        {
            Width = placements.Max(p => p.XEnd),
            Height = placements.Max(p => p.YEnd),
            Placements = placements,
            FlipX = [.. amps.Select((a, i) => a.Geometry.DetectorSection!.Value.XFlipped != regions[i].XFlipped)],
            FlipY = [.. amps.Select((a, i) => a.Geometry.DetectorSection!.Value.YFlipped != regions[i].YFlipped)],
            BinningX = binX[0],
            BinningY = binY[0],
        };
    }

    private static int Binning(int detector, int data, string name, string axis, ImageSection det, ImageSection region)
    {
        if (detector % data != 0)
            throw new ArgumentException($"amplifier {name}: DETSEC {det} spans {detector} pixels in {axis} but its data section {region} {data}: not a whole binning");
        return detector / data;
    }
}

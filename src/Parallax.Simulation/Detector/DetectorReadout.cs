using Parallax.Simulation.Randomness;

namespace Parallax.Simulation.Detector;

/// <summary>
/// Turns the charge a scene delivers into raw ADU, as the detector does: dark current, shot noise, cosmic
/// rays, full-well bleeding, gain, non-linearity, bias with its 2-D structure and frame jitter, read noise,
/// and the 16-bit converter (rounded, clipped to 0..adc_max). Every random draw is keyed by the frame key and
/// the row, so a frame is the same on any thread.
/// </summary>
internal static class DetectorReadout
{
    /// <summary>Exposes and reads one frame.</summary>
    /// <param name="pattern">The detector's fixed pattern.</param>
    /// <param name="photoElectrons">Expected photo-electrons per trimmed pixel (after the flat), or null for a closed shutter. Overwritten.</param>
    /// <param name="darkTime">Seconds of dark current (exposure time; 0 for a bias).</param>
    /// <param name="frameKey">The frame's random key.</param>
    /// <param name="options">Which random effects to include.</param>
    public static RawExposure Read(DetectorPattern pattern, float[]? photoElectrons, double darkTime, ulong frameKey, ExposureOptions options)
    {
        var layout = pattern.Layout;
        var model = layout.Model;
        var (nx, ny) = (layout.Columns, layout.Rows);
        var charge = photoElectrons ?? new float[nx * ny];
        if (charge.Length != nx * ny) throw new ArgumentException($"{charge.Length} pixels given, {nx * ny} expected", nameof(photoElectrons));
        if (darkTime > 0)
        {
            var t = (float)darkTime;
            System.Numerics.Tensors.TensorPrimitives.MultiplyAdd(pattern.Dark, t, charge, charge);
        }

        var width = Math.Max(nx, layout.RawColumns);
        var normals = new float[width];
        var scratch = new float[3 * ((width + 1) / 2)];
        if (options.ShotNoise && (photoElectrons is not null || darkTime > 0))
        {
            for (var y = 0; y < ny; y++)
                PoissonSampler.Sample(CounterRandom.Key(frameKey, CounterRandom.Label("shot"), (ulong)y), charge.AsSpan(y * nx, nx), normals, scratch);
        }

        List<CosmicRayHit> hits = [];
        var events = 0;
        if (options.CosmicRays)
        {
            hits = CosmicRayGenerator.Generate(layout, model.CosmicRays, darkTime + model.CosmicRays.ReadoutTime, CounterRandom.Key(frameKey, CounterRandom.Label("cosmic-rays")));
            events = hits.Count == 0 ? 0 : hits.Max(h => h.Event) + 1;
            foreach (var h in hits) charge[h.Y * nx + h.X] += h.Electrons;
        }
        Bleed(charge, nx, ny, (float)model.FullWell);

        var offsets = new double[layout.Amplifiers.Count];
        if (options.BiasJitter)
        {
            foreach (var a in layout.Amplifiers)
                offsets[a.Index] = a.Model.BiasJitter * CounterRandom.Normal(CounterRandom.Key(frameKey, CounterRandom.Label("bias-jitter")), (uint)a.Index);
        }

        var raw = new ushort[layout.RawColumns * ny];
        var (c2, c3) = ((float)model.Nonlinearity[0], (float)model.Nonlinearity[1]);
        var adcMax = (float)model.AdcMax;
        var readNormals = normals.AsSpan(0, layout.RawColumns);
        for (var y = 0; y < ny; y++)
        {
            if (options.ReadNoise) CounterRandom.FillNormal(CounterRandom.Key(frameKey, CounterRandom.Label("read"), (ulong)y), 0, readNormals, scratch);
            else readNormals.Clear();
            var rawRow = raw.AsSpan(y * layout.RawColumns, layout.RawColumns);
            var biasRow = pattern.Bias.AsSpan(y * layout.RawColumns, layout.RawColumns);
            var chargeRow = charge.AsSpan(y * nx, nx);
            foreach (var a in layout.Amplifiers)
            {
                var inverseGain = (float)(1 / a.Model.Gain);
                var noise = (float)(a.Model.ReadNoise / a.Model.Gain);
                var offset = (float)offsets[a.Index];
                for (var i = 0; i < a.DataWidth; i++)
                {
                    var adu = chargeRow[a.DataStart + i] * inverseGain;
                    adu += adu * adu * (c2 + c3 * adu);
                    var r = a.RawDataStart + i;
                    rawRow[r] = Quantise(adu + biasRow[r] + offset + noise * readNormals[r], adcMax);
                }
                for (var r = a.RawOverscanStart; r < a.RawOverscanStart + a.OverscanWidth; r++)
                    rawRow[r] = Quantise(biasRow[r] + offset + noise * readNormals[r], adcMax);
            }
        }
        return new RawExposure(raw, offsets, hits, events);
    }

    /// <summary>Rounds to the nearest integer and clips to the converter's range.</summary>
    public static ushort Quantise(float value, float adcMax) => (ushort)Math.Clamp(MathF.Floor(value + 0.5f), 0f, adcMax);

    /// <summary>Charge above the full well spills half up and half down the column, filling neighbours to the full well; what reaches an edge is lost.</summary>
    internal static void Bleed(float[] charge, int nx, int ny, float fullWell)
    {
        for (var i = 0; i < charge.Length; i++)
        {
            if (charge[i] <= fullWell) continue;
            var excess = charge[i] - fullWell;
            charge[i] = fullWell;
            var (x, y) = (i % nx, i / nx);
            var up = excess / 2;
            for (var yy = y + 1; yy < ny && up > 0; yy++) up = Fill(charge, yy * nx + x, up, fullWell);
            var down = excess - excess / 2;
            for (var yy = y - 1; yy >= 0 && down > 0; yy--) down = Fill(charge, yy * nx + x, down, fullWell);
        }
    }

    private static float Fill(float[] charge, int index, float amount, float fullWell)
    {
        var room = Math.Max(0, fullWell - charge[index]);
        var take = Math.Min(room, amount);
        charge[index] += take;
        return amount - take;
    }
}

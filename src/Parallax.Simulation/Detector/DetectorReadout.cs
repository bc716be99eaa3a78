using System.Runtime.CompilerServices;
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
    /// <param name="photoElectrons">Expected photo-electrons per trimmed pixel (after the flat), or null for a closed shutter; not changed.</param>
    /// <param name="darkTime">Seconds of dark current (exposure time; 0 for a bias).</param>
    /// <param name="frameKey">The frame's random key.</param>
    /// <param name="options">Which random effects to include.</param>
    public static RawExposure Read(DetectorPattern pattern, float[]? photoElectrons, double darkTime, ulong frameKey, ExposureOptions options)
    {
        var buffers = new FrameBuffers(pattern.Layout);
        if (photoElectrons is not null) photoElectrons.AsSpan().CopyTo(buffers.Light);
        return Read(pattern, buffers, photoElectrons is not null, darkTime, frameKey, options);
    }

    /// <summary>Exposes and reads one frame in reused buffers: the light is in <see cref="FrameBuffers.Light"/> (ignored when
    /// <paramref name="shutterOpen"/> is false) and the result's pixels are <see cref="FrameBuffers.Raw"/>, valid until the buffers are reused.</summary>
    public static RawExposure Read(DetectorPattern pattern, FrameBuffers buffers, bool shutterOpen, double darkTime, ulong frameKey, ExposureOptions options)
    {
        var layout = pattern.Layout;
        var model = layout.Model;
        var (nx, ny) = (layout.Columns, layout.Rows);
        var charge = buffers.Light;
        if (!shutterOpen) Array.Clear(charge);
        if (darkTime > 0)
        {
            var t = (float)darkTime;
            System.Numerics.Tensors.TensorPrimitives.MultiplyAdd(pattern.Dark, t, charge, charge);
        }

        var normals = buffers.Normals;
        var scratch = buffers.Scratch;
        if (options.ShotNoise && (shutterOpen || darkTime > 0))
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

        var raw = buffers.Raw;
        var amps = layout.Amplifiers.Select(a => new AmplifierConversion(a.DataStart, a.DataWidth, a.RawDataStart, a.RawOverscanStart, a.OverscanWidth,
            (float)(1 / a.Model.Gain), (float)(a.Model.ReadNoise / a.Model.Gain), (float)offsets[a.Index])).ToArray();
        var readKey = CounterRandom.Label("read");
        for (var y = 0; y < ny; y++)
        {
            var readNormals = normals.AsSpan(0, layout.RawColumns);
            if (options.ReadNoise) CounterRandom.FillNormal(CounterRandom.Key(frameKey, readKey, (ulong)y), 0, readNormals, scratch);
            else readNormals.Clear();
            ConvertRow(charge.AsSpan(y * nx, nx), pattern.Bias.AsSpan(y * layout.RawColumns, layout.RawColumns), readNormals,
                raw.AsSpan(y * layout.RawColumns, layout.RawColumns), amps, (float)model.Nonlinearity[0], (float)model.Nonlinearity[1], model.AdcMax);
        }
        return new RawExposure(raw, offsets, hits, events);
    }

    /// <summary>Gain, noise and placement of one amplifier, as the row conversion uses them.</summary>
    private readonly record struct AmplifierConversion(int DataStart, int DataWidth, int RawDataStart, int RawOverscanStart, int OverscanWidth,
        float InverseGain, float Noise, float Offset);

    /// <summary>Electrons of one row to raw ADU: gain, non-linearity, bias, read noise, converter.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void ConvertRow(ReadOnlySpan<float> charge, ReadOnlySpan<float> bias, ReadOnlySpan<float> normals, Span<ushort> raw,
        AmplifierConversion[] amps, float c2, float c3, float adcMax)
    {
        foreach (var a in amps)
        {
            var data = charge.Slice(a.DataStart, a.DataWidth);
            var rawData = raw.Slice(a.RawDataStart, a.DataWidth);
            var biasData = bias.Slice(a.RawDataStart, a.DataWidth);
            var noiseData = normals.Slice(a.RawDataStart, a.DataWidth);
            for (var i = 0; i < data.Length; i++)
            {
                var adu = data[i] * a.InverseGain;
                adu += adu * adu * (c2 + c3 * adu);
                rawData[i] = Quantise(adu + biasData[i] + a.Offset + a.Noise * noiseData[i], adcMax);
            }
            var rawOver = raw.Slice(a.RawOverscanStart, a.OverscanWidth);
            var biasOver = bias.Slice(a.RawOverscanStart, a.OverscanWidth);
            var noiseOver = normals.Slice(a.RawOverscanStart, a.OverscanWidth);
            for (var i = 0; i < rawOver.Length; i++) rawOver[i] = Quantise(biasOver[i] + a.Offset + a.Noise * noiseOver[i], adcMax);
        }
    }

    /// <summary>Rounds to the nearest integer and clips to the converter's range.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ushort Quantise(float value, float adcMax) => (ushort)Math.Clamp(MathF.Floor(value + 0.5f), 0f, adcMax);

    /// <summary>Charge above the full well spills half up and half down the column, filling neighbours to the full well; what reaches an edge is lost.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
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

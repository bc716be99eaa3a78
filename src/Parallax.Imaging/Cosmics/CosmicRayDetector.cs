using System.Numerics.Tensors;
using Parallax.Imaging.Statistics;

namespace Parallax.Imaging.Cosmics;

/// <summary>
/// L.A.Cosmic (van Dokkum 2001, PASP 113, 1420) on a single frame, following astroscrappy's
/// detect_cosmics: in each iteration the Laplacian of the 2× subsampled image, divided by a noise
/// model from the 5 × 5 median, less its own median (large structures), must exceed
/// <see cref="CosmicRayParameters.SigClip"/> and be <see cref="CosmicRayParameters.ObjLim"/> times the
/// fine-structure image (3 × 3 median less its 7 × 7 median) that protects stars; detections grow to
/// neighbours above SigClip and then above SigFrac·SigClip; the hits are replaced and the search is
/// repeated on the cleaned image. On the same float32 frame and settings the mask is the same as
/// astroscrappy 1.1.0's, pixel for pixel (tests and bench/RESULTS.md). astroscrappy's optional
/// background (inbkg) and variance (invar) images are not supported: the noise model always comes
/// from the data.
/// </summary>
public static class CosmicRayDetector
{
    /// <summary>Floor of the median image before the square root of the noise model (electrons).</summary>
    private const float NoiseFloor = 0.00001f;

    /// <summary>Floor of the fine-structure image, so the contrast sp/f stays finite.</summary>
    private const float FineStructureFloor = 0.01f;

    /// <summary>
    /// Finds and removes cosmic rays. The input is not changed.
    /// Units: the data are in any unit with <see cref="CosmicRayParameters.Gain"/> converting them to
    /// electrons (e⁻/ADU for ADU frames, 1 for frames already in electrons); they should include the
    /// sky, since the noise model is Poisson in the data. Masks: pixels with any
    /// <see cref="CosmicRayParameters.IgnoreBits"/> bit and non-finite pixels are never flagged nor
    /// used to replace a neighbour (grown by one pixel, as astroscrappy grows its input mask); pixels
    /// of saturated stars likewise. Edges: no pixel within 2 (separable medians: 3) of the edge is
    /// flagged, because the median filters leave those unfiltered.
    /// </summary>
    /// <param name="image">The frame, with sky; its Variance is used for the variance of replaced pixels where it is positive.</param>
    /// <param name="parameters">Settings; defaults when null.</param>
    /// <returns>The cosmic-ray flags, the cleaned image and the count per iteration.</returns>
    /// <exception cref="ArgumentException">Invalid parameters.</exception>
    public static CosmicRayResult Detect(MaskedImage image, CosmicRayParameters? parameters = null)
    {
        ArgumentNullException.ThrowIfNull(image);
        var p = parameters ?? new CosmicRayParameters();
        p.Validate();
        int w = image.Width, h = image.Height, n = image.PixelCount;
        var gain = (float)p.Gain;
        var work = new Workspace(n);
        var excluded = BuildExclusion(image, p, work, out var background);
        var cosmicRays = new byte[n];
        var perIteration = new List<int>();
        for (var iteration = 0; iteration < p.Iterations; iteration++)
        {
            var found = FindOnce(p, work, excluded, w, h);
            perIteration.Add(found);
            if (found == 0) break;
            RowBand.For(w, h, (y0, y1) =>
            {
                for (var i = y0 * w; i < y1 * w; i++) cosmicRays[i] |= work.Hits[i];
            });
            float[]? median5 = null;
            if (p.CleanType == CleanType.Median)
            {
                MedianFilter.Square(work.Clean, work.B, w, h, 5);
                median5 = work.B;
            }
            CosmicCleaner.Clean(p.CleanType, work.Clean, cosmicRays, excluded, median5, w, h, background);
        }
        return new CosmicRayResult(BuildCleaned(image, p, work, cosmicRays, excluded, gain), ToBool(cosmicRays), [.. perIteration]);
    }

    /// <summary>One L.A.Cosmic pass over work.Clean: leaves the new hits in work.Hits and returns their number.</summary>
    private static int FindOnce(CosmicRayParameters p, Workspace work, byte[] excluded, int w, int h)
    {
        var sep = p.SeparableMedian;
        var readNoise2 = (float)(p.ReadNoise * p.ReadNoise);

        // Laplacian edge image s, noise model N = sqrt(med5(I) + rn²), significance s / 2N
        // (the 2 undoes the subsampling), less its own median: sp.
        RowBand.For(w, h, (y0, y1) => LaplacianKernel.Rows(work.Clean, work.S, w, h, y0, y1));
        Median(sep ? 7 : 5, sep, work.Clean, work.A, work, w, h);
        RowBand.For(w, h, (y0, y1) =>
        {
            var range = (y0 * w)..(y1 * w);
            var noise = work.Noise.AsSpan(range);
            TensorPrimitives.Max(work.A.AsSpan(range), NoiseFloor, noise);
            TensorPrimitives.Add(noise, readNoise2, noise);
            TensorPrimitives.Sqrt(noise, noise);
            var s = work.S.AsSpan(range);
            TensorPrimitives.Divide(s, noise, s);
            TensorPrimitives.Multiply(s, 0.5f, s);
        });
        Median(sep ? 7 : 5, sep, work.S, work.A, work, w, h);
        RowBand.For(w, h, (y0, y1) =>
        {
            var range = (y0 * w)..(y1 * w);
            TensorPrimitives.Subtract(work.S.AsSpan(range), work.A.AsSpan(range), work.S.AsSpan(range));
        });

        // Fine structure f = (M3 − M3∗M7) / N, floored.
        if (p.FineStructure == FineStructureMode.Convolve)
            KernelConvolution.Convolve(work.Clean, work.A, w, h, PsfKernel.Build(p.PsfModel, p.PsfFwhm, p.PsfSize, p.PsfBeta), p.PsfSize);
        else
            Median(sep ? 5 : 3, sep, work.Clean, work.A, work, w, h);
        Median(sep ? 9 : 7, sep, work.A, work.B, work, w, h);
        RowBand.For(w, h, (y0, y1) =>
        {
            var range = (y0 * w)..(y1 * w);
            var f = work.A.AsSpan(range);
            TensorPrimitives.Subtract(f, work.B.AsSpan(range), f);
            TensorPrimitives.Divide(f, work.Noise.AsSpan(range), f);
            TensorPrimitives.Max(f, FineStructureFloor, f);
        });

        var sigClip = (float)p.SigClip;
        var sigLow = (float)(p.SigClip * p.SigFrac);
        var objLim = (float)p.ObjLim;
        var sp = work.S;
        var fine = work.A;
        RowBand.For(w, h, (y0, y1) =>
        {
            for (var i = y0 * w; i < y1 * w; i++)
                work.Hits[i] = (byte)(excluded[i] == 0 && sp[i] > sigClip && sp[i] / fine[i] > objLim ? 1 : 0);
        });
        // Grow to the neighbours above sigclip, then to theirs above sigfrac·sigclip.
        BinaryDilation.Dilate3(work.Hits, work.Grown, w, h);
        Keep(work.Grown, work.Hits, excluded, sp, sigClip, w, h);
        BinaryDilation.Dilate3(work.Hits, work.Grown, w, h);
        Keep(work.Grown, work.Hits, excluded, sp, sigLow, w, h);
        var counts = new int[Math.Max(1, h)];
        RowBand.For(w, h, (y0, y1) =>
        {
            var c = 0;
            foreach (var b in work.Hits.AsSpan((y0 * w)..(y1 * w))) c += b;
            counts[y0] = c;
        });
        return counts.Sum();
    }

    /// <summary>hits = grown ∧ ¬excluded ∧ sp &gt; limit.</summary>
    private static void Keep(byte[] grown, byte[] hits, byte[] excluded, float[] sp, float limit, int w, int h)
        => RowBand.For(w, h, (y0, y1) =>
        {
            for (var i = y0 * w; i < y1 * w; i++)
                hits[i] = (byte)(grown[i] != 0 && excluded[i] == 0 && sp[i] > limit ? 1 : 0);
        });

    private static void Median(int size, bool separable, float[] input, float[] output, Workspace work, int w, int h)
    {
        if (separable) MedianFilter.Separable(input, output, w, h, size, work.Scratch);
        else MedianFilter.Square(input, output, w, h, size);
    }

    /// <summary>
    /// Fills work.Clean (data × gain; non-finite pixels set to the median so the filters stay defined)
    /// and returns the exclusion mask: the input mask and non-finite pixels grown by 3 × 3, plus
    /// saturated stars (≥ SatLevel with a median above SatLevel/10) grown by two 5 × 5 dilations.
    /// </summary>
    private static byte[] BuildExclusion(MaskedImage image, CosmicRayParameters p, Workspace work, out float background)
    {
        int w = image.Width, h = image.Height, n = image.PixelCount;
        var gain = (float)p.Gain;
        var ignore = (ushort)p.IgnoreBits;
        var median = RobustStatistics.Median(image.Data, image.Mask, MaskBits.None);
        background = double.IsFinite(median) ? (float)(median * gain) : 0f;
        var fill = background;
        var seed = work.Hits;
        RowBand.For(w, h, (y0, y1) =>
        {
            for (var i = y0 * w; i < y1 * w; i++)
            {
                var v = image.Data[i];
                var finite = float.IsFinite(v);
                work.Clean[i] = finite ? v * gain : fill;
                seed[i] = (byte)(!finite || (image.Mask[i] & ignore) != 0 ? 1 : 0);
            }
        });
        var excluded = new byte[n];
        BinaryDilation.Dilate3(seed, excluded, w, h);
        if (!double.IsPositiveInfinity(p.SatLevel))
        {
            var sat = (float)p.SatLevel;
            if (p.SeparableMedian) MedianFilter.Separable(work.Clean, work.A, w, h, 7, work.Scratch);
            else MedianFilter.Square(work.Clean, work.A, w, h, 5);
            var any = 0;
            RowBand.For(w, h, (y0, y1) =>
            {
                var found = false;
                for (var i = y0 * w; i < y1 * w; i++)
                {
                    var isCore = work.Clean[i] >= sat && work.A[i] > sat / 10f;
                    seed[i] = (byte)(isCore ? 1 : 0);
                    found |= isCore;
                }
                if (found) Interlocked.Exchange(ref any, 1);
            });
            if (any != 0)
            {
                BinaryDilation.Dilate5(seed, work.Grown, w, h);
                BinaryDilation.Dilate5(work.Grown, seed, w, h);
                for (var i = 0; i < n; i++) excluded[i] |= seed[i];
            }
        }
        return excluded;
    }

    /// <summary>The output image: input copied, replaced pixels from work.Clean / gain with their variance, flags set.</summary>
    private static MaskedImage BuildCleaned(MaskedImage image, CosmicRayParameters p, Workspace work, byte[] cosmicRays, byte[] excluded, float gain)
    {
        var cleaned = image.Clone();
        int w = image.Width, h = image.Height;
        // Variance of a neighbour: its own where known, else the noise model (electrons² → unit²).
        var neighbourVariance = work.A;
        var gain2 = gain * gain;
        RowBand.For(w, h, (y0, y1) =>
        {
            for (var i = y0 * w; i < y1 * w; i++)
            {
                var v = image.Variance[i];
                neighbourVariance[i] = v > 0 && float.IsFinite(v) ? v : work.Noise[i] * work.Noise[i] / gain2;
            }
        });
        RowBand.For(w, h, (y0, y1) =>
        {
            for (var y = y0; y < y1; y++)
            {
                for (var x = 0; x < w; x++)
                {
                    var i = y * w + x;
                    if (cosmicRays[i] == 0) continue;
                    cleaned.Mask[i] |= (ushort)MaskBits.CosmicRay;
                    if (!CosmicCleaner.IsCleanable(x, y, w, h)) continue;
                    cleaned.Data[i] = work.Clean[i] / gain;
                    cleaned.Variance[i] = CosmicCleaner.ReplacementVariance(p.CleanType, neighbourVariance, cosmicRays, excluded, w, i);
                    cleaned.Mask[i] |= (ushort)MaskBits.Interpolated;
                }
            }
        });
        return cleaned;
    }

    private static bool[] ToBool(byte[] flags)
    {
        var result = new bool[flags.Length];
        for (var i = 0; i < flags.Length; i++) result[i] = flags[i] != 0;
        return result;
    }

    /// <summary>The work arrays of one detection, allocated once and reused by every iteration.</summary>
    private sealed class Workspace(int n)
    {
        public float[] Clean { get; } = new float[n];
        public float[] S { get; } = new float[n];
        public float[] A { get; } = new float[n];
        public float[] B { get; } = new float[n];
        public float[] Noise { get; } = new float[n];
        public float[] Scratch { get; } = new float[n];
        public byte[] Hits { get; } = new byte[n];
        public byte[] Grown { get; } = new byte[n];
    }
}

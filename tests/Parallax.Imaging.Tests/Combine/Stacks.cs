using Parallax.Imaging.Combine;
using Parallax.Imaging.Tests.Support;

namespace Parallax.Imaging.Tests.Combine;

/// <summary>Synthetic stacks: a known truth image plus noise, with outliers injected where a test says.</summary>
public static class Stacks
{
    /// <summary>A smooth truth image: level + gentle gradient + ripple, so every pixel differs.</summary>
    public static float[] Truth(int w, int h, float level = 1000)
    {
        var t = new float[w * h];
        for (var y = 0; y < h; y++)
            for (var x = 0; x < w; x++)
                t[y * w + x] = level + 0.05f * x - 0.03f * y + 4f * MathF.Sin(x / 3f) * MathF.Cos(y / 5f);
        return t;
    }

    /// <summary>n frames = truth + N(0, sigma²), each with a variance plane σ² (so propagated variance is the truth for the noise).</summary>
    public static MaskedImage[] Noisy(float[] truth, int w, int h, int n, double sigma, int seed)
    {
        var g = new Gaussian(seed);
        var frames = new MaskedImage[n];
        for (var i = 0; i < n; i++)
        {
            var img = new MaskedImage(w, h);
            for (var p = 0; p < truth.Length; p++)
            {
                img.Data[p] = (float)(truth[p] + sigma * g.Next());
                img.Variance[p] = (float)(sigma * sigma);
            }
            frames[i] = img;
        }
        return frames;
    }

    /// <summary>In-memory sources over the frames.</summary>
    public static IFrameSource[] Sources(IEnumerable<MaskedImage> frames, bool hasVariance = true, bool hasMask = true)
        => [.. frames.Select((f, i) => (IFrameSource)new MaskedImageFrameSource(f, $"frame{i}", null, hasVariance, hasMask))];
}

using Parallax.Imaging;

namespace Parallax.Recipes.Steps;

/// <summary>The pixel-by-pixel difference of two frames over the pixels usable in both, for noise estimates that cancel fixed pattern.</summary>
public static class UsableDifference
{
    /// <summary>a − b where both are finite and neither mask carries <see cref="MaskBits.Unusable"/> bits; other pixels are left out.</summary>
    /// <exception cref="ArgumentException">The shapes differ.</exception>
    public static float[] Of(MaskedImage a, MaskedImage b)
    {
        if (!a.HasSameShape(b)) throw new ArgumentException($"cannot difference a {a.ShapeText} frame and a {b.ShapeText} frame");
        var diff = new float[a.PixelCount];
        var n = 0;
        for (var i = 0; i < diff.Length; i++)
        {
            var d = a.Data[i] - b.Data[i];
            if (!float.IsFinite(d) || ((a.Mask[i] | b.Mask[i]) & (ushort)MaskBits.Unusable) != 0) continue;
            diff[n++] = d;
        }
        return n == diff.Length ? diff : diff[..n];
    }
}

using Parallax.Imaging;

namespace Parallax.Spectroscopy.Slits;

/// <summary>
/// A long-slit flat taken apart (<see cref="SpectralFlatBuilder"/>): the lamp spectrum along the dispersion, the slit
/// illumination along the slit, and what is left — the pixel response, 1 on average, which a science frame is divided by.
/// </summary>
public sealed class SpectralFlat
{
    internal SpectralFlat(MaskedImage pixelResponse, double[] lampSpectrum, double[] illuminationPositions, double[] illumination)
    {
        PixelResponse = pixelResponse;
        LampSpectrum = lampSpectrum;
        IlluminationPositions = illuminationPositions;
        Illumination = illumination;
    }

    /// <summary>
    /// Flat ÷ (lamp spectrum × slit illumination): the pixel-to-pixel response, dimensionless, with its variance. Outside the
    /// slit it is 1 and masked <see cref="MaskBits.NoData"/>; within a pixel of an edge it is 1 and masked <see cref="MaskBits.Edge"/>.
    /// </summary>
    public MaskedImage PixelResponse { get; }

    /// <summary>The lamp spectrum at each column of the slit centre (trace column), in the flat's units per pixel.</summary>
    public IReadOnlyList<double> LampSpectrum { get; }

    /// <summary>Slit positions (0 lower edge, 1 upper edge) where <see cref="Illumination"/> is tabulated.</summary>
    public IReadOnlyList<double> IlluminationPositions { get; }

    /// <summary>The slit illumination at each of <see cref="IlluminationPositions"/>, normalised to a median of 1 over the slit.</summary>
    public IReadOnlyList<double> Illumination { get; }

    /// <summary>The slit illumination at slit position <paramref name="position"/> (linear interpolation; the end values beyond the table).</summary>
    public double IlluminationAt(double position) => Interpolate(IlluminationPositions, Illumination, position);

    /// <summary>The lamp spectrum at (fractional) trace column <paramref name="column"/> (linear interpolation).</summary>
    public double LampAt(double column)
    {
        var s = LampSpectrum;
        if (column <= 0) return s[0];
        if (column >= s.Count - 1) return s[^1];
        var i = (int)column;
        var f = column - i;
        return s[i] * (1 - f) + s[i + 1] * f;
    }

    internal static double Interpolate(IReadOnlyList<double> xs, IReadOnlyList<double> ys, double x)
    {
        if (x <= xs[0]) return ys[0];
        if (x >= xs[^1]) return ys[^1];
        int lo = 0, hi = xs.Count - 1;
        while (hi - lo > 1)
        {
            var mid = (lo + hi) >>> 1;
            if (xs[mid] <= x) lo = mid; else hi = mid;
        }
        var f = (x - xs[lo]) / (xs[hi] - xs[lo]);
        return ys[lo] * (1 - f) + ys[hi] * f;
    }
}

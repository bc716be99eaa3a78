using Parallax.Imaging;

namespace Parallax.Spectroscopy.Spectra;

/// <summary>
/// A one-dimensional spectrum: flux, variance, data-quality mask and (optionally) the sky that was subtracted, sampled at
/// strictly ascending wavelengths. Each sample is a pixel whose edges lie half-way to its neighbours (the first and last
/// pixels are as wide as the gap to their one neighbour), see <see cref="BinEdges"/>; counts units are per pixel, a flux
/// density is per Ångström. <see cref="Variance"/> holds σ² in <see cref="Unit"/>². A pixel whose <see cref="Mask"/> has a
/// <see cref="MaskBits.Unusable"/> bit set, or whose flux or variance is not finite, carries a value no measurement uses.
/// The arrays are wrapped, not copied.
/// </summary>
public sealed class Spectrum1D
{
    /// <summary>Wraps the arrays of a spectrum.</summary>
    /// <param name="wavelength">Pixel centres in Ångström, finite and strictly ascending.</param>
    /// <param name="flux">Flux per pixel in <paramref name="unit"/>; NaN where nothing was measured.</param>
    /// <param name="variance">σ² of the flux (unit²), or null for zeros (a noise-free model).</param>
    /// <param name="mask"><see cref="MaskBits"/> per pixel, or null for all good.</param>
    /// <param name="sky">Sky subtracted from each pixel (same unit), or null when none is recorded.</param>
    /// <param name="unit">The flux unit.</param>
    /// <param name="medium">Air or vacuum wavelengths.</param>
    /// <param name="metadata">Object, exposure time, airmass; <see cref="SpectrumMetadata.Unknown"/> when null.</param>
    /// <exception cref="ArgumentException">Arrays of different lengths, or wavelengths not finite and strictly ascending.</exception>
    public Spectrum1D(double[] wavelength, float[] flux, float[]? variance = null, ushort[]? mask = null, float[]? sky = null,
        SpectrumUnit unit = SpectrumUnit.Electron, WavelengthMedium medium = WavelengthMedium.Air, SpectrumMetadata? metadata = null)
    {
        ArgumentNullException.ThrowIfNull(wavelength);
        ArgumentNullException.ThrowIfNull(flux);
        var n = wavelength.Length;
        if (flux.Length != n) throw new ArgumentException($"flux holds {flux.Length} values but there are {n} wavelengths", nameof(flux));
        if (variance is not null && variance.Length != n) throw new ArgumentException($"variance holds {variance.Length} values but there are {n} wavelengths", nameof(variance));
        if (mask is not null && mask.Length != n) throw new ArgumentException($"mask holds {mask.Length} values but there are {n} wavelengths", nameof(mask));
        if (sky is not null && sky.Length != n) throw new ArgumentException($"sky holds {sky.Length} values but there are {n} wavelengths", nameof(sky));
        for (var i = 0; i < n; i++)
            if (!double.IsFinite(wavelength[i]) || (i > 0 && !(wavelength[i] > wavelength[i - 1])))
                throw new ArgumentException($"wavelength {i} ({wavelength[i]} Å) is not finite or not above the one before", nameof(wavelength));
        Wavelength = wavelength;
        Flux = flux;
        Variance = variance ?? new float[n];
        Mask = mask ?? new ushort[n];
        Sky = sky;
        Unit = unit;
        Medium = medium;
        Metadata = metadata ?? SpectrumMetadata.Unknown;
    }

    /// <summary>Number of pixels.</summary>
    public int Length => Wavelength.Length;

    /// <summary>Pixel centres, Ångström, strictly ascending.</summary>
    public double[] Wavelength { get; }

    /// <summary>Flux per pixel in <see cref="Unit"/>.</summary>
    public float[] Flux { get; }

    /// <summary>Variance (σ²) of the flux, in <see cref="Unit"/>².</summary>
    public float[] Variance { get; }

    /// <summary><see cref="MaskBits"/> per pixel; zero is good.</summary>
    public ushort[] Mask { get; }

    /// <summary>The sky subtracted from each pixel (same unit as the flux), or null.</summary>
    public float[]? Sky { get; }

    /// <summary>The flux unit (counts per pixel or a flux density per Ångström).</summary>
    public SpectrumUnit Unit { get; }

    /// <summary>Air or vacuum wavelengths.</summary>
    public WavelengthMedium Medium { get; }

    /// <summary>Object, exposure time and airmass.</summary>
    public SpectrumMetadata Metadata { get; }

    /// <summary>True when pixel <paramref name="i"/> may be used: no unusable mask bit, finite flux and finite non-negative variance.</summary>
    public bool IsUsable(int i)
        => (Mask[i] & (ushort)MaskBits.Unusable) == 0 && float.IsFinite(Flux[i]) && float.IsFinite(Variance[i]) && Variance[i] >= 0;

    /// <summary>
    /// The n + 1 pixel edges in Ångström: mid-way between neighbouring centres, the outer edges as far outside the first and
    /// last centres as the half gap to their neighbour. A one-pixel spectrum has no width: its edges are its centre.
    /// </summary>
    public double[] BinEdges() => WavelengthBins.Edges(Wavelength);

    /// <summary>The width of each pixel in Ångström (differences of <see cref="BinEdges"/>).</summary>
    public double[] PixelWidths() => WavelengthBins.Widths(Wavelength);
}

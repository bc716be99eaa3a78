namespace Parallax.Spectroscopy.FluxCalibration;

/// <summary>
/// Wavelength windows (air, Å) where a standard star's measured flux must not enter the sensitivity fit: the star's own
/// strong absorption lines (hot standards show Balmer and helium lines, which flux tables sample poorly) and the
/// atmosphere's molecular bands (not part of a smooth extinction curve). A table band overlapping a window is left out.
/// Half-widths follow PypeIt's stellar masks (wider for the broad lower Balmer lines); the telluric bands span the
/// band heads to where the absorption falls below about 1%.
/// </summary>
public static class SensitivityMasks
{
    /// <summary>Balmer lines Hα … H12 of hot stars (± 8 to ± 25 Å).</summary>
    public static IReadOnlyList<SpectralWindow> StellarHydrogen { get; } =
    [
        new(6537.8, 6587.8, "H-alpha 6562.8"),
        new(4841.3, 4881.3, "H-beta 4861.3"),
        new(4325.5, 4355.5, "H-gamma 4340.5"),
        new(4086.7, 4116.7, "H-delta 4101.7"),
        new(3960.1, 3980.1, "H-epsilon 3970.1"),
        new(3881.1, 3897.1, "H8 3889.1"),
        new(3827.4, 3843.4, "H9 3835.4"),
        new(3789.9, 3805.9, "H10 3797.9"),
        new(3762.6, 3778.6, "H11 3770.6"),
        new(3742.2, 3758.2, "H12 3750.2"),
    ];

    /// <summary>Helium lines of hot subdwarfs and O/B stars (± 8 to ± 10 Å): He I 4026, 4471, 5876, 6678; He II 4686, 5412.</summary>
    public static IReadOnlyList<SpectralWindow> StellarHelium { get; } =
    [
        new(4018.2, 4034.2, "He I 4026.2"),
        new(4463.5, 4479.5, "He I 4471.5"),
        new(4675.8, 4695.8, "He II 4685.8"),
        new(5403.6, 5419.6, "He II 5411.6"),
        new(5867.6, 5883.6, "He I 5875.6"),
        new(6670.2, 6686.2, "He I 6678.2"),
    ];

    /// <summary>Telluric bands: O₂ B (6860–6960 Å), H₂O (7160–7340 Å), O₂ A (7590–7710 Å), H₂O (8130–8360 Å, 8940–9250 Å).</summary>
    public static IReadOnlyList<SpectralWindow> Telluric { get; } =
    [
        new(6860, 6960, "O2 B band"),
        new(7160, 7340, "H2O 7200"),
        new(7590, 7710, "O2 A band"),
        new(8130, 8360, "H2O 8200"),
        new(8940, 9250, "H2O 9000"),
    ];

    /// <summary>Every window above: hydrogen, helium and telluric.</summary>
    public static IReadOnlyList<SpectralWindow> Default { get; } = [.. StellarHydrogen, .. StellarHelium, .. Telluric];
}

namespace Parallax.Simulation.Models;

/// <summary>The imager's optics: scale, orientation, distortion, PSF shape, pointing, vignetting and dust.</summary>
public sealed record OpticsModel
{
    /// <summary>Pixel scale, arcsec per unbinned pixel.</summary>
    public double PixelScale { get; init; } = 0.4;

    /// <summary>True rotation of the sky on the detector, degrees in the CROTA2 sense; the raw headers claim 0.</summary>
    public double Rotation { get; init; }

    /// <summary>Radial (pincushion if positive) distortion: displacement at the detector corner, unbinned pixels; written as SIP.</summary>
    public double Distortion { get; init; }

    /// <summary>Rms of the true pointing around the commanded RA/DEC on each axis, arcsec.</summary>
    public double PointingError { get; init; } = 5;

    /// <summary>Moffat β of the point-spread function (2.5–4.5 for ground-based seeing).</summary>
    public double PsfBeta { get; init; } = 3;

    /// <summary>Fractional loss of illumination at the detector corners (quadratic in radius; part of the true flat).</summary>
    public double Vignetting { get; init; } = 0.05;

    /// <summary>Fractional linear gradient of the dome-lamp illumination across x (in dome flats, not in the true flat).</summary>
    public double DomeFlatGradient { get; init; } = 0.003;

    /// <summary>Dust donuts.</summary>
    public DustModel Dust { get; init; } = new();

    internal void Validate()
    {
        ModelCheck.Positive(PixelScale, "optics.pixel_scale");
        ModelCheck.Range(Rotation, -180, 180, "optics.rotation");
        ModelCheck.Range(Distortion, -100, 100, "optics.distortion");
        ModelCheck.NonNegative(PointingError, "optics.pointing_error");
        ModelCheck.Range(PsfBeta, 1.5, 20, "optics.psf_beta");
        ModelCheck.Range(Vignetting, 0, 0.9, "optics.vignetting");
        ModelCheck.Range(DomeFlatGradient, -0.5, 0.5, "optics.dome_flat_gradient");
        Dust.Validate();
    }
}

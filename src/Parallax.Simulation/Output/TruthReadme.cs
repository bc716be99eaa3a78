using Parallax.Simulation.Detector;
using Parallax.Simulation.Models;

namespace Parallax.Simulation.Output;

/// <summary>The README written into each truth folder: what every file is, in which units and coordinates.</summary>
internal static class TruthReadme
{
    private const string Common = """
        Coordinates: zero-based pixels, x along NAXIS1, y along NAXIS2. "Trimmed" pixels are the light-sensitive
        area with the overscan removed (raw x minus the overscan columns before the data; see DATASEC in the raw
        headers), at the night's binning.

        | file | what |
        |---|---|
        | `model.yaml` | the instrument model used |
        | `plan.yaml` | the night plan used, with the seed |
        | `frames.csv` | one row per raw frame: type, times, airmass, seeing (arcsec FWHM), commanded and true pointing (degrees), dither (arcsec), sky (electrons per pixel before the flat), cosmic-ray events and pixels, sources on the frame, and each amplifier's bias jitter (ADU, the same in data and overscan) |
        | `bias.fits` | the noise-free bias in ADU on the RAW geometry (overscan included), without the per-frame jitter; BIASSECn/DATASECn as in the raw headers |
        | `dark.fits` | dark current in electrons per second per trimmed pixel, hot pixels included |
        | `defects.csv` | hot pixels (dark current, e/s) and bad columns (relative response), trimmed |
        | `cosmic_rays/<frame>.csv` | charge each cosmic ray left per trimmed pixel (electrons, event number): the cosmic-ray mask of the frame is every listed pixel (or those above a threshold of your choice) |

        Raw values are ADU = bias + jitter + gain⁻¹·(signal) with the non-linearity applied to the signal, read noise
        added, rounded and clipped to 0..SATURATE; signal = Poisson(flat × light + dark × EXPTIME) + cosmic rays, the
        Poisson draw replaced by its normal approximation above 30 electrons.
        """;

    public static string Imaging(InstrumentModel model, DetectorLayout layout) => $"""
        # Truth of a simulated imaging night ({model.Name}, binning {layout.Binning})

        {Common}

        | file | what |
        |---|---|
        | `flat_<filter>.fits` | the true flat field (PRNU × bad columns × vignetting × dust), mean 1, trimmed; dome flats also carry a lamp gradient that is not in it |
        | `dust.csv` | the dust donuts (centre, outer radius in pixels, depth; `window` ones are in every filter) |
        | `catalog.csv` | every source of each field: position (degrees, J2000), magnitude per filter, and Sérsic parameters of galaxies (n, half-light radius in arcsec, axis ratio, position angle from north through east) |
        | `sources/<frame>.csv` | where each source landed in the frame (trimmed x, y by the true WCS) and its total electrons before the flat field (after extinction): magnitude m gives EXPTIME·10^(−0.4 (m + k·AIRMASS − ZP)) |
        | `wcs/<frame>.fits` | the true WCS of the frame (TAN with SIP distortion) on TRIMMED pixels, as a header-only FITS file; the raw headers hold only an approximate TAN on raw pixels |

        Zero points ZP and extinction k per filter are in `model.yaml`. The PSF is a Moffat (β in `model.yaml`) with
        the FWHM in `frames.csv`.
        """;

    public static string Longslit(InstrumentModel model, DetectorLayout layout) => $"""
        # Truth of a simulated long-slit night ({model.Name}, binning {layout.Binning})

        {Common}

        | file | what |
        |---|---|
        | `flat.fits` | the true pixel response (PRNU × bad columns), trimmed; lamp flats also hold the slit illumination and the lamp spectrum |
        | `wavelength_map.fits` | the true wavelength (Angstrom, air) at the centre of every trimmed pixel |
        | `wavelength_solution.yaml` | the exact geometry: trace, line tilt and dispersion polynomial, on unbinned pixels |
        | `arc_lines_<lamp>.csv` | each lamp line in the range: wavelength (from the IRAF list), its column on the trace (unbinned), electrons per second per unbinned slit row (synthetic strength) |
        | `sky_lines.csv` | the same for the night-sky lines |
        | `spectrum_<object>.csv` | the true f_λ (erg s⁻¹ cm⁻² Å⁻¹) of each science target and standard, with the instrument's efficiency and the extinction (mag per airmass) used; detected electrons per Å = f_λ·λ/(hc)·area·efficiency·10^(−0.4·ext·AIRMASS)·slit transmission |
        """;
}

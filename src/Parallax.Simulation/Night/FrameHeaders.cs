using System.Globalization;
using Parallax.Fits.Coordinates;
using Parallax.Fits.Headers;
using Parallax.Simulation.Detector;
using Parallax.Simulation.Imaging;
using Parallax.Simulation.Models;

namespace Parallax.Simulation.Night;

/// <summary>
/// The header a real instrument would write for a frame: observatory, time (DATE-OBS, MJD-OBS, UT, LST),
/// exposure, type, target and pointing (RA/DEC in degrees, HA, AIRMASS), readout (binning, gain, read noise,
/// saturation) with every amplifier's sections and values under its letter (BIASSECA, DATASECA, TRIMSECA,
/// DETSECA, GAINA, RDNOISEA), and for sky images an approximate TAN WCS on raw pixels.
/// </summary>
internal static class FrameHeaders
{
    public static Header Build(InstrumentModel model, DetectorLayout layout, FrameSpec spec, ulong seed)
    {
        var h = new Header();
        h.Set("ORIGIN", "Parallax simulator", "simulated data: truth in the truth/ folder");
        h.Set("OBSERVAT", model.Site.Name, "observatory");
        h.Set("OBS-LAT", model.Site.Latitude, "[deg] latitude, north positive");
        h.Set("OBS-LONG", model.Site.Longitude, "[deg] longitude, east positive");
        h.Set("OBS-ELEV", model.Site.Altitude, "[m] altitude");
        h.Set("TELESCOP", model.Telescope, "telescope");
        h.Set("INSTRUME", model.Instrume, "instrument");
        h.Set("DETECTOR", model.Detector.Name, "detector");
        h.Set("DATE", Iso(spec.EndUtc), "UTC date the file was written");
        h.Set("DATE-OBS", Iso(spec.StartUtc), "UTC start of the exposure");
        h.Set("UT", spec.StartUtc.ToString("HH:mm:ss.fff", CultureInfo.InvariantCulture), "UTC start of the exposure");
        h.Set("MJD-OBS", Math.Round(SkyGeometry.Mjd(spec.StartUtc), 8), "modified Julian date of the start");
        h.Set("EXPTIME", spec.Exptime, "[s] exposure time");
        h.Set("DARKTIME", spec.Exptime, "[s] dark current integration");
        h.Set("IMAGETYP", spec.ImageType, "frame type");
        h.Set("OBJECT", spec.Object, "target or calibration name");
        h.Set("SHUTTER", spec.Kind is FrameKind.Bias or FrameKind.Dark ? "CLOSED" : "OPEN", "shutter during the exposure");
        if (spec.Filter is not null) h.Set("FILTER", spec.Filter, "filter");
        if (spec.FlatKind is not null) h.Set("FLATTYPE", spec.FlatKind.ToUpperInvariant(), "flat-field source");
        if (spec.Lamp is not null) h.Set("LAMP", spec.Lamp, "comparison lamp");
        if (spec.Pointing is { } p)
        {
            h.Set("RA", Math.Round(p.Ra, 6), "[deg] commanded right ascension (J2000)");
            h.Set("DEC", Math.Round(p.Dec, 6), "[deg] commanded declination (J2000)");
            h.Set("EQUINOX", 2000.0, "equinox of RA and DEC");
            h.Set("RADESYS", "ICRS", "reference frame");
            if (spec.Kind is FrameKind.Object or FrameKind.Standard)
            {
                h.Set("LST", Sexagesimal(spec.SiderealTime / 15), "local sidereal time at the start");
                h.Set("HA", Sexagesimal(spec.HourAngle / 15), "hour angle at the start");
            }
            h.Set("AIRMASS", Math.Round(spec.Airmass, 4), "airmass at mid-exposure");
        }
        h.Set("XBINNING", layout.Binning, "binning along x");
        h.Set("YBINNING", layout.Binning, "binning along y");
        h.Set("CCDSUM", $"{layout.Binning} {layout.Binning}", "binning (x y)");
        h.Set("READMODE", "normal", "readout mode");
        h.Set("CCDTEMP", model.Detector.Temperature, "[C] detector temperature");
        h.Set("GAIN", Math.Round(model.Detector.Amplifiers.Average(a => a.Gain), 4), "[e-/ADU] mean gain of the amplifiers");
        h.Set("RDNOISE", Math.Round(model.Detector.Amplifiers.Average(a => a.ReadNoise), 3), "[e-] mean read noise of the amplifiers");
        h.Set("SATURATE", model.Detector.AdcMax, "[ADU] converter saturation");
        h.Set("NAMPS", layout.Amplifiers.Count, "number of amplifiers");
        h.Set("AMPLIST", string.Join(' ', layout.Amplifiers.Select(a => a.Model.Name)), "amplifier names (keyword suffixes)");
        if (layout.DataIsContiguous)
        {
            h.Set("DATASEC", layout.WholeDataSection, "light-sensitive pixels of all amplifiers");
            h.Set("TRIMSEC", layout.WholeDataSection, "section to keep after trimming");
            h.Set("DETSEC", layout.WholeDetectorSection, "detector pixels (unbinned)");
        }
        foreach (var a in layout.Amplifiers)
        {
            var n = a.Model.Name;
            h.Set($"GAIN{n}", a.Model.Gain, $"[e-/ADU] gain of amplifier {n}");
            h.Set($"RDNOISE{n}", a.Model.ReadNoise, $"[e-] read noise of amplifier {n}");
            h.Set($"BIASSEC{n}", layout.BiasSection(a), $"overscan of amplifier {n}");
            h.Set($"DATASEC{n}", layout.DataSection(a), $"data of amplifier {n}");
            h.Set($"TRIMSEC{n}", layout.DataSection(a), $"section to keep, amplifier {n}");
            h.Set($"DETSEC{n}", layout.DetectorSection(a), $"detector pixels of amplifier {n} (unbinned)");
        }
        if (model.Spectrograph is { } s)
        {
            h.Set("DISPAXIS", s.DispersionAxis, "dispersion axis (1 = along x)");
            h.Set("GRATING", s.Grating, "disperser");
            h.Set("SLIT", s.SlitWidth.ToString("0.0#", CultureInfo.InvariantCulture), "[arcsec] slit width");
            h.Set("SLITLEN", s.SlitLength, "[arcsec] slit length");
        }
        else if (spec.Pointing is { } pointing && spec.Kind == FrameKind.Object)
        {
            FrameWcs.Nominal(layout, model.Optics!, pointing).WriteTo(h);
            h.AddComment("Approximate WCS from the telescope pointing: no rotation or distortion terms.");
        }
        h.Set("SIMMODEL", model.Name, "simulator instrument model");
        h.Set("SIMSEED", seed.ToString(CultureInfo.InvariantCulture), "simulator seed");
        h.Set("SIMFRAME", spec.Sequence, "frame number in the simulated night");
        return h;
    }

    /// <summary>ISO 8601 UTC time with milliseconds.</summary>
    public static string Iso(DateTime utc) => utc.ToString("yyyy-MM-dd'T'HH:mm:ss.fff", CultureInfo.InvariantCulture);

    private static string Sexagesimal(double hours)
    {
        var sign = hours < 0 ? "-" : "";
        hours = Math.Abs(hours);
        var total = (long)Math.Round(hours * 36000);
        return $"{sign}{total / 36000:00}:{total / 600 % 60:00}:{total % 600 / 10.0:00.0}";
    }
}

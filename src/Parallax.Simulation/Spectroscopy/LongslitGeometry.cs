using Parallax.Simulation.Models;

namespace Parallax.Simulation.Spectroscopy;

/// <summary>
/// The true 2-D geometry of a long-slit spectrum on unbinned trimmed pixels, exactly as documented on
/// <see cref="SpectrographModel"/>: the trace y_c(x), the line tilt s(x), the dispersion λ(u) along the trace,
/// and from them the wavelength of any pixel and the column of any wavelength on any row.
/// </summary>
internal sealed class LongslitGeometry
{
    private readonly SpectrographModel _s;
    private readonly double _n;
    private readonly double _xc;
    private readonly double _d;

    public LongslitGeometry(SpectrographModel spectrograph, DetectorModel detector)
    {
        _s = spectrograph;
        _n = detector.Columns;
        _xc = (detector.Columns - 1) / 2.0;
        var (l0, l1) = (spectrograph.WavelengthRange[0], spectrograph.WavelengthRange[1]);
        _d = l1 - l0 - spectrograph.DispersionTerms[0] - spectrograph.DispersionTerms[1];
        SlitLengthPixels = spectrograph.SlitLength / spectrograph.SpatialScale;
    }

    /// <summary>Slit length in unbinned pixels.</summary>
    public double SlitLengthPixels { get; }

    /// <summary>Linear dispersion coefficient D of λ(u), Angstrom.</summary>
    public double LinearTerm => _d;

    private double T(double x) => (x - _xc) / (_n / 2);

    /// <summary>Row of the slit centre at column x.</summary>
    public double Trace(double x)
    {
        var t = T(x);
        return _s.TraceCenter + _s.TraceCurvature[0] * t + _s.TraceCurvature[1] * t * t;
    }

    /// <summary>Columns a line moves per row away from the trace, at column x.</summary>
    public double Tilt(double x) => _s.LineTilt[0] + _s.LineTilt[1] * T(x);

    /// <summary>Wavelength (Angstrom) at column u of the trace.</summary>
    public double Wavelength(double u)
    {
        var tau = u / (_n - 1);
        return _s.WavelengthRange[0] + _d * tau + _s.DispersionTerms[0] * tau * tau + _s.DispersionTerms[1] * tau * tau * tau;
    }

    /// <summary>dλ/du, Angstrom per pixel.</summary>
    public double Dispersion(double u)
    {
        var tau = u / (_n - 1);
        return (_d + 2 * _s.DispersionTerms[0] * tau + 3 * _s.DispersionTerms[1] * tau * tau) / (_n - 1);
    }

    /// <summary>The trace column u where λ(u) = <paramref name="wavelength"/> (Newton), or NaN off the dispersion's monotonic range.</summary>
    public double TraceColumn(double wavelength)
    {
        var u = (wavelength - _s.WavelengthRange[0]) / (_s.WavelengthRange[1] - _s.WavelengthRange[0]) * (_n - 1);
        for (var i = 0; i < 50; i++)
        {
            var step = (Wavelength(u) - wavelength) / Dispersion(u);
            u -= step;
            if (Math.Abs(step) < 1e-10) return u;
        }
        return double.NaN;
    }

    /// <summary>The trace column u seen by pixel (x, y): u = x − s(x)(y − y_c(x)).</summary>
    public double TraceColumnAt(double x, double y) => x - Tilt(x) * (y - Trace(x));

    /// <summary>Wavelength seen by pixel (x, y), Angstrom.</summary>
    public double WavelengthAt(double x, double y) => Wavelength(TraceColumnAt(x, y));

    /// <summary>Column on row y where the trace column is u (fixed-point iteration; the tilt and trace vary slowly).</summary>
    public double ColumnOnRow(double u, double y)
    {
        var x = u;
        for (var i = 0; i < 20; i++)
        {
            var next = u + Tilt(x) * (y - Trace(x));
            if (Math.Abs(next - x) < 1e-12) return next;
            x = next;
        }
        return x;
    }
}

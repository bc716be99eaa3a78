namespace Parallax.Simulation.Models;

/// <summary>
/// A long-slit spectrograph. Wavelength runs along x (DISPAXIS = 1) and the slit along y. With
/// t = (x − x_c)/(N/2) the normalised column (x_c the centre column, N the columns), the slit centre follows
/// the trace y_c(x) = y0 + a1·t + a2·t²; a line of one wavelength is tilted, moving s(x) = s0 + s1·t
/// columns per row away from the trace; and the wavelength at column u of the trace is the cubic
/// λ(u) = λ_first + D·τ + c2·τ² + c3·τ³ with τ = u/(N − 1), D chosen so that λ(N − 1) = λ_last.
/// A pixel (x, y) therefore sees λ(x − s(x)·(y − y_c(x))).
/// </summary>
public sealed record SpectrographModel
{
    /// <summary>Disperser name (GRATING).</summary>
    public string Grating { get; init; } = "G600";

    /// <summary>Dispersion axis (DISPAXIS); only 1 (wavelength along x) is simulated.</summary>
    public int DispersionAxis { get; init; } = 1;

    /// <summary>Wavelengths at the first and last column of the trace, Angstrom (air).</summary>
    public double[] WavelengthRange { get; init; } = [3800, 7200];

    /// <summary>[c2, c3]: non-linear terms of the dispersion, Angstrom.</summary>
    public double[] DispersionTerms { get; init; } = [0, 0];

    /// <summary>y0: row of the slit centre at the centre column, unbinned pixels.</summary>
    public double TraceCenter { get; init; } = 256;

    /// <summary>[a1, a2]: linear and quadratic terms of the trace, pixels.</summary>
    public double[] TraceCurvature { get; init; } = [0, 0];

    /// <summary>[s0, s1]: tilt of the lines, columns per row, at the centre and its change to the edge.</summary>
    public double[] LineTilt { get; init; } = [0, 0];

    /// <summary>FWHM of an arc line along x, unbinned pixels (the slit image).</summary>
    public double LineFwhm { get; init; } = 2.5;

    /// <summary>Slit length on the sky, arcsec.</summary>
    public double SlitLength { get; init; } = 120;

    /// <summary>Slit width on the sky, arcsec (SLIT).</summary>
    public double SlitWidth { get; init; } = 1;

    /// <summary>Scale along the slit, arcsec per unbinned pixel.</summary>
    public double SpatialScale { get; init; } = 0.4;

    /// <summary>Fractional change of the slit illumination from one end of the slit to the other.</summary>
    public double SlitIllumination { get; init; } = 0.03;

    /// <summary>Collecting area of the telescope, cm².</summary>
    public double TelescopeArea { get; init; } = 28000;

    /// <summary>Peak efficiency of telescope, spectrograph and detector together (atmosphere excluded).</summary>
    public double ThroughputPeak { get; init; } = 0.25;

    /// <summary>Wavelength of peak efficiency, Angstrom.</summary>
    public double ThroughputCenter { get; init; } = 5500;

    /// <summary>Gaussian width (sigma) of the efficiency curve, Angstrom.</summary>
    public double ThroughputWidth { get; init; } = 2000;

    /// <summary>Extinction curve (IRAF format: Angstrom, magnitudes per airmass), relative to the model file.</summary>
    public string Extinction { get; init; } = "";

    /// <summary>Colour temperature of the quartz flat lamp, K.</summary>
    public double FlatLampTemperature { get; init; } = 3200;

    /// <summary>Flat-lamp electrons per second per unbinned pixel at the brightest wavelength.</summary>
    public double FlatLampRate { get; init; } = 3000;

    /// <summary>Comparison lamps.</summary>
    public IReadOnlyList<LampModel> Lamps { get; init; } = [];

    /// <summary>Spectrophotometric standards.</summary>
    public IReadOnlyList<StandardStarModel> Standards { get; init; } = [];

    /// <summary>Night sky.</summary>
    public NightSkyModel Sky { get; init; } = new();

    internal void Validate(DetectorModel detector)
    {
        if (DispersionAxis != 1) throw new InvalidModelException("spectrograph.dispersion_axis: only 1 (wavelength along x) is simulated");
        ModelCheck.Pair(WavelengthRange, "spectrograph.wavelength_range", positive: true);
        if (DispersionTerms is not { Length: 2 }) throw new InvalidModelException("spectrograph.dispersion_terms must be [c2, c3]");
        if (TraceCurvature is not { Length: 2 }) throw new InvalidModelException("spectrograph.trace_curvature must be [a1, a2]");
        if (LineTilt is not { Length: 2 }) throw new InvalidModelException("spectrograph.line_tilt must be [s0, s1]");
        ModelCheck.Range(TraceCenter, 0, detector.Rows - 1, "spectrograph.trace_center");
        ModelCheck.Positive(LineFwhm, "spectrograph.line_fwhm");
        ModelCheck.Positive(SlitLength, "spectrograph.slit_length");
        ModelCheck.Positive(SlitWidth, "spectrograph.slit_width");
        ModelCheck.Positive(SpatialScale, "spectrograph.spatial_scale");
        ModelCheck.Positive(TelescopeArea, "spectrograph.telescope_area");
        ModelCheck.Range(ThroughputPeak, 0, 1, "spectrograph.throughput_peak");
        ModelCheck.Positive(ThroughputWidth, "spectrograph.throughput_width");
        ModelCheck.Positive(FlatLampTemperature, "spectrograph.flat_lamp_temperature");
        ModelCheck.Positive(FlatLampRate, "spectrograph.flat_lamp_rate");
        ModelCheck.NotEmpty(Extinction, "spectrograph.extinction");
        var halfSlit = SlitLength / SpatialScale / 2;
        if (TraceCenter - halfSlit - Math.Abs(TraceCurvature[0]) - Math.Abs(TraceCurvature[1]) < 0 || TraceCenter + halfSlit + Math.Abs(TraceCurvature[0]) + Math.Abs(TraceCurvature[1]) > detector.Rows - 1)
            throw new InvalidModelException("spectrograph: the slit (trace_center ± slit_length/2, with the curvature) does not fit on the detector rows");
        foreach (var l in Lamps) l.Validate();
        foreach (var s in Standards) s.Validate();
        Sky.Validate();
    }
}

namespace Parallax.Spectroscopy.FluxCalibration;

/// <summary>
/// An atmospheric extinction curve k(λ) in magnitudes per airmass, tabulated against wavelength (Å) and interpolated
/// linearly; beyond the table's ends it holds the end values (as the simulator and IRAF's <c>standard</c> do for
/// wavelengths just outside). Light is dimmed by 10^(−0.4 k(λ) X) at airmass X.
/// </summary>
public sealed class ExtinctionCurve
{
    private readonly double[] _wavelength;
    private readonly double[] _k;

    /// <summary>Wraps a table (sorted here).</summary>
    /// <exception cref="ArgumentException">No point, non-finite values, or a wavelength repeated.</exception>
    public ExtinctionCurve(IEnumerable<(double Wavelength, double MagnitudesPerAirmass)> points)
    {
        ArgumentNullException.ThrowIfNull(points);
        var sorted = points.OrderBy(p => p.Wavelength).ToArray();
        if (sorted.Length == 0) throw new ArgumentException("an extinction curve needs at least one point", nameof(points));
        for (var i = 0; i < sorted.Length; i++)
            if (!double.IsFinite(sorted[i].Wavelength) || !double.IsFinite(sorted[i].MagnitudesPerAirmass) || (i > 0 && !(sorted[i].Wavelength > sorted[i - 1].Wavelength)))
                throw new ArgumentException($"extinction point {i} at {sorted[i].Wavelength} Å is not finite or repeats a wavelength", nameof(points));
        _wavelength = [.. sorted.Select(p => p.Wavelength)];
        _k = [.. sorted.Select(p => p.MagnitudesPerAirmass)];
    }

    /// <summary>The tabulated wavelengths, Å.</summary>
    public IReadOnlyList<double> Wavelengths => _wavelength;

    /// <summary>The tabulated extinction, mag per airmass.</summary>
    public IReadOnlyList<double> Values => _k;

    /// <summary>k(λ) in magnitudes per airmass; NaN for a NaN wavelength.</summary>
    public double this[double wavelength]
    {
        get
        {
            if (double.IsNaN(wavelength)) return double.NaN;
            if (wavelength <= _wavelength[0]) return _k[0];
            if (wavelength >= _wavelength[^1]) return _k[^1];
            var i = Array.BinarySearch(_wavelength, wavelength);
            if (i >= 0) return _k[i];
            i = ~i;
            var f = (wavelength - _wavelength[i - 1]) / (_wavelength[i] - _wavelength[i - 1]);
            return _k[i - 1] + f * (_k[i] - _k[i - 1]);
        }
    }

    /// <summary>k(λ) at every wavelength of <paramref name="wavelengths"/> (best ascending: the table is then walked once), mag per airmass.</summary>
    /// <exception cref="ArgumentException">The spans differ in length.</exception>
    public void Evaluate(ReadOnlySpan<double> wavelengths, Span<double> result)
    {
        if (wavelengths.Length != result.Length) throw new ArgumentException($"{wavelengths.Length} wavelengths but room for {result.Length} values", nameof(result));
        var j = 0;
        var last = _wavelength.Length - 1;
        for (var i = 0; i < wavelengths.Length; i++)
        {
            var w = wavelengths[i];
            if (double.IsNaN(w)) { result[i] = double.NaN; continue; }
            if (w <= _wavelength[0]) { result[i] = _k[0]; continue; }
            if (w >= _wavelength[last]) { result[i] = _k[last]; continue; }
            if (j > 0 && w < _wavelength[j - 1]) j = 0; // not ascending: start the walk again
            while (_wavelength[j] < w) j++;
            var f = (w - _wavelength[j - 1]) / (_wavelength[j] - _wavelength[j - 1]);
            result[i] = _k[j - 1] + f * (_k[j] - _k[j - 1]);
        }
    }

    /// <summary>The factor 10^(0.4 k(λ) X) (≥ 1 for positive k) that restores light lost at airmass X.</summary>
    public double Correction(double wavelength, double airmass) => Math.Pow(10, 0.4 * this[wavelength] * airmass);

    /// <summary>Parses a two-column table (wavelength Å, mag per airmass), whitespace-separated, '#' comments (IRAF <c>onedstds/*extinct.dat</c>).</summary>
    /// <exception cref="FormatException">A line with fewer than two numbers; the message names the source and line.</exception>
    public static ExtinctionCurve Parse(string text, string source = "extinction curve")
    {
        ArgumentNullException.ThrowIfNull(text);
        var points = new List<(double, double)>();
        foreach (var (line, f) in TextTables.Rows(text, [' ', '\t', ',']))
        {
            if (f.Length < 2) throw new FormatException($"{source}: line {line}: expected wavelength and extinction, found {f.Length} field(s)");
            points.Add((TextTables.Number(f[0], source, line, "wavelength"), TextTables.Number(f[1], source, line, "extinction")));
        }
        if (points.Count == 0) throw new FormatException($"{source}: no data line");
        return new ExtinctionCurve(points);
    }

    /// <summary>Reads a file (see <see cref="Parse"/>).</summary>
    public static ExtinctionCurve Read(string path) => Parse(File.ReadAllText(path), path);
}

namespace Parallax.Spectroscopy.FluxCalibration;

/// <summary>
/// A spectrophotometric standard star's fluxes in bands: f_λ (erg s⁻¹ cm⁻² Å⁻¹) averaged over a bandpass centred on each
/// wavelength (Å), sorted by wavelength. Read from IRAF's onedstds files (wavelength, AB magnitude, bandpass) or a CSV.
/// </summary>
public sealed class FluxStandardTable
{
    /// <summary>Wraps points (sorted here by wavelength).</summary>
    /// <param name="name">The star's name (from the file's first comment for IRAF tables), or null.</param>
    /// <param name="points">The bands; at least one, finite wavelengths, positive f_λ, bandpass ≥ 0.</param>
    /// <exception cref="ArgumentException">No point, or a point out of range.</exception>
    public FluxStandardTable(string? name, IEnumerable<FluxStandardPoint> points)
    {
        ArgumentNullException.ThrowIfNull(points);
        var sorted = points.OrderBy(p => p.Wavelength).ToArray();
        if (sorted.Length == 0) throw new ArgumentException("a flux table needs at least one point", nameof(points));
        foreach (var p in sorted)
            if (!(p.Wavelength > 0) || !double.IsFinite(p.Wavelength) || !(p.Flambda > 0) || !double.IsFinite(p.Flambda) || !(p.Bandpass >= 0) || !double.IsFinite(p.Bandpass))
                throw new ArgumentException($"flux table point at {p.Wavelength} Å (f_λ {p.Flambda}, bandpass {p.Bandpass} Å) is out of range", nameof(points));
        Name = name;
        Points = sorted;
    }

    /// <summary>The star's name, or null.</summary>
    public string? Name { get; }

    /// <summary>The bands, ascending in wavelength.</summary>
    public IReadOnlyList<FluxStandardPoint> Points { get; }

    /// <summary>
    /// Parses an IRAF onedstds table (<c>noao$lib/onedstds/*/name.dat</c>): per line wavelength (Å), AB magnitude and bandpass
    /// (Å), whitespace-separated; '#' lines are comments, the first one naming the star.
    /// </summary>
    /// <param name="text">The file's text.</param>
    /// <param name="source">A name for messages (the path).</param>
    /// <exception cref="FormatException">A line with fewer than three numbers; the message names the source and line.</exception>
    public static FluxStandardTable ParseIraf(string text, string source = "flux table")
    {
        ArgumentNullException.ThrowIfNull(text);
        var name = text.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.StartsWith('#'))?.TrimStart('#').Trim();
        var points = new List<FluxStandardPoint>();
        foreach (var (line, f) in TextTables.Rows(text, [' ', '\t']))
        {
            if (f.Length < 3) throw new FormatException($"{source}: line {line}: expected wavelength, AB magnitude and bandpass, found {f.Length} field(s)");
            var w = TextTables.Number(f[0], source, line, "wavelength");
            var m = TextTables.Number(f[1], source, line, "AB magnitude");
            var b = TextTables.Number(f[2], source, line, "bandpass");
            points.Add(new FluxStandardPoint(w, AbMagnitudes.ToFlambda(m, w), b));
        }
        if (points.Count == 0) throw new FormatException($"{source}: no data line");
        return new FluxStandardTable(string.IsNullOrEmpty(name) ? null : name, points);
    }

    /// <summary>Reads an IRAF onedstds file (see <see cref="ParseIraf"/>).</summary>
    public static FluxStandardTable ReadIraf(string path) => ParseIraf(File.ReadAllText(path), path);

    /// <summary>
    /// Parses a comma-separated table with a header row. Columns, by header name (case-insensitive, any order, others
    /// ignored): <c>wavelength</c> (or <c>wave</c>, <c>lambda</c>; Å); the flux as <c>flambda</c> or <c>flux</c>
    /// (erg s⁻¹ cm⁻² Å⁻¹) or <c>mag</c>/<c>ab_mag</c>/<c>abmag</c> (AB magnitude); optionally <c>bandpass</c> (or
    /// <c>width</c>; Å), else <paramref name="bandpass"/> for every row. The simulator's truth files
    /// (spectrum_&lt;object&gt;.csv: wavelength, flambda, ...) read as they are.
    /// </summary>
    /// <exception cref="FormatException">No header, no wavelength or flux column, or a non-numeric value; the message names the source and line.</exception>
    public static FluxStandardTable ParseCsv(string text, string source = "flux table", double bandpass = 0, string? name = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        int? wave = null, flux = null, mag = null, band = null;
        var points = new List<FluxStandardPoint>();
        var header = true;
        foreach (var (line, f) in TextTables.Rows(text, [',']))
        {
            if (header)
            {
                for (var i = 0; i < f.Length; i++)
                    switch (f[i].ToLowerInvariant())
                    {
                        case "wavelength" or "wave" or "lambda": wave ??= i; break;
                        case "flambda" or "flux": flux ??= i; break;
                        case "mag" or "ab_mag" or "abmag": mag ??= i; break;
                        case "bandpass" or "width": band ??= i; break;
                    }
                if (wave is null || (flux is null && mag is null))
                    throw new FormatException($"{source}: line {line}: the header needs a wavelength column and a flambda/flux or mag column, found '{string.Join(",", f)}'");
                header = false;
                continue;
            }
            var needed = Math.Max(wave!.Value, Math.Max(flux ?? mag!.Value, band ?? 0));
            if (f.Length <= needed) throw new FormatException($"{source}: line {line}: {f.Length} field(s), expected at least {needed + 1}");
            var w = TextTables.Number(f[wave.Value], source, line, "wavelength");
            var fl = flux is { } fi ? TextTables.Number(f[fi], source, line, "flux") : AbMagnitudes.ToFlambda(TextTables.Number(f[mag!.Value], source, line, "magnitude"), w);
            var b = band is { } bi ? TextTables.Number(f[bi], source, line, "bandpass") : bandpass;
            points.Add(new FluxStandardPoint(w, fl, b));
        }
        if (points.Count == 0) throw new FormatException($"{source}: no data line");
        return new FluxStandardTable(name, points);
    }

    /// <summary>Reads a CSV file (see <see cref="ParseCsv"/>).</summary>
    public static FluxStandardTable ReadCsv(string path, double bandpass = 0, string? name = null) => ParseCsv(File.ReadAllText(path), path, bandpass, name);
}

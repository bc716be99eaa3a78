using Parallax.Fits;
using Parallax.Fits.Headers;
using Parallax.Fits.Tables;

namespace Parallax.Spectroscopy.Spectra;

/// <summary>
/// Maps a <see cref="Spectrum1D"/> to and from a FITS binary table, EXTNAME <c>SPEC1D</c>, one row per pixel:
/// <list type="table">
/// <item><term>WAVE</term><description>double, TUNIT <c>Angstrom</c>: pixel centre (air or vacuum as AIRORVAC says).</description></item>
/// <item><term>FLUX</term><description>float, TUNIT <c>electron</c>, <c>electron/s</c> or <c>erg s-1 cm-2 Angstrom-1</c>.</description></item>
/// <item><term>ERR</term><description>float, same unit: σ = √variance (NaN where the variance is unknown). σ rather than
/// inverse variance because a noise-free model (σ = 0) and an unknown value (NaN) both survive the round trip.</description></item>
/// <item><term>MASK</term><description>unsigned 16-bit (I with TZERO 32768): the <c>MaskBits</c> of the pixel, 0 = good.</description></item>
/// <item><term>SKY</term><description>float, flux unit: the sky subtracted; only when the spectrum records one.</description></item>
/// </list>
/// Header: AIRORVAC (<c>air</c> or <c>vac</c>), OBJECT, EXPTIME (s) and AIRMASS when known.
/// PypeIt's spec1d columns correspond as OPT_WAVE → WAVE, OPT_COUNTS (or OPT_FLAM once fluxed) → FLUX,
/// OPT_COUNTS_IVAR (OPT_FLAM_IVAR) → 1/ERR², OPT_MASK (true = good) → MASK == 0, OPT_COUNTS_SKY → SKY. On reading, an
/// IVAR column is accepted in place of ERR (IVAR ≤ 0 reads as an unknown variance, NaN).
/// Like <c>SourceCatalogFits</c> it works on a writer or file the caller opened.
/// </summary>
public static class Spectrum1DFits
{
    /// <summary>EXTNAME of the spectrum table.</summary>
    public const string Extension = "SPEC1D";

    /// <summary>TUNIT of the WAVE column.</summary>
    public const string WavelengthUnit = "Angstrom";

    /// <summary>The TUNIT string of a flux unit.</summary>
    public static string UnitName(SpectrumUnit unit) => unit switch
    {
        SpectrumUnit.Electron => "electron",
        SpectrumUnit.ElectronPerSecond => "electron/s",
        SpectrumUnit.FluxDensity => "erg s-1 cm-2 Angstrom-1",
        _ => throw new ArgumentOutOfRangeException(nameof(unit), unit, "unknown spectrum unit"),
    };

    /// <summary>
    /// Parses a TUNIT string into a flux unit: <c>electron</c> (or <c>e-</c>), <c>electron/s</c> (or <c>electron s-1</c>),
    /// any unit starting with <c>erg</c> (erg/s/cm2/Angstrom and its FITS spellings). Null when not one of these.
    /// </summary>
    public static SpectrumUnit? ParseUnit(string? text)
    {
        var t = (text ?? "").Trim().Replace(" ", "", StringComparison.Ordinal).ToLowerInvariant();
        return t switch
        {
            "electron" or "electrons" or "e-" => SpectrumUnit.Electron,
            "electron/s" or "electrons/s" or "electrons-1" or "e-/s" => SpectrumUnit.ElectronPerSecond,
            _ when t.StartsWith("erg", StringComparison.Ordinal) => SpectrumUnit.FluxDensity,
            _ => null,
        };
    }

    /// <summary>Lays the spectrum out as a binary table with its header cards (nothing is written).</summary>
    /// <param name="spectrum">The spectrum.</param>
    /// <param name="extension">EXTNAME to use; <see cref="Extension"/> by default.</param>
    public static Spectrum1DTable ToTable(Spectrum1D spectrum, string extension = Extension)
    {
        ArgumentNullException.ThrowIfNull(spectrum);
        var n = spectrum.Length;
        var unit = UnitName(spectrum.Unit);
        var table = new BinaryTable(n);
        var err = new float[n];
        for (var i = 0; i < n; i++)
        {
            var v = spectrum.Variance[i];
            err[i] = float.IsFinite(v) && v >= 0 ? (float)Math.Sqrt(v) : float.NaN;
        }
        table.AddColumn("WAVE", (double[])spectrum.Wavelength.Clone(), options: new ColumnOptions { Unit = WavelengthUnit });
        table.AddColumn("FLUX", (float[])spectrum.Flux.Clone(), options: new ColumnOptions { Unit = unit });
        table.AddColumn("ERR", err, options: new ColumnOptions { Unit = unit });
        table.AddColumn("MASK", (ushort[])spectrum.Mask.Clone(), options: new ColumnOptions { Unit = "" });
        if (spectrum.Sky is { } sky) table.AddColumn("SKY", (float[])sky.Clone(), options: new ColumnOptions { Unit = unit });
        var h = new Header();
        h.Add(HeaderCard.Create("EXTNAME", extension, "one-dimensional spectrum"));
        h.Add(HeaderCard.Create("AIRORVAC", spectrum.Medium == WavelengthMedium.Air ? "air" : "vac", "wavelengths in air or vacuum"));
        h.Add(HeaderCard.Create("FLUXUNIT", unit, "unit of FLUX, ERR and SKY"));
        h.Add(HeaderCard.Create("ERRTYPE", "SIGMA", "ERR is one standard deviation (sqrt of variance)"));
        h.Add(HeaderCard.Create("MASKTYPE", "MaskBits", "MASK holds Parallax data-quality bits; 0 = good"));
        var meta = spectrum.Metadata;
        if (meta.Object is { } obj) h.Add(HeaderCard.Create("OBJECT", obj, "target name"));
        if (double.IsFinite(meta.ExposureTime)) h.Add(HeaderCard.Create("EXPTIME", meta.ExposureTime, "[s] exposure time"));
        if (double.IsFinite(meta.Airmass)) h.Add(HeaderCard.Create("AIRMASS", meta.Airmass, "airmass at mid-exposure"));
        return new Spectrum1DTable(extension, table, h);
    }

    /// <summary>
    /// Appends the spectrum as a binary table (an empty primary HDU first when nothing has been written).
    /// <paramref name="extra"/> cards (provenance, parameters) go into the table header unless it already holds the keyword.
    /// </summary>
    public static void Write(FitsWriter writer, Spectrum1D spectrum, Header? extra = null, string extension = Extension)
    {
        ArgumentNullException.ThrowIfNull(writer);
        var laid = ToTable(spectrum, extension);
        if (writer.HduCount == 0) writer.WriteEmpty(new Header());
        if (extra is not null)
            foreach (var card in extra)
                if (card.IsCommentary || !laid.Header.Contains(card.Keyword)) laid.Header.Add(card);
        writer.WriteTable(laid.Table, laid.Header);
    }

    /// <summary>Reads the <c>SPEC1D</c> table (or the first binary table) of a file.</summary>
    /// <exception cref="FitsFormatException">No binary table, a required column (WAVE, FLUX) missing, an unknown flux unit, or wavelengths not ascending.</exception>
    public static Spectrum1D Read(FitsFile file, string extension = Extension)
    {
        ArgumentNullException.ThrowIfNull(file);
        var hdu = file.Find(extension) as BinaryTableHdu ?? file.Hdus.OfType<BinaryTableHdu>().FirstOrDefault()
            ?? throw new FitsFormatException($"has no binary table with a spectrum ({extension})", file.FileName);
        return Read(hdu);
    }

    /// <summary>Reads a spectrum table HDU.</summary>
    /// <exception cref="FitsFormatException">A required column (WAVE, FLUX) missing, an unknown flux unit, or wavelengths not ascending.</exception>
    public static Spectrum1D Read(BinaryTableHdu hdu)
    {
        ArgumentNullException.ThrowIfNull(hdu);
        int Column(string name) => hdu.TryGetColumnIndex(name, out var i) ? i
            : throw FitsFormatException.At(hdu.Location, $"spectrum column {name} is missing");
        var wave = hdu.ReadDoubles(Column("WAVE"));
        var fluxColumn = Column("FLUX");
        var unitText = hdu.Columns[fluxColumn].Unit;
        var unit = ParseUnit(unitText) ?? throw FitsFormatException.At(hdu.Location, $"FLUX unit '{unitText}' is not electron, electron/s or erg s-1 cm-2 Angstrom-1", "TUNIT" + (fluxColumn + 1));
        var flux = Floats(hdu.ReadDoubles(fluxColumn));
        var n = wave.Length;
        var variance = new float[n];
        if (hdu.TryGetColumnIndex("ERR", out var e))
        {
            var err = hdu.ReadDoubles(e);
            for (var i = 0; i < n; i++) variance[i] = (float)(err[i] * err[i]);
        }
        else if (hdu.TryGetColumnIndex("IVAR", out var iv))
        {
            var ivar = hdu.ReadDoubles(iv);
            for (var i = 0; i < n; i++) variance[i] = ivar[i] > 0 && double.IsFinite(ivar[i]) ? (float)(1 / ivar[i]) : float.NaN;
        }
        var mask = new ushort[n];
        if (hdu.TryGetColumnIndex("MASK", out var m))
        {
            var bits = hdu.ReadDoubles(m);
            for (var i = 0; i < n; i++) mask[i] = (ushort)bits[i];
        }
        var sky = hdu.TryGetColumnIndex("SKY", out var s) ? Floats(hdu.ReadDoubles(s)) : null;
        var h = hdu.Header;
        var medium = (h.GetString("AIRORVAC", "air") ?? "air").Trim().ToLowerInvariant() switch
        {
            "air" => WavelengthMedium.Air,
            "vac" or "vacuum" => WavelengthMedium.Vacuum,
            var other => throw FitsFormatException.At(hdu.Location, $"AIRORVAC is '{other}', not 'air' or 'vac'", "AIRORVAC"),
        };
        var meta = new SpectrumMetadata
        {
            Object = h.GetString("OBJECT", null)?.Trim(),
            ExposureTime = h.GetDouble("EXPTIME", double.NaN),
            Airmass = h.GetDouble("AIRMASS", double.NaN),
        };
        try
        {
            return new Spectrum1D(wave, flux, variance, mask, sky, unit, medium, meta);
        }
        catch (ArgumentException ex)
        {
            throw FitsFormatException.At(hdu.Location, ex.Message, inner: ex);
        }
    }

    private static float[] Floats(double[] values)
    {
        var f = new float[values.Length];
        for (var i = 0; i < f.Length; i++) f[i] = (float)values[i];
        return f;
    }
}

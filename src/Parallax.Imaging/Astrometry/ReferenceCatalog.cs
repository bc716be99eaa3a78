namespace Parallax.Imaging.Astrometry;

/// <summary>
/// A user-supplied astrometric and photometric reference catalog, column by column: positions in degrees
/// (J2000 / ICRS) at <see cref="Epoch"/>, optional proper motions in mas/yr, and magnitudes per band. Immutable.
/// </summary>
/// <remarks>
/// NaN marks a missing value: a star without a magnitude in a band has NaN there, a star without a proper motion
/// has NaN (treated as 0 by <see cref="PositionAt"/>). Band names compare case-insensitively.
/// </remarks>
public sealed class ReferenceCatalog
{
    private readonly Dictionary<string, double[]> _bands;

    /// <summary>Builds a catalog from columns of equal length.</summary>
    /// <param name="ra">Right ascension, degrees.</param>
    /// <param name="dec">Declination, degrees.</param>
    /// <param name="bands">Magnitude columns by band name (case-insensitive), NaN where missing.</param>
    /// <param name="pmRa">Proper motion in RA (μα·cos δ, as Gaia's pmra), mas/yr, NaN where unknown; null when the catalog has none.</param>
    /// <param name="pmDec">Proper motion in Dec, mas/yr; null when the catalog has none.</param>
    /// <param name="epoch">Julian year of the positions (Gaia DR3: 2016.0).</param>
    /// <exception cref="ArgumentException">Columns of different lengths.</exception>
    public ReferenceCatalog(double[] ra, double[] dec, IReadOnlyDictionary<string, double[]>? bands = null,
        double[]? pmRa = null, double[]? pmDec = null, double epoch = 2000.0)
    {
        ArgumentNullException.ThrowIfNull(ra);
        ArgumentNullException.ThrowIfNull(dec);
        if (ra.Length != dec.Length) throw new ArgumentException($"ra has {ra.Length} rows, dec {dec.Length}");
        if ((pmRa is null) != (pmDec is null)) throw new ArgumentException("give both proper-motion columns or neither");
        if (pmRa is not null && (pmRa.Length != ra.Length || pmDec!.Length != ra.Length)) throw new ArgumentException("proper-motion columns differ in length from ra");
        _bands = new Dictionary<string, double[]>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, values) in bands ?? new Dictionary<string, double[]>())
        {
            if (values.Length != ra.Length) throw new ArgumentException($"band {name} has {values.Length} rows, ra {ra.Length}");
            _bands[name] = values;
        }
        Ra = ra;
        Dec = dec;
        PmRa = pmRa;
        PmDec = pmDec;
        Epoch = epoch;
    }

    /// <summary>Number of stars.</summary>
    public int Count => Ra.Length;

    /// <summary>Right ascension, degrees, at <see cref="Epoch"/>.</summary>
    public double[] Ra { get; }

    /// <summary>Declination, degrees, at <see cref="Epoch"/>.</summary>
    public double[] Dec { get; }

    /// <summary>Proper motion in RA (μα·cos δ), mas/yr; NaN where unknown; null when the catalog has no proper motions.</summary>
    public double[]? PmRa { get; }

    /// <summary>Proper motion in Dec, mas/yr; NaN where unknown; null when the catalog has no proper motions.</summary>
    public double[]? PmDec { get; }

    /// <summary>Julian year of the positions.</summary>
    public double Epoch { get; }

    /// <summary>The band names, in the order they were given.</summary>
    public IReadOnlyCollection<string> Bands => _bands.Keys;

    /// <summary>True when the catalog has a magnitude column of that name (case-insensitive).</summary>
    public bool HasBand(string band) => _bands.ContainsKey(band);

    /// <summary>The magnitudes of a band (NaN where missing), or null when the catalog has no such band.</summary>
    public double[]? Magnitudes(string band) => _bands.GetValueOrDefault(band);

    /// <summary>
    /// The position of star <paramref name="index"/> at Julian year <paramref name="epoch"/>, proper motion applied
    /// linearly on the tangent plane (good to far below a milliarcsecond over decades away from the poles); a NaN
    /// proper motion counts as 0. Degrees.
    /// </summary>
    public (double Ra, double Dec) PositionAt(int index, double epoch)
    {
        var ra = Ra[index];
        var dec = Dec[index];
        if (PmRa is null || !double.IsFinite(epoch)) return (ra, dec);
        var years = epoch - Epoch;
        var pmRa = double.IsFinite(PmRa[index]) ? PmRa[index] : 0.0;
        var pmDec = double.IsFinite(PmDec![index]) ? PmDec[index] : 0.0;
        const double MasToDeg = 1.0 / 3_600_000.0;
        var cosDec = Math.Cos(dec * Math.PI / 180.0);
        var newDec = dec + pmDec * years * MasToDeg;
        var newRa = cosDec > 1e-9 ? ra + pmRa * years * MasToDeg / cosDec : ra;
        return (newRa, newDec);
    }
}

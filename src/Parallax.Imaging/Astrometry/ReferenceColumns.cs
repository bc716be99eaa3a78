namespace Parallax.Imaging.Astrometry;

/// <summary>
/// How the parsers turn named columns into a <see cref="ReferenceCatalog"/>: Gaia's names (ra, dec, pmra, pmdec,
/// ref_epoch, phot_*_mean_mag), compared case-insensitively; every other numeric column becomes a band.
/// </summary>
internal static class ReferenceColumns
{
    /// <summary>Gaia DR3's reference epoch, used when proper motions come without a ref_epoch / epoch column.</summary>
    public const double GaiaEpoch = 2016.0;

    private static readonly HashSet<string> NotBands = new(StringComparer.OrdinalIgnoreCase)
    {
        "ra", "dec", "pmra", "pmdec", "ref_epoch", "epoch", "id", "source_id", "ra_error", "dec_error", "pmra_error", "pmdec_error", "parallax", "parallax_error",
    };

    /// <summary>Builds the catalog from numeric columns (name → values); throws naming the source and column when ra or dec is missing or out of range.</summary>
    public static ReferenceCatalog Build(string source, IReadOnlyList<(string Name, double[] Values)> columns)
    {
        double[]? Find(string name) => columns.FirstOrDefault(c => string.Equals(c.Name, name, StringComparison.OrdinalIgnoreCase)).Values;
        var ra = Find("ra") ?? throw new ReferenceCatalogException($"{source}: no column 'ra' (right ascension, degrees) among {Names(columns)}");
        var dec = Find("dec") ?? throw new ReferenceCatalogException($"{source}: no column 'dec' (declination, degrees) among {Names(columns)}");
        for (var i = 0; i < ra.Length; i++)
        {
            if (!double.IsFinite(ra[i])) throw new ReferenceCatalogException($"{source}: column 'ra' row {i + 1} is empty or not a number");
            if (!(Math.Abs(dec[i]) <= 90)) throw new ReferenceCatalogException($"{source}: column 'dec' row {i + 1} is {dec[i]}, not a declination in [-90, 90] degrees");
        }
        var pmRa = Find("pmra");
        var pmDec = Find("pmdec");
        if ((pmRa is null) != (pmDec is null))
            throw new ReferenceCatalogException($"{source}: column '{(pmRa is null ? "pmra" : "pmdec")}' is missing while '{(pmRa is null ? "pmdec" : "pmra")}' is present");
        var epochColumn = Find("ref_epoch") ?? Find("epoch");
        var epoch = pmRa is null ? 2000.0 : epochColumn?.FirstOrDefault(double.IsFinite, GaiaEpoch) ?? GaiaEpoch;
        var bands = new Dictionary<string, double[]>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, values) in columns)
        {
            if (NotBands.Contains(name) || bands.ContainsKey(name)) continue;
            bands[name] = values;
        }
        return new ReferenceCatalog(ra, dec, bands, pmRa, pmDec, epoch);
    }

    private static string Names(IReadOnlyList<(string Name, double[] Values)> columns)
        => columns.Count == 0 ? "no numeric columns" : "the numeric columns " + string.Join(", ", columns.Select(c => c.Name));
}

namespace Parallax.Pipeline.Instruments;

/// <summary>
/// The instrument file's optional <c>photometry:</c> section: which reference-catalog column holds each filter's
/// magnitudes, and the two columns whose difference is the colour of a colour term, e.g.
/// <c>photometry: {bands: {V: V, R: R, G: phot_g_mean_mag}, colour: [B, V]}</c>.
/// </summary>
public sealed record PhotometrySettings
{
    /// <summary>Filter name (FILTER keyword value) → catalog column; filters not listed use the column named like the filter.</summary>
    public IReadOnlyDictionary<string, string> Bands { get; init; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

    /// <summary>The colour's two columns (first minus second), or null for no colour term.</summary>
    public (string First, string Second)? Colour { get; init; }

    /// <summary>The catalog column for a filter: the mapped one, else the filter's own name.</summary>
    public string BandFor(string filter) => Bands.TryGetValue(filter, out var band) ? band : filter;
}

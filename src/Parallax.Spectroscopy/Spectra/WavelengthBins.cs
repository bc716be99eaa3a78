namespace Parallax.Spectroscopy.Spectra;

/// <summary>Pixel edges and widths of a spectrum sampled at ascending centres (see <see cref="Spectrum1D.BinEdges"/>).</summary>
public static class WavelengthBins
{
    /// <summary>The n + 1 edges of pixels centred on <paramref name="centres"/> (ascending), Ångström.</summary>
    public static double[] Edges(ReadOnlySpan<double> centres)
    {
        var n = centres.Length;
        var edges = new double[n + 1];
        if (n == 0) return edges;
        if (n == 1)
        {
            edges[0] = edges[1] = centres[0];
            return edges;
        }
        for (var i = 1; i < n; i++) edges[i] = 0.5 * (centres[i - 1] + centres[i]);
        edges[0] = centres[0] - 0.5 * (centres[1] - centres[0]);
        edges[n] = centres[n - 1] + 0.5 * (centres[n - 1] - centres[n - 2]);
        return edges;
    }

    /// <summary>The widths of pixels centred on <paramref name="centres"/> (ascending), Ångström.</summary>
    public static double[] Widths(ReadOnlySpan<double> centres)
    {
        var edges = Edges(centres);
        var widths = new double[centres.Length];
        for (var i = 0; i < widths.Length; i++) widths[i] = edges[i + 1] - edges[i];
        return widths;
    }
}

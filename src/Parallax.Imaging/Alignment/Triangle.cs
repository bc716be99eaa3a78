namespace Parallax.Imaging.Alignment;

/// <summary>
/// A triangle of three stars with its similarity invariants (Groth 1986; Valdes et al. 1995; astroalign): with sides
/// L0 ≤ L1 ≤ L2, the ratios L0/L2 and L1/L2 do not change under shift, rotation, scale or mirror. Vertices are
/// ordered by the side opposite them (shortest first), so matched triangles give three ordered point pairs.
/// </summary>
internal readonly struct Triangle
{
    public Triangle(int p0, int p1, int p2, double r0, double r1)
    {
        P0 = p0; P1 = p1; P2 = p2; R0 = r0; R1 = r1;
    }

    /// <summary>Vertex opposite the shortest side.</summary>
    public int P0 { get; }

    /// <summary>Vertex opposite the middle side.</summary>
    public int P1 { get; }

    /// <summary>Vertex opposite the longest side.</summary>
    public int P2 { get; }

    /// <summary>L0 / L2.</summary>
    public double R0 { get; }

    /// <summary>L1 / L2.</summary>
    public double R1 { get; }

    /// <summary>The triangle of stars i, j, k, or null when degenerate (coincident stars).</summary>
    public static Triangle? Create(ReadOnlySpan<StarPoint> stars, int i, int j, int k)
    {
        var li = Distance(stars[j], stars[k]); // opposite i
        var lj = Distance(stars[i], stars[k]); // opposite j
        var lk = Distance(stars[i], stars[j]); // opposite k
        Span<(double L, int P)> s = [(li, i), (lj, j), (lk, k)];
        if (s[0].L > s[1].L) (s[0], s[1]) = (s[1], s[0]);
        if (s[1].L > s[2].L) (s[1], s[2]) = (s[2], s[1]);
        if (s[0].L > s[1].L) (s[0], s[1]) = (s[1], s[0]);
        if (!(s[0].L > 0)) return null;
        return new Triangle(s[0].P, s[1].P, s[2].P, s[0].L / s[2].L, s[1].L / s[2].L);
    }

    private static double Distance(StarPoint a, StarPoint b) => Math.Sqrt((a.X - b.X) * (a.X - b.X) + (a.Y - b.Y) * (a.Y - b.Y));
}

namespace Parallax.Imaging.Fitting;

/// <summary>Which products φ<sub>i</sub>(x)·φ<sub>j</sub>(y) a polynomial surface contains (IRAF's <c>xterms</c>).</summary>
public enum CrossTerms
{
    /// <summary>No cross terms: only i = 0 or j = 0 (a sum of a function of x and a function of y).</summary>
    None,

    /// <summary>Terms with i + j ≤ max(x order, y order) (IRAF's "half").</summary>
    Half,

    /// <summary>Every i ≤ x order, j ≤ y order (a tensor product).</summary>
    Full,
}

namespace Parallax.Imaging.Combine;

/// <summary>
/// How outlying values of a pixel's stack are rejected before combining. Every method works on
/// the pixel's usable values sorted once, so each keeps a contiguous range of them.
/// </summary>
public enum RejectionMethod
{
    /// <summary>Keep every usable value.</summary>
    None,

    /// <summary>
    /// Iterative sigma clipping, astropy's <c>sigma_clip</c> along the stack: each iteration measures
    /// a centre (median by default) and a spread (standard deviation or MAD-sigma) of the values
    /// kept so far and rejects values below centre − SigmaLow·spread or above centre + SigmaHigh·spread;
    /// it stops when nothing changes or after MaxIterations.
    /// </summary>
    SigmaClip,

    /// <summary>
    /// Reject the RejectLow lowest and RejectHigh highest values (IRAF's minmax, ccdproc's
    /// clip_extrema). When masks leave a pixel n &lt; N usable values, the counts scale as
    /// floor(count·n/N + 0.001) (as IRAF does), and at least one value is always kept.
    /// </summary>
    MinMax,

    /// <summary>
    /// Sigma clipping about the median with σ estimated from the central 68.27% of the values,
    /// (P84.13 − P15.87)/2: immune to the outliers it rejects even for small stacks; iterates as <see cref="SigmaClip"/>.
    /// </summary>
    PercentileClip,

    /// <summary>
    /// Winsorized sigma clipping (as Siril): σ is re-estimated as 1.134 × the sample standard deviation of
    /// the values clamped to median ± 1.5σ until it changes by less than 0.05%, then values outside
    /// median − SigmaLow·σ .. median + SigmaHigh·σ are rejected; repeats while values are rejected,
    /// more than 3 remain, and MaxIterations allows.
    /// </summary>
    WinsorizedSigmaClip,
}

namespace Parallax.Imaging.Alignment;

/// <summary>The outcome of <see cref="StarMatcher.Match"/>: the transform from source to target pixels and the pairs that fixed it.</summary>
public sealed class StarMatchResult
{
    internal StarMatchResult(bool succeeded, string message, AffineTransform2D transform, double rms, IReadOnlyList<MatchedPair> pairs, int rejected, int votes)
    {
        Succeeded = succeeded;
        Message = message;
        Transform = transform;
        Rms = rms;
        Pairs = pairs;
        Rejected = rejected;
        Votes = votes;
    }

    /// <summary>True when a transform was found with at least <see cref="StarMatchParameters.MinMatches"/> pairs.</summary>
    public bool Succeeded { get; }

    /// <summary>One line: what was found, or why nothing was (with the numbers).</summary>
    public string Message { get; }

    /// <summary>Maps source positions to target positions (identity when not <see cref="Succeeded"/>).</summary>
    public AffineTransform2D Transform { get; }

    /// <summary>Root mean square of the kept pairs' residual distances, target pixels (NaN when not <see cref="Succeeded"/>).</summary>
    public double Rms { get; }

    /// <summary>The matched pairs kept by the final fit.</summary>
    public IReadOnlyList<MatchedPair> Pairs { get; }

    /// <summary>Pairs within the match radius that the sigma clipping rejected.</summary>
    public int Rejected { get; }

    /// <summary>Bright stars that agreed with the best triangle hypothesis (a measure of how clear the match was).</summary>
    public int Votes { get; }
}

namespace Parallax.Reports.Display;

/// <summary>
/// Maps a value already normalised to 0..1 by the display limits to a display level in 0..1, as
/// the stretches of <c>astropy.visualization</c> do with <c>clip=True</c> (inputs outside 0..1 are
/// clipped first; NaN stays NaN).
/// </summary>
public interface IStretch
{
    /// <summary>The display level (0..1) of a normalised value; NaN for NaN.</summary>
    double Apply(double normalised);
}

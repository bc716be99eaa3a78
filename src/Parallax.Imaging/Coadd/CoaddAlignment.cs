namespace Parallax.Imaging.Coadd;

/// <summary>Where each frame's WCS comes from before it is resampled onto the coadd's grid.</summary>
public enum CoaddAlignment
{
    /// <summary>A frame's own WCS when it has one (an astrometric solution); a frame without one is aligned on its stars to the reference frame.</summary>
    Auto,

    /// <summary>Every frame but the reference is aligned on its stars (<see cref="Alignment.StarMatcher"/>) to the reference frame, and its WCS is the reference's carried through that transform; own WCSs are ignored.</summary>
    Stars,
}

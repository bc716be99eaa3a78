namespace Parallax.Imaging.Cosmics;

/// <summary>PSF kernel shape for <see cref="FineStructureMode.Convolve"/> (astroscrappy's psfmodel).</summary>
public enum PsfModel
{
    /// <summary>Circular Gaussian.</summary>
    Gauss,

    /// <summary>Gaussian along x only (a trace along y).</summary>
    GaussX,

    /// <summary>Gaussian along y only (a trace along x).</summary>
    GaussY,

    /// <summary>Circular Moffat profile with index <see cref="CosmicRayParameters.PsfBeta"/>.</summary>
    Moffat,
}

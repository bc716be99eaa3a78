namespace Parallax.Imaging.Astrometry;

/// <summary>A catalog star's position projected onto the image, zero-based pixels.</summary>
internal interface IProjectedPosition
{
    double X { get; }

    double Y { get; }
}

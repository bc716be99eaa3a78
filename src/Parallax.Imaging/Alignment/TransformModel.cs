namespace Parallax.Imaging.Alignment;

/// <summary>The family of transforms fitted to matched star pairs.</summary>
public enum TransformModel
{
    /// <summary>Shift, rotation, one scale (4 parameters), and optionally a mirror: frames of one camera, or two cameras of known orientation.</summary>
    Similarity,

    /// <summary>Full linear map plus shift (6 parameters): also different scales per axis and shear.</summary>
    Affine,
}

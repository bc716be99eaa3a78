namespace Parallax.Imaging.Resampling;

/// <summary>
/// The interpolation kernels used to sample an image between pixel centres. All are separable (the 2-D weight
/// is the product of an x and a y weight) and interpolating (at a pixel centre they return that pixel exactly).
/// </summary>
public enum InterpolationKernel
{
    /// <summary>The nearest pixel (1 × 1 support). Flux-preserving per pixel, but blocky and shifts by up to half a pixel.</summary>
    Nearest,

    /// <summary>Bilinear (2 × 2 support, triangle kernel 1 − |t|). Smooths: the variance of noise is reduced by up to 4×.</summary>
    Bilinear,

    /// <summary>Keys (1981) cubic convolution with a = −0.5 (4 × 4 support): exact for quadratics, third-order accurate.</summary>
    Bicubic,

    /// <summary>
    /// Lanczos-3 windowed sinc, sinc(t)·sinc(t/3) for |t| &lt; 3 (6 × 6 support), its six weights normalised to sum 1
    /// as SWarp does. The usual choice for astronomical resampling: sharp, with little aliasing.
    /// </summary>
    Lanczos3,
}

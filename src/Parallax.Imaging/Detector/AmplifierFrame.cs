namespace Parallax.Imaging.Detector;

/// <summary>One amplifier's raw pixels (the whole HDU they sit in, ADU) with its geometry.</summary>
/// <param name="Raw">The raw image of the HDU holding the amplifier (several amplifiers may share one).</param>
/// <param name="Geometry">Where the amplifier's pixels are and how it converts charge.</param>
public sealed record AmplifierFrame(MaskedImage Raw, AmplifierGeometry Geometry);

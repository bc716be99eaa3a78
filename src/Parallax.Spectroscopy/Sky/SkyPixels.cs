namespace Parallax.Spectroscopy.Sky;

/// <summary>The pixels a sky fit uses, as parallel lists: wavelength (Angstrom), slit position, value and variance.</summary>
internal sealed class SkyPixels(int capacity)
{
    public List<double> Wavelength { get; } = new(capacity);

    public List<double> Position { get; } = new(capacity);

    public List<double> Data { get; } = new(capacity);

    public List<double> Variance { get; } = new(capacity);

    public int Count => Data.Count;

    public void Add(double wavelength, double position, double data, double variance)
    {
        Wavelength.Add(wavelength);
        Position.Add(position);
        Data.Add(data);
        Variance.Add(variance);
    }
}

namespace Parallax.Imaging.Cosmics;

/// <summary>PSF kernels for the convolved fine-structure image: size × size values, row by row, summing to 1.</summary>
internal static class PsfKernel
{
    /// <summary>The kernel of <paramref name="model"/> with the given FWHM (pixels) and side, centred on the middle pixel.</summary>
    public static float[] Build(PsfModel model, double fwhm, int size, double beta)
    {
        var c = size / 2;
        var kernel = new double[size * size];
        var sigma = fwhm / (2 * Math.Sqrt(2 * Math.Log(2)));
        var alpha = fwhm / (2 * Math.Sqrt(Math.Pow(2, 1 / beta) - 1));
        for (var y = 0; y < size; y++)
        {
            for (var x = 0; x < size; x++)
            {
                double dx = x - c, dy = y - c;
                kernel[y * size + x] = model switch
                {
                    PsfModel.Gauss => Math.Exp(-(dx * dx + dy * dy) / (2 * sigma * sigma)),
                    PsfModel.GaussX => Math.Exp(-dx * dx / (2 * sigma * sigma)),
                    PsfModel.GaussY => Math.Exp(-dy * dy / (2 * sigma * sigma)),
                    _ => Math.Pow(1 + (dx * dx + dy * dy) / (alpha * alpha), -beta),
                };
            }
        }
        var sum = kernel.Sum();
        return [.. kernel.Select(k => (float)(k / sum))];
    }
}

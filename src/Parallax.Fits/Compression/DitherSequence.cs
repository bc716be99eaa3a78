namespace Parallax.Fits.Compression;

/// <summary>
/// The convention's 10000 dither values: the Park–Miller "minimal standard" generator
/// (seed = 16807 × seed mod 2³¹−1, starting at 1), each seed / (2³¹−1) stored as a float.
/// Computed in double exactly as the convention's reference code does; the 10000th seed must
/// be 1043618065, which the static constructor checks.
/// </summary>
internal static class DitherSequence
{
    /// <summary>Number of values in the sequence.</summary>
    public const int Length = 10000;

    private static readonly float[] Values = Build();

    /// <summary>The sequence.</summary>
    public static ReadOnlySpan<float> Random => Values;

    /// <summary>
    /// Where a tile's dither starts: iseed = (tile + ZDITHER0 − 2) mod 10000, with 1-based tile
    /// (row) numbers and ZDITHER0 from 1 to 10000.
    /// </summary>
    public static int FirstSeedIndex(long tileRow, int zdither0)
    {
        var index = (tileRow + zdither0 - 2) % Length;
        return (int)(index < 0 ? index + Length : index);
    }

    /// <summary>The offset into the sequence that a seed index starts at: (int)(value × 500), in float arithmetic as CFITSIO's decoder does.</summary>
    public static int StartOffset(int seedIndex) => (int)(Values[seedIndex] * 500);

    private static float[] Build()
    {
        const double a = 16807.0;
        const double m = 2147483647.0;
        var values = new float[Length];
        var seed = 1.0;
        for (var i = 0; i < Length; i++)
        {
            var temp = a * seed;
            seed = temp - m * (int)(temp / m);
            values[i] = (float)(seed / m);
        }
        if ((int)seed != 1043618065)
            throw new InvalidOperationException("the dither sequence does not end at seed 1043618065; the generator is wrong");
        return values;
    }
}

namespace Parallax.Imaging.Combine;

/// <summary>Argument checks shared by the <see cref="IFrameSource"/> implementations.</summary>
internal static class FrameRows
{
    /// <summary>Throws unless the rows lie inside the frame and the spans have the lengths the contract asks for.</summary>
    public static void Check(IFrameSource source, int firstRow, int rowCount, int dataLength, int varianceLength, int maskLength)
    {
        if (firstRow < 0 || rowCount < 0 || firstRow + rowCount > source.Height)
            throw new ArgumentOutOfRangeException(nameof(firstRow), $"{source.Name}: rows {firstRow}..{firstRow + rowCount - 1} lie outside 0..{source.Height - 1}");
        var n = rowCount * source.Width;
        if (dataLength != n) throw new ArgumentException($"{source.Name}: the data span holds {dataLength} values, {rowCount} rows need {n}");
        if (varianceLength != 0 && varianceLength != n) throw new ArgumentException($"{source.Name}: the variance span holds {varianceLength} values; it must be empty or hold {n}");
        if (maskLength != 0 && maskLength != n) throw new ArgumentException($"{source.Name}: the mask span holds {maskLength} values; it must be empty or hold {n}");
    }
}

using Parallax.Simulation.Models;

namespace Parallax.Simulation.Detector;

/// <summary>Where one amplifier's data and overscan sit, in binned trimmed and raw columns (zero-based).</summary>
/// <param name="Model">The amplifier.</param>
/// <param name="Index">Its position in the model's list.</param>
/// <param name="DataStart">First trimmed (binned) column it reads.</param>
/// <param name="DataWidth">Number of (binned) data columns.</param>
/// <param name="RawDataStart">First raw column of its data.</param>
/// <param name="RawOverscanStart">First raw column of its overscan.</param>
/// <param name="OverscanWidth">Number of overscan columns (binned).</param>
internal sealed record AmplifierLayout(AmplifierModel Model, int Index, int DataStart, int DataWidth, int RawDataStart, int RawOverscanStart, int OverscanWidth)
{
    /// <summary>Trimmed column to raw column.</summary>
    public int RawColumn(int x) => RawDataStart + (x - DataStart);

    /// <summary>True when the overscan is on the left of the data (the serial register reads towards it).</summary>
    public bool OverscanLeft => Model.OverscanSide == "left";
}

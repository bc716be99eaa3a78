using Parallax.Simulation.Models;

namespace Parallax.Simulation.Detector;

/// <summary>
/// The raw frame geometry of a detector at one binning: amplifiers side by side in the order of their
/// columns, each with its overscan on its own side, and the FITS sections (one-based, inclusive) that
/// describe them.
/// </summary>
internal sealed class DetectorLayout
{
    public DetectorLayout(DetectorModel model, int binning)
    {
        Model = model;
        Binning = binning;
        Columns = model.Columns / binning;
        Rows = model.Rows / binning;
        var overscan = model.Overscan == 0 ? 0 : Math.Max(4, model.Overscan / binning);
        var amps = new List<AmplifierLayout>();
        var cursor = 0;
        foreach (var (a, i) in model.Amplifiers.Select((a, i) => (a, i)).OrderBy(p => p.a.Columns[0]))
        {
            var start = a.Columns[0] / binning;
            var width = (a.Columns[1] + 1) / binning - start;
            if (a.OverscanSide == "left")
            {
                amps.Add(new AmplifierLayout(a, i, start, width, cursor + overscan, cursor, overscan));
            }
            else
            {
                amps.Add(new AmplifierLayout(a, i, start, width, cursor, cursor + width, overscan));
            }
            cursor += width + overscan;
        }
        RawColumns = cursor;
        Amplifiers = [.. amps.OrderBy(a => a.Index)];
        AmplifierOfColumn = new int[Columns];
        foreach (var a in Amplifiers)
            for (var x = a.DataStart; x < a.DataStart + a.DataWidth; x++) AmplifierOfColumn[x] = a.Index;
        var firstRaw = Amplifiers.Min(a => a.RawDataStart);
        DataIsContiguous = Amplifiers.All(a => a.RawDataStart - firstRaw == a.DataStart);
        TrimOffset = firstRaw;
    }

    /// <summary>The detector.</summary>
    public DetectorModel Model { get; }

    /// <summary>Binning along both axes.</summary>
    public int Binning { get; }

    /// <summary>Trimmed (light-sensitive) columns, binned.</summary>
    public int Columns { get; }

    /// <summary>Rows, binned.</summary>
    public int Rows { get; }

    /// <summary>Raw columns: data plus every overscan.</summary>
    public int RawColumns { get; }

    /// <summary>Amplifiers in the model's order.</summary>
    public IReadOnlyList<AmplifierLayout> Amplifiers { get; }

    /// <summary>Index of the amplifier reading each trimmed column.</summary>
    public int[] AmplifierOfColumn { get; }

    /// <summary>True when the data columns of all amplifiers are adjacent in the raw frame (one DATASEC covers them).</summary>
    public bool DataIsContiguous { get; }

    /// <summary>Raw column of trimmed column 0 when the data are contiguous.</summary>
    public int TrimOffset { get; }

    /// <summary>DATASEC of one amplifier.</summary>
    public string DataSection(AmplifierLayout a) => Section(a.RawDataStart, a.DataWidth, 0, Rows);

    /// <summary>BIASSEC of one amplifier.</summary>
    public string BiasSection(AmplifierLayout a) => Section(a.RawOverscanStart, a.OverscanWidth, 0, Rows);

    /// <summary>DETSEC of one amplifier: unbinned detector pixels.</summary>
    public string DetectorSection(AmplifierLayout a)
        => $"[{a.Model.Columns[0] + 1}:{a.Model.Columns[1] + 1},1:{Model.Rows}]";

    /// <summary>DATASEC of the whole data area (contiguous data only).</summary>
    public string WholeDataSection => Section(TrimOffset, Columns, 0, Rows);

    /// <summary>DETSEC of the whole detector.</summary>
    public string WholeDetectorSection => $"[1:{Model.Columns},1:{Model.Rows}]";

    private static string Section(int x0, int width, int y0, int height) => $"[{x0 + 1}:{x0 + width},{y0 + 1}:{y0 + height}]";
}

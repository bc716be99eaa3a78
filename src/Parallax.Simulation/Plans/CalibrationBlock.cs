using Parallax.Simulation.Models;

namespace Parallax.Simulation.Plans;

/// <summary>A run of calibration frames of one kind.</summary>
public sealed record CalibrationBlock
{
    /// <summary><c>bias</c>, <c>dark</c>, <c>flat</c> or <c>arc</c>.</summary>
    public string Type { get; init; } = "bias";

    /// <summary>Number of frames (per filter for flats).</summary>
    public int Count { get; init; } = 1;

    /// <summary>Exposure time, seconds (darks, arcs; flats when no <see cref="Level"/> is given).</summary>
    public double Exptime { get; init; }

    /// <summary>Filters, for imaging flats.</summary>
    public IReadOnlyList<string> Filters { get; init; } = [];

    /// <summary>Flat kind for imagers: <c>dome</c> or <c>twilight</c>; <c>lamp</c> for spectrographs.</summary>
    public string Flat { get; init; } = "dome";

    /// <summary>Target mean level of flats, ADU above bias; the simulator picks the exposure time.</summary>
    public double Level { get; init; }

    /// <summary>Arc lamp name (arcs).</summary>
    public string Lamp { get; init; } = "";

    internal void Validate(InstrumentModel model, string where)
    {
        if (Type is not ("bias" or "dark" or "flat" or "arc")) throw new InvalidModelException($"{where}.type must be bias, dark, flat or arc, not '{Type}'");
        ModelCheck.Range(Count, 0, 10000, $"{where}.count");
        ModelCheck.NonNegative(Exptime, $"{where}.exptime");
        ModelCheck.NonNegative(Level, $"{where}.level");
        if (Type == "dark" && !(Exptime > 0)) throw new InvalidModelException($"{where}: a dark needs exptime > 0");
        if (Type == "flat")
        {
            if (!(Level > 0) && !(Exptime > 0)) throw new InvalidModelException($"{where}: a flat needs a level (ADU) or an exptime");
            if (model.Kind == InstrumentKind.Imager)
            {
                if (Flat is not ("dome" or "twilight")) throw new InvalidModelException($"{where}.flat must be dome or twilight for an imager, not '{Flat}'");
                if (Filters.Count == 0) throw new InvalidModelException($"{where}: imaging flats need filters");
                foreach (var f in Filters) model.Filter(f, where);
            }
        }
        if (Type == "arc")
        {
            if (model.Kind != InstrumentKind.Longslit) throw new InvalidModelException($"{where}: arcs need a spectrograph");
            if (!(Exptime > 0)) throw new InvalidModelException($"{where}: an arc needs exptime > 0");
            model.Lamp(Lamp, where);
        }
    }
}

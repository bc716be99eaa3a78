using System.Globalization;
using Parallax.Pipeline.Instruments;

namespace Parallax.Pipeline.Engine;

/// <summary>Compares a product's QC values with the acceptable ranges of its instrument file.</summary>
public static class QcCheck
{
    /// <summary>
    /// Each QC value of a product of <paramref name="category"/> outside its range, one line each
    /// ("noise_adu = 25.3 is above the maximum 20 (sim.yaml)"). A range whose value the recipe did
    /// not report (or reported as NaN) does not fail the product; it is listed in <paramref name="unmeasured"/>.
    /// </summary>
    public static IReadOnlyList<string> Failures(InstrumentDefinition? instrument, string category, IReadOnlyDictionary<string, double> qc, List<string>? unmeasured = null)
    {
        if (instrument is null) return [];
        var failures = new List<string>();
        var file = Path.GetFileName(instrument.SourceFile);
        foreach (var range in instrument.QcRanges.Where(r => string.Equals(r.Product, category, StringComparison.OrdinalIgnoreCase)))
        {
            var value = qc.FirstOrDefault(q => string.Equals(q.Key, range.Name, StringComparison.OrdinalIgnoreCase));
            if (value.Key is null || double.IsNaN(value.Value))
            {
                unmeasured?.Add($"QC {range.Name} was not measured; {file} asks for {Range(range)}");
                continue;
            }
            if (range.Accepts(value.Value)) continue;
            var v = value.Value.ToString("G6", CultureInfo.InvariantCulture);
            failures.Add(range.Min is { } min && value.Value < min
                ? $"{range.Name} = {v} is below the minimum {Num(min)} ({file})"
                : $"{range.Name} = {v} is above the maximum {Num(range.Max!.Value)} ({file})");
        }
        return failures;
    }

    private static string Range(QcRange r) => (r.Min, r.Max) switch
    {
        ({ } a, { } b) => $"{Num(a)} .. {Num(b)}",
        ({ } a, null) => $">= {Num(a)}",
        (null, { } b) => $"<= {Num(b)}",
        _ => "a value",
    };

    private static string Num(double d) => d.ToString("G6", CultureInfo.InvariantCulture);
}

using Parallax.Pipeline.Rules;

namespace Parallax.Pipeline.Organising;

/// <summary>Splits classified frames into groups: same instrument, category and grouping-key values, and no time gap above the instrument's limit.</summary>
public static class FrameGrouper
{
    /// <summary>Groups the classified frames (unclassified ones are ignored). Ids are numbered per category in time order.</summary>
    public static IReadOnlyList<FrameGroup> Group(IEnumerable<ClassifiedFrame> frames)
    {
        var groups = new List<FrameGroup>();
        var counters = new Dictionary<string, int>(StringComparer.Ordinal);
        var classified = frames.Where(f => f.IsClassified && f.Instrument is not null && f.Values is not null);
        var buckets = classified
            .GroupBy(f => (f.Instrument!.Name, f.Category!, KeyTuple(f)))
            .Select(b => b.OrderBy(f => f.Mjd ?? double.MaxValue).ThenBy(f => f.Path, StringComparer.Ordinal).ToList())
            .OrderBy(b => b[0].Instrument!.Cascade.Select(s => s.Category).ToList().IndexOf(b[0].Category!) is var i && i >= 0 ? i : int.MaxValue)
            .ThenBy(b => b[0].Category, StringComparer.Ordinal)
            .ThenBy(b => b[0].Mjd ?? double.MaxValue);
        foreach (var bucket in buckets)
        {
            var instrument = bucket[0].Instrument!;
            var category = bucket[0].Category!;
            var gapDays = instrument.Grouping.MaxGapHours / 24.0;
            var current = new List<ClassifiedFrame> { bucket[0] };
            for (var i = 1; i < bucket.Count; i++)
            {
                var prev = bucket[i - 1].Mjd;
                var next = bucket[i].Mjd;
                // Frames without a time cannot be split by gap; they stay with their key-mates.
                if (prev is not null && next is not null && next.Value - prev.Value > gapDays)
                {
                    groups.Add(Make(current, category, counters));
                    current = [];
                }
                current.Add(bucket[i]);
            }
            groups.Add(Make(current, category, counters));
        }
        return groups;
    }

    private static string KeyTuple(ClassifiedFrame f)
        => string.Join("\u001f", f.Instrument!.Grouping.KeysFor(f.Category!).Select(k => Normalise(f.Values!.Text(k))));

    private static string Normalise(string? v) => v?.Trim().ToUpperInvariant() ?? "\0";

    private static FrameGroup Make(List<ClassifiedFrame> frames, string category, Dictionary<string, int> counters)
    {
        var n = counters[category] = counters.GetValueOrDefault(category) + 1;
        var instrument = frames[0].Instrument!;
        var keys = instrument.Grouping.KeysFor(category).ToDictionary(k => k, k => frames[0].Values!.Text(k));
        var shared = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var mapping in instrument.Keywords)
        {
            var first = frames[0].Values!.Text(mapping.Name);
            shared[mapping.Name] = frames.All(f => string.Equals(Normalise(f.Values!.Text(mapping.Name)), Normalise(first), StringComparison.Ordinal)) ? first : null;
        }
        return new FrameGroup { Id = $"{category}-{n}", Instrument = instrument, Category = category, Keys = keys, SharedValues = shared, Frames = frames };
    }
}

using Parallax.Pipeline.Calibration;
using Parallax.Pipeline.Instruments;

namespace Parallax.Pipeline.Organising;

/// <summary>
/// Plans the cascade from the groups. Each step of an instrument's cascade, in file order, makes
/// tasks: a step on raw frames one task per group of its category; a chained step (<c>from:</c>) one
/// task per upstream task, or per set of upstream tasks sharing its <c>group_by</c> values. Each
/// task's calibrations are chosen by the association rules of its input category among the products
/// of this run's other tasks and the calibration database's records (one selector for both, so
/// nearest in time wins whichever source it is). A task whose required calibration is missing is
/// blocked, and so is every task that waits on it; a task caught in a dependency cycle is blocked
/// with the cycle named.
/// </summary>
public static class CascadePlanner
{
    /// <summary>Plans tasks for the groups; <paramref name="database"/> may be null (products of this run only).</summary>
    public static CascadePlan Plan(IReadOnlyList<FrameGroup> groups, ICalibrationDatabase? database = null)
    {
        var groupOrder = groups.Select((g, i) => (g, i)).ToDictionary(x => x.g, x => x.i);
        var unplanned = groups.Where(g => g.Instrument.StepFor(g.Category) is null).ToList();

        // First every task's identity (step, group, upstream), so that calibrations can be chosen among
        // all of them: a chained step's product may calibrate the frames of a step listed before it.
        var drafts = new List<Draft>();
        foreach (var instrument in groups.Select(g => g.Instrument).Distinct())
        {
            var byProduct = new Dictionary<string, List<Draft>>(StringComparer.Ordinal);
            for (var s = 0; s < instrument.Cascade.Count; s++)
            {
                var step = instrument.Cascade[s];
                List<Draft> made;
                if (step.From is { } from)
                {
                    // An upstream group whose frames disagree on a group_by value is never merged with another.
                    made = (byProduct.GetValueOrDefault(from) ?? [])
                        .GroupBy(u => step.GroupBy.Count == 0 ? "\u0000" + u.Id : GroupKey(u, step.GroupBy))
                        .Select(set => set.ToList())
                        .Select(set => new Draft(step, Merge(set.Select(u => u.Group).ToList(), step.GroupBy), set, s, set.Min(u => u.Order)))
                        .ToList();
                }
                else
                {
                    made = groups.Where(g => g.Instrument == instrument && g.Category == step.Category)
                        .Select(g => new Draft(step, g, [], s, groupOrder[g])).ToList();
                }
                byProduct[step.Product] = made;
                drafts.AddRange(made);
            }
        }
        // Tasks are listed by step (file order), then by their first group's place: masters before their users, ties in time order.
        drafts = drafts.OrderBy(d => d.StepIndex).ThenBy(d => d.Order).ToList();

        var byMaker = drafts.ToLookup(d => (d.Group.Instrument.Name, d.Step.Product));
        var records = new Dictionary<(string, string), List<CalibrationCandidate>>();
        var built = new Dictionary<Draft, CascadeTask>();
        var tasks = new List<CascadeTask>(drafts.Count);
        foreach (var draft in drafts)
        {
            var (step, group) = (draft.Step, draft.Group);
            var target = Target(step, group);
            var links = new List<CalibrationLink>();
            foreach (var rule in group.Instrument.AssociationsFor(step))
            {
                var fromRun = byMaker[(group.Instrument.Name, rule.Calibration)]
                    .Where(p => p != draft)
                    .Select(p => new CalibrationCandidate
                    {
                        Label = $"{p.Step.Product} from {p.Group.Id} (this run)",
                        Category = p.Step.Product,
                        Keys = p.Group.SharedValues,
                        Mjd = p.Group.MidMjd,
                        Quality = CalibrationQuality.Provisional,
                        IsPlanned = true,
                        ProducerTaskId = p.Id,
                        Path = $"{p.Step.Product}_{p.Group.Id}.fits",
                    });
                var fromDatabase = database is null ? [] : FromDatabase(database, records, group.Instrument.Name, rule.Calibration);
                var selection = CalibrationSelector.Select(rule, target, fromRun.Concat(fromDatabase));
                links.Add(new CalibrationLink { Rule = rule, Selection = selection });
            }
            // Upstream drafts belong to earlier steps, so their tasks are built already.
            var task = new CascadeTask { Id = draft.Id, Step = step, Group = group, Upstream = draft.Upstream.Select(u => built[u]).ToList(), Calibrations = links };
            if (!step.IsChained && group.Frames.Count < step.MinFrames) task.Notes.Add($"only {group.Frames.Count} frame(s); {step.Recipe} wants at least {step.MinFrames}");
            foreach (var missing in links.Where(l => l.IsMissing && l.Rule.Required)) task.Notes.Add($"missing {missing.Rule.Calibration}");
            task.Status = links.Any(l => l.IsMissing && l.Rule.Required) ? CascadeTaskStatus.Blocked : CascadeTaskStatus.Ready;
            built[draft] = task;
            tasks.Add(task);
        }
        var duplicate = tasks.GroupBy(t => t.Id).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null) throw new InvalidOperationException($"two cascade tasks would both be {duplicate.Key}: {string.Join(" and ", duplicate.Select(t => t.Step.Location))}");

        var ordered = TopologicalOrder(tasks);
        var byId = ordered.ToDictionary(t => t.Id);
        foreach (var t in ordered)
        {
            if (t.Cycle is not null) continue;
            var blockedBy = t.DependsOn.Select(id => byId[id]).Where(d => d.Status == CascadeTaskStatus.Blocked).ToList();
            if (blockedBy.Count == 0) continue;
            t.Status = CascadeTaskStatus.Blocked;
            t.Notes.Add($"waits on blocked {string.Join(", ", blockedBy.Select(b => b.Id))}");
        }
        return new CascadePlan { Tasks = ordered, Unplanned = unplanned };
    }

    /// <summary>What a task's calibrations are matched against: its group's shared values and middle time.</summary>
    public static CalibrationTarget Target(CascadeStep step, FrameGroup group) => new()
    {
        Label = step.From is { } from ? $"{from} of {group.Id}" : $"{group.Category} group {group.Id}",
        Values = group.SharedValues,
        Mjd = group.MidMjd,
    };

    /// <summary>A task before its calibrations are chosen.</summary>
    private sealed record Draft(CascadeStep Step, FrameGroup Group, IReadOnlyList<Draft> Upstream, int StepIndex, int Order)
    {
        public string Id { get; } = $"{Step.Recipe}:{Group.Id}";
    }

    private static List<CalibrationCandidate> FromDatabase(ICalibrationDatabase db, Dictionary<(string, string), List<CalibrationCandidate>> cache, string instrument, string category)
    {
        if (!cache.TryGetValue((instrument, category), out var list))
            cache[(instrument, category)] = list = db.List(new CalibrationFilter(instrument, category)).Select(CalibrationCandidate.FromRecord).ToList();
        return list;
    }

    private static List<CascadeTask> TopologicalOrder(List<CascadeTask> tasks)
    {
        // Kahn's algorithm; among ready tasks keep the input order (cascade step, then time) so the plan reads naturally.
        var index = tasks.Select((t, i) => (t.Id, i)).ToDictionary(x => x.Id, x => x.i);
        var remaining = tasks.ToDictionary(t => t.Id, t => t.DependsOn.Count(index.ContainsKey));
        var users = tasks.SelectMany(u => u.DependsOn.Select(d => (d, u))).ToLookup(x => x.d, x => x.u);
        var done = new List<CascadeTask>();
        var ready = new SortedSet<int>(tasks.Where(t => remaining[t.Id] == 0).Select(t => index[t.Id]));
        while (ready.Count > 0)
        {
            var i = ready.Min;
            ready.Remove(i);
            var t = tasks[i];
            done.Add(t);
            foreach (var user in users[t.Id])
                if (--remaining[user.Id] == 0) ready.Add(index[user.Id]);
        }
        if (done.Count == tasks.Count) return done;
        // The loader refuses cycles in instrument files; a definition built otherwise may still hold one.
        // Its tasks are kept, blocked, with the cycle named, instead of failing the whole plan.
        var placed = done.Select(t => t.Id).ToHashSet(StringComparer.Ordinal);
        var left = tasks.Where(t => !placed.Contains(t.Id)).ToList();
        foreach (var t in left)
        {
            t.Cycle = CycleThrough(t, left);
            t.Status = CascadeTaskStatus.Blocked;
            t.Notes.Add(t.Cycle is null ? "waits on a task in a dependency cycle" : $"dependency cycle: {t.Cycle}");
        }
        return [.. done, .. left];
    }

    /// <summary>The shortest cycle through a task among the unplaced ones ("a -> b -> a"), or null when it only waits on one.</summary>
    private static string? CycleThrough(CascadeTask start, List<CascadeTask> left)
    {
        var byId = left.ToDictionary(t => t.Id);
        var previous = new Dictionary<string, string> { [start.Id] = "" };
        var queue = new Queue<string>([start.Id]);
        while (queue.Count > 0)
        {
            var id = queue.Dequeue();
            foreach (var next in byId[id].DependsOn.Where(byId.ContainsKey))
            {
                if (next == start.Id)
                {
                    var path = new List<string> { start.Id };
                    for (var at = id; at != start.Id; at = previous[at]) path.Add(at);
                    path.Add(start.Id);
                    path.Reverse();
                    return string.Join(" -> ", path);
                }
                if (previous.TryAdd(next, id)) queue.Enqueue(next);
            }
        }
        return null;
    }

    private static string GroupKey(Draft upstream, IReadOnlyList<string> keys)
    {
        var values = keys.Select(k => upstream.Group.SharedValues.GetValueOrDefault(k)).ToList();
        return values.Any(v => v is null) ? "\u0000" + upstream.Id : string.Join("\u001f", values.Select(v => v!.Trim().ToUpperInvariant()));
    }

    /// <summary>The groups of the upstream tasks as one: id <c>SCIENCE-1+3</c>, the values all share, every frame in time order.</summary>
    private static FrameGroup Merge(IReadOnlyList<FrameGroup> groups, IReadOnlyList<string> groupBy)
    {
        if (groups.Count == 1 && groupBy.Count == 0) return groups[0];
        var shared = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var key in groups[0].SharedValues.Keys)
        {
            var first = groups[0].SharedValues[key];
            shared[key] = groups.All(g => string.Equals(g.SharedValues.GetValueOrDefault(key)?.Trim(), first?.Trim(), StringComparison.OrdinalIgnoreCase)) ? first : null;
        }
        return new FrameGroup
        {
            Id = MergedId(groups.Select(g => g.Id).ToList()),
            Instrument = groups[0].Instrument,
            Category = groups[0].Category,
            Keys = groupBy.Count > 0 ? groupBy.ToDictionary(k => k, k => shared.GetValueOrDefault(k)) : groups[0].Keys,
            SharedValues = shared,
            Frames = groups.SelectMany(g => g.Frames).Distinct().OrderBy(f => f.Mjd ?? double.MaxValue).ThenBy(f => f.Path, StringComparer.Ordinal).ToList(),
        };
    }

    /// <summary><c>SCIENCE-1</c>, <c>SCIENCE-3</c> → <c>SCIENCE-1+3</c>; ids of other shapes are joined whole.</summary>
    internal static string MergedId(IReadOnlyList<string> ids)
    {
        if (ids.Count == 1) return ids[0];
        var dash = ids[0].LastIndexOf('-');
        var prefix = dash > 0 ? ids[0][..(dash + 1)] : null;
        return prefix is not null && ids.All(i => i.StartsWith(prefix, StringComparison.Ordinal) && i.Length > prefix.Length)
            ? prefix + string.Join("+", ids.Select(i => i[prefix.Length..]))
            : string.Join("+", ids);
    }
}

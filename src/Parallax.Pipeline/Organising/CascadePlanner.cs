using Parallax.Pipeline.Calibration;

namespace Parallax.Pipeline.Organising;

/// <summary>
/// Plans the cascade from the groups: one task per group whose category has a cascade step; each
/// task's calibrations are chosen by the instrument's association rules among the products of this
/// run's other tasks and the calibration database's records (one selector for both, so nearest in
/// time wins whichever source it is). A task whose required calibration is missing is blocked,
/// and so is every task that waits on it.
/// </summary>
public static class CascadePlanner
{
    /// <summary>Plans tasks for the groups; <paramref name="database"/> may be null (products of this run only).</summary>
    public static CascadePlan Plan(IReadOnlyList<FrameGroup> groups, ICalibrationDatabase? database = null)
    {
        var tasks = new List<CascadeTask>();
        var unplanned = new List<FrameGroup>();
        var planned = new List<(FrameGroup Group, Instruments.CascadeStep Step, string TaskId)>();
        foreach (var g in groups)
        {
            if (g.Instrument.StepFor(g.Category) is { } step) planned.Add((g, step, $"{step.Recipe}:{g.Id}"));
            else unplanned.Add(g);
        }
        var records = new Dictionary<(string, string), List<CalibrationCandidate>>();
        var byProduct = planned.ToLookup(p => (p.Group.Instrument.Name, p.Step.Product));
        foreach (var (group, step, taskId) in planned)
        {
            var target = new CalibrationTarget { Label = $"{group.Category} group {group.Id}", Values = group.SharedValues, Mjd = group.MidMjd };
            var links = new List<CalibrationLink>();
            foreach (var rule in group.Instrument.AssociationsFor(group.Category))
            {
                var fromRun = byProduct[(group.Instrument.Name, rule.Calibration)]
                    .Where(p => p.TaskId != taskId)
                    .Select(p => new CalibrationCandidate
                    {
                        Label = $"{p.Step.Product} from {p.Group.Id} (this run)",
                        Category = p.Step.Product,
                        Keys = p.Group.SharedValues,
                        Mjd = p.Group.MidMjd,
                        Quality = CalibrationQuality.Provisional,
                        IsPlanned = true,
                        ProducerTaskId = p.TaskId,
                        Path = $"{p.Step.Product}_{p.Group.Id}.fits",
                    });
                var fromDatabase = database is null ? [] : FromDatabase(database, records, group.Instrument.Name, rule.Calibration);
                var selection = CalibrationSelector.Select(rule, target, fromRun.Concat(fromDatabase));
                links.Add(new CalibrationLink { Rule = rule, Selection = selection });
            }
            var task = new CascadeTask { Id = taskId, Step = step, Group = group, Calibrations = links };
            if (group.Frames.Count < step.MinFrames) task.Notes.Add($"only {group.Frames.Count} frame(s); {step.Recipe} wants at least {step.MinFrames}");
            foreach (var missing in links.Where(l => l.IsMissing && l.Rule.Required)) task.Notes.Add($"missing {missing.Rule.Calibration}");
            task.Status = links.Any(l => l.IsMissing && l.Rule.Required) ? CascadeTaskStatus.Blocked : CascadeTaskStatus.Ready;
            tasks.Add(task);
        }
        var ordered = TopologicalOrder(tasks);
        var byId = ordered.ToDictionary(t => t.Id);
        foreach (var t in ordered)
        {
            var blockedBy = t.DependsOn.Select(id => byId[id]).Where(d => d.Status == CascadeTaskStatus.Blocked).ToList();
            if (blockedBy.Count == 0) continue;
            t.Status = CascadeTaskStatus.Blocked;
            t.Notes.Add($"waits on blocked {string.Join(", ", blockedBy.Select(b => b.Id))}");
        }
        return new CascadePlan { Tasks = ordered, Unplanned = unplanned };
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
        // The loader refuses calibration cycles between categories, so every task is placed.
        if (done.Count != tasks.Count) throw new InvalidOperationException("the cascade has a dependency cycle: " + string.Join(", ", tasks.Except(done).Select(t => t.Id)));
        return done;
    }
}

namespace Parallax.Pipeline.Organising;

/// <summary>
/// Writes set-of-files (SOF) files in EsoRex's format, one per task: a line <c>path CATEGORY</c> for
/// each input frame, then one per calibration (a database record's file, or the planned product's
/// file under <c>productFolder</c>). Missing calibrations are left out; the plan says why. A chained
/// task's inputs are products whose file names are known only once its upstream tasks have run
/// (one per input frame, or one per task): they are named in a comment line.
/// </summary>
public static class SofWriter
{
    /// <summary>Writes <c>TASK.sof</c> files (task id with ':' replaced by '_') into <paramref name="folder"/>; returns their paths in plan order.</summary>
    public static IReadOnlyList<string> Write(CascadePlan plan, string folder, string productFolder = "products")
    {
        Directory.CreateDirectory(folder);
        var written = new List<string>();
        foreach (var task in plan.Tasks)
        {
            var path = Path.Combine(folder, FileNameOf(task) + ".sof");
            File.WriteAllLines(path, Lines(task, productFolder));
            written.Add(path);
        }
        return written;
    }

    /// <summary>The SOF lines of one task.</summary>
    public static IEnumerable<string> Lines(CascadeTask task, string productFolder = "products")
    {
        if (task.Upstream.Count == 0)
            foreach (var f in task.Group.Frames) yield return $"{Path.GetFullPath(f.Path)} {task.Group.Category}";
        foreach (var u in task.Upstream) yield return $"# inputs: the {task.Step.From} products of {u.Id} (made by this run under {Path.GetFullPath(productFolder)})";
        foreach (var c in task.Calibrations)
        {
            if (c.Selection.Chosen is not { } chosen) continue;
            var path = chosen.IsPlanned ? Path.GetFullPath(Path.Combine(productFolder, chosen.Path)) : chosen.Path;
            yield return $"{path} {c.Rule.Calibration}";
        }
    }

    /// <summary>The file name (without extension) of a task's SOF.</summary>
    public static string FileNameOf(CascadeTask task) => task.Id.Replace(':', '_');
}

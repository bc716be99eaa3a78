using System.Diagnostics;
using System.Text.RegularExpressions;

namespace Parallax.Pipeline.Engine;

/// <summary>
/// Small-file writes that are atomic (temporary file in the same folder, then rename), named like
/// <see cref="Parallax.Fits.FitsWriter"/>'s temporaries (<c>.NAME.PID.GUID.tmp</c>), and the sweep
/// that removes temporaries left by a process that was killed before it could clean up.
/// </summary>
internal static partial class AtomicFiles
{
    /// <summary>Writes text atomically.</summary>
    public static void WriteAllText(string path, string text)
    {
        var full = Path.GetFullPath(path);
        var dir = Path.GetDirectoryName(full)!;
        Directory.CreateDirectory(dir);
        var temp = Path.Combine(dir, $".{Path.GetFileName(full)}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp");
        try
        {
            File.WriteAllText(temp, text);
            File.Move(temp, full, overwrite: true);
        }
        catch
        {
            try { File.Delete(temp); }
            catch (IOException) { }
            throw;
        }
    }

    /// <summary>
    /// Deletes temporary files in <paramref name="folders"/> whose writing process is no longer
    /// running (a kill -9 gives no chance to clean up); returns the files removed. A temporary of a
    /// live process (another run writing into the same folder) is left alone.
    /// </summary>
    public static IReadOnlyList<string> SweepOrphans(IEnumerable<string> folders)
    {
        var removed = new List<string>();
        foreach (var folder in folders)
        {
            if (!Directory.Exists(folder)) continue;
            foreach (var file in Directory.EnumerateFiles(folder, ".*.tmp"))
            {
                var m = TemporaryName().Match(Path.GetFileName(file));
                if (!m.Success || !int.TryParse(m.Groups[1].Value, out var pid) || IsAlive(pid)) continue;
                try
                {
                    File.Delete(file);
                    removed.Add(file);
                }
                catch (IOException) { }
                catch (UnauthorizedAccessException) { }
            }
        }
        return removed;
    }

    private static bool IsAlive(int pid)
    {
        if (pid == Environment.ProcessId) return true;
        try
        {
            using var p = Process.GetProcessById(pid);
            return !p.HasExited;
        }
        catch (ArgumentException) { return false; }
        catch (InvalidOperationException) { return false; }
    }

    [GeneratedRegex(@"^\..+\.(\d+)\.[0-9a-f]{32}\.tmp$")]
    private static partial Regex TemporaryName();
}

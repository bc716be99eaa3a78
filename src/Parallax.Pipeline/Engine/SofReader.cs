namespace Parallax.Pipeline.Engine;

/// <summary>
/// Reads set-of-files (SOF) files in EsoRex's format: one <c>path CATEGORY</c> per line; blank
/// lines and lines starting with <c>#</c> are ignored. A relative path is taken from the current
/// folder when it exists there, else from the SOF's own folder.
/// </summary>
public static class SofReader
{
    /// <summary>True when a file is a SOF rather than FITS: it ends in <c>.sof</c>, or it has no FITS extension and does not start like FITS (or gzip).</summary>
    public static bool IsSof(string path)
    {
        if (path.EndsWith(".sof", StringComparison.OrdinalIgnoreCase)) return true;
        string[] fits = [".fits", ".fit", ".fts", ".gz", ".fz"];
        if (fits.Any(e => path.EndsWith(e, StringComparison.OrdinalIgnoreCase)) || !File.Exists(path)) return false;
        Span<byte> head = stackalloc byte[9];
        using var fs = File.OpenRead(path);
        var n = fs.Read(head);
        if (n >= 2 && head[0] == 0x1f && head[1] == 0x8b) return false;
        return !(n == 9 && System.Text.Encoding.ASCII.GetString(head) == "SIMPLE  =");
    }

    /// <summary>Reads a SOF.</summary>
    /// <exception cref="FormatException">A line is not <c>path CATEGORY</c>; the message names the file and line.</exception>
    /// <exception cref="IOException">The SOF cannot be read.</exception>
    public static IReadOnlyList<TaskFile> Read(string path)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(path))!;
        var files = new List<TaskFile>();
        var lineNumber = 0;
        foreach (var raw in File.ReadLines(path))
        {
            lineNumber++;
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#')) continue;
            var parts = line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length < 2) throw new FormatException($"{path}:{lineNumber}: '{line}' is not 'path CATEGORY'");
            var file = parts[0];
            if (!Path.IsPathRooted(file) && !File.Exists(file) && File.Exists(Path.Combine(folder, file))) file = Path.Combine(folder, file);
            files.Add(new TaskFile(Path.GetFullPath(file), parts[1].ToUpperInvariant()));
        }
        return files;
    }
}

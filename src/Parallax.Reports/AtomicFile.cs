namespace Parallax.Reports;

/// <summary>
/// Writes a whole file atomically: into a temporary file in the same folder, then renamed over the
/// target, so a reader never sees half a PNG or report. The temporary is named like the engine's
/// (<c>.NAME.PID.GUID.tmp</c>), so the engine's sweep removes one left by a killed process.
/// </summary>
public static class AtomicFile
{
    /// <summary>Writes <paramref name="bytes"/> to <paramref name="path"/>, creating its folder.</summary>
    /// <exception cref="IOException">The file cannot be written.</exception>
    public static void Write(string path, ReadOnlySpan<byte> bytes)
    {
        var full = Path.GetFullPath(path);
        var dir = Path.GetDirectoryName(full)!;
        Directory.CreateDirectory(dir);
        var temp = Path.Combine(dir, $".{Path.GetFileName(full)}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write)) stream.Write(bytes);
            File.Move(temp, full, overwrite: true);
        }
        catch
        {
            try { File.Delete(temp); }
            catch (IOException) { }
            throw;
        }
    }
}

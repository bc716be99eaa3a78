using Parallax.Fits;

namespace Parallax.Cli.Commands;

/// <summary>Turns exceptions into the one-line messages the CLI prints.</summary>
internal static class CliErrors
{
    /// <summary>Prints one line to standard error for a failure on one input; returns false when the exception is not an input problem.</summary>
    public static bool Report(string path, Exception e)
    {
        var line = e switch
        {
            FitsFormatException f => f.Message,
            _ when Directory.Exists(path) => $"{path}: is a folder, not a FITS file",
            FileNotFoundException => $"{path}: no such file",
            DirectoryNotFoundException => $"{path}: no such folder",
            UnauthorizedAccessException => $"{path}: permission denied",
            IOException io => $"{path}: {io.Message}",
            _ => null,
        };
        if (line is null) return false;
        Console.Error.WriteLine($"parallax: {line}");
        return true;
    }
}

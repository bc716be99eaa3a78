using Parallax.Pipeline.Instruments;

namespace Parallax.Cli.Commands;

/// <summary>Loads the instrument catalog for a command, turning schema errors into one-line messages.</summary>
internal static class InstrumentOptions
{
    /// <summary>The shipped instruments, then PARALLAX_INSTRUMENTS, then <paramref name="userFolder"/>; null (after printing why) when a file is bad.</summary>
    public static InstrumentCatalog? Load(string? userFolder)
    {
        try
        {
            return InstrumentCatalog.Load(InstrumentCatalog.DefaultFolders(userFolder));
        }
        catch (Exception e) when (e is InstrumentDefinitionException or DirectoryNotFoundException or IOException)
        {
            Console.Error.WriteLine($"parallax: {e.Message}");
            return null;
        }
    }
}

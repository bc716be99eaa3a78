using System.CommandLine;
using Parallax.Cli.Commands;

namespace Parallax.Cli;

/// <summary>Entry point of the parallax command.</summary>
public static class Program
{
    /// <summary>Parses the command line and runs the chosen command; returns the exit code.</summary>
    public static int Main(string[] args)
    {
        // Piped output has no terminal width; keep tables on one line per row for scripts and logs.
        if (Console.IsOutputRedirected) Spectre.Console.AnsiConsole.Profile.Width = 240;
        var root = new RootCommand("Parallax: astronomical data reduction. Raw frames in; calibrated, combined, science-ready products out.");
        root.Subcommands.Add(InfoCommand.Create());
        root.Subcommands.Add(ConvertCommand.Create());
        root.Subcommands.Add(CombineCommand.Create());
        root.Subcommands.Add(CosmicsCommand.Create());
        root.Subcommands.Add(ResampleCommand.Create());
        root.Subcommands.Add(DetectCommand.Create());
        root.Subcommands.Add(OrganiseCommand.Create());
        root.Subcommands.Add(CaldbCommand.Create());
        root.Subcommands.Add(SimulateCommand.Create());
        root.Subcommands.Add(RecipesCommand.Create());
        root.Subcommands.Add(ParamsCommand.Create());
        root.Subcommands.Add(RunCommand.Create());
        root.Subcommands.Add(ReduceCommand.Create());
        root.Subcommands.Add(ReportCommand.Create());
        root.Subcommands.Add(QuicklookCommand.Create());
        root.Subcommands.Add(DemoCommand.Create());
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var e in parse.Errors) Console.Error.WriteLine($"parallax: {e.Message}");
            Console.Error.WriteLine("Try 'parallax --help'.");
            return ExitCodes.UsageError;
        }
        // run and reduce handle Ctrl-C and SIGTERM themselves (Interrupt), to stop cleanly and exit
        // with 130; the other commands keep the runtime's default of ending at once.
        return parse.Invoke(new InvocationConfiguration { ProcessTerminationTimeout = null });
    }
}

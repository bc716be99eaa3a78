namespace Parallax.Cli;

/// <summary>Process exit codes of the parallax command (documented in the README).</summary>
internal static class ExitCodes
{
    /// <summary>Everything asked for was done.</summary>
    public const int Success = 0;

    /// <summary>Some inputs were bad (each reported on one line); the others were processed.</summary>
    public const int SomeInputsFailed = 1;

    /// <summary>The command line was wrong (unknown option, bad value).</summary>
    public const int UsageError = 2;

    /// <summary>Nothing could be done (e.g. every input failed, output not writable).</summary>
    public const int Failed = 3;
}

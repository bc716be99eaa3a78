using System.Runtime.InteropServices;

namespace Parallax.Cli.Commands;

/// <summary>
/// Turns Ctrl-C and SIGTERM into a cancellation the long commands (run, reduce) pass to the
/// engine: running tasks stop, temporary files are removed, and the command exits with 130.
/// A second Ctrl-C is left to the runtime, which ends the process at once (atomic writes still
/// leave no partial product; the next run removes the temporary files).
/// </summary>
internal static class Interrupt
{
    private static readonly CancellationTokenSource Source = new();
    private static readonly List<PosixSignalRegistration> Registrations = [];

    /// <summary>Cancelled when the user interrupts.</summary>
    public static CancellationToken Token => Source.Token;

    /// <summary>Starts listening for SIGINT and SIGTERM (once; later calls do nothing).</summary>
    public static void Install()
    {
        if (Registrations.Count > 0) return;
        foreach (var signal in new[] { PosixSignal.SIGINT, PosixSignal.SIGTERM })
        {
            Registrations.Add(PosixSignalRegistration.Create(signal, context =>
            {
                if (Source.IsCancellationRequested) return;
                context.Cancel = true;
                Console.Error.WriteLine("parallax: interrupted; stopping running tasks (no partial products are left)");
                Source.Cancel();
            }));
        }
    }
}

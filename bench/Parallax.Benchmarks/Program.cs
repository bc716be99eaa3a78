using BenchmarkDotNet.Running;

namespace Parallax.Benchmarks;

/// <summary>Runs the BenchmarkDotNet suites: <c>dotnet run -c Release --project bench/Parallax.Benchmarks -- --filter '*'</c>.</summary>
public static class Program
{
    /// <summary>Entry point; passes arguments to BenchmarkSwitcher (use --filter, --job short, ...).</summary>
    public static void Main(string[] args)
    {
        if (args.Length > 0 && args[0] == "readwrite")
        {
            Environment.ExitCode = ReadWriteTiming.Run(args[1..]);
            return;
        }
        if (args.Length > 0 && args[0] == "compression")
        {
            Environment.ExitCode = CompressionTiming.Run(args[1..]);
            return;
        }
        if (args.Length > 0 && args[0] == "resample-cpu")
        {
            Environment.ExitCode = ResampleCpuTiming.Run(args[1..]);
            return;
        }
        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
    }
}

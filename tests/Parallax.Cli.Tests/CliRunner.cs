using System.Diagnostics;

namespace Parallax.Cli.Tests;

/// <summary>Runs the built parallax command as a separate process, as a user would.</summary>
public static class CliRunner
{
    /// <summary>Runs <c>parallax</c> with arguments; returns exit code, standard output and standard error.</summary>
    public static (int ExitCode, string Stdout, string Stderr) Run(params string[] args)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "parallax.dll");
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        psi.ArgumentList.Add(dll);
        foreach (var a in args) psi.ArgumentList.Add(a);
        psi.Environment["NO_COLOR"] = "1";
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(120_000)) { p.Kill(true); throw new TimeoutException("parallax did not finish in 120 s"); }
        return (p.ExitCode, stdout.Result, stderr.Result);
    }
}

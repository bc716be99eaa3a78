using System.Diagnostics;

namespace Parallax.Testing;

/// <summary>Runs peer tools (fitsverify, python3 with astropy) from tests; skips when a tool is absent.</summary>
public static class ExternalTool
{
    /// <summary>Full path of a program on PATH, or null.</summary>
    public static string? Find(string name)
    {
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':'))
        {
            var p = Path.Combine(dir, name);
            if (File.Exists(p)) return p;
        }
        return null;
    }

    /// <summary>Runs a program and returns its exit code and combined output.</summary>
    public static (int ExitCode, string Output) Run(string program, string arguments, string? stdin = null, int timeoutMs = 120_000)
    {
        var psi = new ProcessStartInfo(program, arguments)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = stdin is not null,
            UseShellExecute = false,
        };
        using var p = Process.Start(psi)!;
        if (stdin is not null)
        {
            p.StandardInput.Write(stdin);
            p.StandardInput.Close();
        }
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(timeoutMs))
        {
            p.Kill(entireProcessTree: true);
            throw new TimeoutException($"{program} {arguments} did not finish in {timeoutMs} ms");
        }
        return (p.ExitCode, stdout.Result + stderr.Result);
    }

    /// <summary>Skips unless fitsverify is installed; returns its path.</summary>
    public static string RequireFitsverify()
    {
        var p = Find("fitsverify");
        Skip.If(p is null, "fitsverify is not installed (apt-get install fitsverify); scripts/test.sh installs it");
        return p!;
    }

    /// <summary>Skips unless /usr/bin/python3 with astropy is available; returns the interpreter path.</summary>
    public static string RequireAstropy()
    {
        const string py = "/usr/bin/python3";
        Skip.IfNot(File.Exists(py), "/usr/bin/python3 is absent; astropy cross-checks need it");
        var (code, _) = Run(py, "-c \"import astropy.io.fits\"");
        Skip.If(code != 0, "astropy is not installed for /usr/bin/python3 (apt-get install python3-astropy)");
        return py;
    }

    /// <summary>Runs fitsverify on a file and returns (errors, warnings, full report).</summary>
    public static (int Errors, int Warnings, string Report) Fitsverify(string file)
    {
        var exe = RequireFitsverify();
        var (_, output) = Run(exe, $"\"{file}\"");
        // The report ends with: "**** Verification found N warning(s) and M error(s). ****"
        var m = System.Text.RegularExpressions.Regex.Match(output, @"Verification found (\d+) warning\(s\) and (\d+) error\(s\)");
        if (!m.Success) throw new InvalidOperationException("unexpected fitsverify output:\n" + output);
        return (int.Parse(m.Groups[2].Value), int.Parse(m.Groups[1].Value), output);
    }
}

using Parallax.Fits;
using Parallax.Fits.Checksums;

namespace Parallax.Cli.Tests;

/// <summary>A reduction killed or interrupted in the middle of writing a product leaves no partial file, and the next run completes.</summary>
public class InterruptionTests
{
    /// <summary>Each HDU written is followed by this pause, so the test can catch the process mid-write.</summary>
    private static readonly Dictionary<string, string> Slow = new() { ["PARALLAX_WRITE_DELAY_MS"] = "1000" };

    /// <summary>Waits until a temporary product file appears: the process is now in the middle of a write.</summary>
    private static string WaitForTemporary(SimNight n)
    {
        string[] found = [];
        Assert.True(SpinWait.SpinUntil(() => (found = n.Temporaries()).Length > 0, 60_000), "no product write started within 60 s");
        return found[0];
    }

    private static void AssertComplete(SimNight n)
    {
        foreach (var p in Directory.GetFiles(n.Out, "*.fits"))
        {
            using var f = FitsFile.Open(p);
            Assert.True(f.Hdus.Count >= 4, $"{p}: {f.Hdus.Count} HDUs");
            Assert.All(f.Hdus, h => Assert.Equal(ChecksumStatus.Valid, ChecksumVerifier.Verify(h).Datasum));
        }
    }

    public class Kill
    {
        [Fact]
        public void Given_a_reduction_killed_while_writing_a_large_product_When_inspected_Then_no_partial_product_exists_and_a_rerun_completes()
        {
            using var n = new SimNight(size: 8);
            string temporary;
            using (var p = new CliProcess(Slow, "reduce", n.Raw, "-o", n.Out, "-j", "1"))
            {
                temporary = WaitForTemporary(n);
                p.Kill();
                p.Wait();
            }
            // The product being written is not at its final name; the files that are there are whole.
            var target = Path.GetFileName(temporary)[1..].Split(".fits.")[0] + ".fits";
            Assert.False(File.Exists(n.Product(target)), $"{target} exists after the kill");
            AssertComplete(n);

            var (code, stdout, stderr) = CliRunner.Run("reduce", n.Raw, "-o", n.Out);
            Assert.True(code == 0, stdout + stderr);
            Assert.Contains("removed 1 temporary file(s) left by an interrupted run", stderr);
            Assert.Empty(n.Temporaries());
            Assert.Equal(8, Directory.GetFiles(n.Out, "*.fits").Length);
            AssertComplete(n);
        }
    }

    public class CtrlC
    {
        [Fact]
        public void Given_a_reduction_interrupted_with_SIGINT_while_writing_When_it_exits_Then_code_130_no_temporary_file_and_a_rerun_resumes()
        {
            using var n = new SimNight();
            int code;
            string stdout, stderr;
            using (var p = new CliProcess(Slow, "reduce", n.Raw, "-o", n.Out, "-j", "1"))
            {
                WaitForTemporary(n);
                p.Interrupt();
                (code, stdout, stderr) = p.Wait();
            }
            Assert.True(code == 130, stdout + stderr);
            Assert.Contains("interrupted; stopping running tasks", stderr);
            Assert.Contains("Interrupted: no partial product was left; run the same command again to resume.", stdout);
            Assert.Empty(n.Temporaries());
            // Interrupted while writing the first product (one task at a time): nothing was finished.
            Assert.Empty(Directory.GetFiles(n.Out, "*.fits"));

            (code, stdout, stderr) = CliRunner.Run("reduce", n.Raw, "-o", n.Out);
            Assert.True(code == 0, stdout + stderr);
            Assert.Contains("6 done, 0 up to date", stdout);
        }
    }
}

using System.Globalization;
using System.Text.RegularExpressions;

namespace Parallax.Cli.Tests;

public class DemoCommandTests
{
    [Fact]
    public void Given_the_small_preset_When_the_demo_runs_Then_the_night_is_simulated_reduced_and_reported_with_its_wall_time()
    {
        using var dir = new TempDir();
        var (code, stdout, stderr) = CliRunner.Run("demo", "--preset", "small", "--seed", "3", "-o", dir.Path);
        Assert.True(code == 0, stdout + stderr);
        // The small night: 18 frames, and one reduced product per science frame (4), with its quick-look.
        Assert.Contains("18 frames (5 bias, 3 dark, 6 flat, 4 object)", stdout);
        Assert.Equal(18, Directory.GetFiles(dir.File("night/raw"), "*.fits").Length);
        Assert.True(File.Exists(dir.File("night/truth/catalog.csv")));
        var reduced = Directory.GetFiles(dir.File("reduced"), "REDUCED_IMAGE_*.fits");
        Assert.Equal(4, reduced.Length);
        Assert.All(reduced, f => Assert.True(File.Exists(Path.ChangeExtension(f, ".png")), f));
        Assert.Contains("10 task(s)", stdout);
        Assert.Contains("10 done, 0 up to date, 0 no work, 0 failed, 0 blocked", stdout);
        var report = dir.File("reduced/night_report.html");
        Assert.True(File.Exists(report));
        Assert.Contains($"Night report: {report}", stdout);
        var m = Regex.Match(stdout, @"Demo finished in ([0-9.]+) s wall time \(simulate ([0-9.]+) s, reduce and report ([0-9.]+) s\)");
        Assert.True(m.Success, stdout);
        double S(int g) => double.Parse(m.Groups[g].Value, CultureInfo.InvariantCulture);
        Assert.Equal(S(1), S(2) + S(3), 1);
    }

    [Fact]
    public void Given_a_demo_folder_When_the_demo_runs_again_Then_the_same_night_is_found_up_to_date()
    {
        using var dir = new TempDir();
        Assert.Equal(0, CliRunner.Run("demo", "--preset", "small", "-o", dir.Path).ExitCode);
        var (code, stdout, stderr) = CliRunner.Run("demo", "--preset", "small", "-o", dir.Path);
        Assert.True(code == 0, stdout + stderr);
        Assert.Contains("0 done, 10 up to date", stdout);
    }

    [Fact]
    public void Given_an_unknown_preset_When_run_Then_it_is_a_usage_error()
    {
        using var dir = new TempDir();
        var (code, _, stderr) = CliRunner.Run("demo", "--preset", "large", "-o", dir.Path);
        Assert.Equal(2, code);
        Assert.Contains("large", stderr);
    }
}

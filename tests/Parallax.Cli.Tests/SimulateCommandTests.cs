namespace Parallax.Cli.Tests;

public class SimulateCommandTests
{
    [Fact]
    public void Given_the_small_preset_When_simulated_Then_raw_frames_and_truth_are_written_and_summarised()
    {
        using var dir = new TempDir();
        var (code, stdout, stderr) = CliRunner.Run("simulate", "--instrument", "sim-imager", "--preset", "small", "-o", dir.Path, "--seed", "5");
        Assert.True(code == 0, stderr);
        Assert.Contains("18 frames (5 bias, 3 dark, 6 flat, 4 object)", stdout);
        Assert.Equal(18, Directory.GetFiles(dir.File("raw"), "*.fits").Length);
        Assert.True(File.Exists(dir.File("truth/frames.csv")));
        // A second run into the same folder is refused unless asked for.
        var again = CliRunner.Run("simulate", "--instrument", "sim-imager", "--preset", "small", "-o", dir.Path);
        Assert.Equal(3, again.ExitCode);
        Assert.Contains("--overwrite", again.Stderr);
    }

    [Fact]
    public void Given_both_a_plan_and_a_preset_When_run_Then_it_is_a_usage_error()
    {
        using var dir = new TempDir();
        var (code, _, stderr) = CliRunner.Run("simulate", "-i", "sim-imager", "--preset", "small", "--plan", "x.yaml", "-o", dir.Path);
        Assert.Equal(2, code);
        Assert.Contains("exactly one of --plan", stderr);
    }

    [Fact]
    public void Given_an_unknown_instrument_When_run_Then_the_built_in_models_are_listed()
    {
        using var dir = new TempDir();
        var (code, _, stderr) = CliRunner.Run("simulate", "-i", "nope", "--preset", "small", "-o", dir.Path);
        Assert.Equal(3, code);
        Assert.Contains("sim-imager", stderr);
        Assert.Contains("sim-longslit", stderr);
    }

    [Fact]
    public void Given_a_plan_with_a_misspelt_key_When_run_Then_the_file_and_line_are_named()
    {
        using var dir = new TempDir();
        File.WriteAllText(dir.File("plan.yaml"), "start: 2025-03-16T01:00:00\ncalibrations:\n  - {type: bias, cout: 3}\n");
        var (code, _, stderr) = CliRunner.Run("simulate", "-i", "sim-imager", "--plan", dir.File("plan.yaml"), "-o", dir.File("out"));
        Assert.Equal(3, code);
        Assert.Contains("plan.yaml:3", stderr);
    }
}

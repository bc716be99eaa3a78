namespace Parallax.Cli.Tests;

/// <summary>
/// A user instrument file whose chained step (the simulator imager's coadd of the reduced frames per
/// filter and object) names a recipe that is not registered. organise shows the chained task;
/// reduce reports it UnknownRecipe and reduces the rest.
/// </summary>
public class ChainedCascadeCliTests
{
    private static string UserInstruments(SimNight night)
    {
        var shipped = File.ReadAllText(Path.Combine(RepositoryLayout.RepoRoot, "instruments", "parallax-sim-imager.yaml"));
        const string step = "  - {category: SCIENCE, from: REDUCED_IMAGE, recipe: coadd, product: COADD, group_by: [filter, object]}\n";
        Assert.Contains(step, shipped);
        var folder = night.File("instruments");
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "sim.yaml"), shipped.Replace(step, step.Replace("recipe: coadd,", "recipe: stack_frames,")));
        return folder;
    }

    [Fact]
    public void Given_a_chained_coadd_step_When_organised_Then_the_task_lists_its_upstream_task_and_group_by_values()
    {
        using var night = new SimNight();
        var (code, stdout, stderr) = CliRunner.Run("organise", night.Raw, "--instruments", UserInstruments(night));
        Assert.True(code == 0, stderr);
        Assert.Contains("6. stack_frames:SCIENCE-1  [ready]  REDUCED_IMAGE of reduce_image:SCIENCE-1 -> COADD_SCIENCE-1", stdout);
        Assert.Contains("grouped by filter=V, object=M 67", stdout);
    }

    [Fact]
    public void Given_a_chained_step_whose_recipe_does_not_exist_When_reduced_Then_it_is_reported_and_everything_else_is_done()
    {
        using var night = new SimNight();
        var (code, stdout, stderr) = CliRunner.Run("reduce", night.Raw, "-o", night.Out, "--instruments", UserInstruments(night), "--no-report");
        Assert.True(code == 1, stdout + stderr);
        Assert.Contains("5 done, 0 up to date, 0 no work, 1 failed, 0 blocked", stdout);
        Assert.Contains("failed     stack_frames:SCIENCE-1: no recipe named 'stack_frames'", stdout);
        Assert.Equal(3, Directory.GetFiles(night.Out, "REDUCED_IMAGE_*.fits").Length);
    }
}

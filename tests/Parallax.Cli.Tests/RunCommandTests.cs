using System.Text.Json;
using Parallax.Fits;

namespace Parallax.Cli.Tests;

public class RunCommandTests
{
    private static string[] Biases(SimNight n) => [.. Enumerable.Range(1, 3).Select(i => n.File($"raw/cal/bias{i}.fits"))];

    public class Run
    {
        [Fact]
        public void Given_bias_files_When_master_bias_runs_Then_the_product_is_written_with_provenance_of_every_parameter_source()
        {
            using var n = new SimNight();
            var paramsFile = n.File("night.yaml");
            File.WriteAllText(paramsFile, "master_bias:\n  clip_sigma: 4\n");
            var (code, stdout, stderr) = CliRunner.Run(["run", "master_bias", .. Biases(n), "-o", n.Out, "--params", paramsFile, "--param", "combine=mean"]);
            Assert.True(code == 0, stderr);
            var product = n.Product("MASTER_BIAS_bias1.fits");
            Assert.StartsWith($"wrote {product}  MASTER_BIAS  median_adu=", stdout);
            var h = SimNight.PrimaryHeader(product);
            Assert.Equal(("mean", "command-line"), (h.GetString("PARALLAX PARAM COMBINE"), h.GetString("PARALLAX PARAM COMBINE SOURCE")));
            Assert.Equal((4.0, "file", "night.yaml"), (h.GetDouble("PARALLAX PARAM CLIP_SIGMA"), h.GetString("PARALLAX PARAM CLIP_SIGMA SOURCE"), h.FindCard("PARALLAX PARAM CLIP_SIGMA SOURCE")!.Comment));
            Assert.Equal(("master_bias", "MASTER_BIAS", "LEVEL_2", 3L), (h.GetString("RECIPE"), h.GetString("PRODCATG"), h.GetString("PROCSTAT"), h.GetInt64("NINPUTS")));
            // The level is the median over the data sections; the overscan (also 1000 here) is never part of the QC.
            Assert.InRange(h.GetDouble("PARALLAX QC MEDIAN_ADU"), 999, 1001);
            Assert.InRange(h.GetDouble("PARALLAX QC NOISE_ADU"), 4.5, 5.5);
        }

        [Fact]
        public void Given_only_the_instrument_file_When_master_bias_runs_Then_its_values_are_recorded_as_from_the_instrument()
        {
            using var n = new SimNight();
            Assert.Equal(0, CliRunner.Run(["run", "master_bias", .. Biases(n), "-o", n.Out]).ExitCode);
            var h = SimNight.PrimaryHeader(n.Product("MASTER_BIAS_bias1.fits"));
            Assert.Equal(("median", "instrument", "parallax-sim-imager.yaml"), (h.GetString("PARALLAX PARAM COMBINE"), h.GetString("PARALLAX PARAM COMBINE SOURCE"), h.FindCard("PARALLAX PARAM COMBINE SOURCE")!.Comment));
        }

        [Fact]
        public void Given_an_out_of_range_parameter_When_run_Then_exit_code_2_one_line_and_no_product()
        {
            using var n = new SimNight();
            var (code, _, stderr) = CliRunner.Run(["run", "master_bias", .. Biases(n), "-o", n.Out, "--param", "clip_sigma=-1"]);
            Assert.Equal(2, code);
            Assert.Equal("parallax: master_bias: clip_sigma = -1 is below the minimum 0 (from the command line)", stderr.Trim());
            Assert.False(File.Exists(n.Product("MASTER_BIAS_bias1.fits")));
        }

        [Fact]
        public void Given_a_finished_run_When_run_again_Then_it_is_up_to_date_and_with_force_it_is_rewritten()
        {
            using var n = new SimNight();
            string[] args = ["run", "master_bias", .. Biases(n), "-o", n.Out];
            Assert.Equal(0, CliRunner.Run(args).ExitCode);
            var product = n.Product("MASTER_BIAS_bias1.fits");
            var old = new DateTime(2001, 1, 1, 0, 0, 0, DateTimeKind.Utc);
            var time = File.GetLastWriteTimeUtc(product);
            var (code, stdout, _) = CliRunner.Run(args);
            Assert.Equal(0, code);
            Assert.StartsWith($"up to date {product}", stdout);
            Assert.Equal(time, File.GetLastWriteTimeUtc(product));
            File.SetLastWriteTimeUtc(product, old);
            (code, stdout, _) = CliRunner.Run([.. args, "--force"]);
            Assert.Equal(0, code);
            Assert.StartsWith($"wrote {product}", stdout);
            Assert.True(File.GetLastWriteTimeUtc(product) > old.AddYears(10));
        }

        [Fact]
        public void Given_a_sof_with_darks_and_a_master_bias_When_master_dark_runs_Then_the_bias_is_used_and_listed()
        {
            using var n = new SimNight();
            Assert.Equal(0, CliRunner.Run(["run", "master_bias", .. Biases(n), "-o", n.Out]).ExitCode);
            var sof = n.File("dark.sof");
            File.WriteAllLines(sof, ["# darks of 100 s", .. Enumerable.Range(1, 3).Select(i => $"{n.File($"raw/cal/dark{i}.fits")} DARK"), $"{n.Product("MASTER_BIAS_bias1.fits")} MASTER_BIAS"]);
            var (code, stdout, stderr) = CliRunner.Run("run", "master_dark", sof, "-o", n.Out);
            Assert.True(code == 0, stderr);
            Assert.Contains("MASTER_DARK_dark1.fits  MASTER_DARK", stdout);
            var h = SimNight.PrimaryHeader(n.Product("MASTER_DARK_dark1.fits"));
            Assert.Equal(("MASTER_BIAS_bias1.fits", "MASTER_BIAS"), (h.GetString("CALIB1"), h.GetString("CALCAT1")));
            Assert.InRange(h.GetDouble("PARALLAX QC DARK_CURRENT_ADU_S"), 0.98, 1.02);
        }

        [Fact]
        public void Given_no_master_bias_anywhere_When_master_dark_runs_Then_exit_code_4_with_one_line_and_verbose_adds_the_explanation()
        {
            using var n = new SimNight();
            string[] args = ["run", "master_dark", .. Enumerable.Range(1, 3).Select(i => n.File($"raw/cal/dark{i}.fits")), "-o", n.Out, "--caldb", n.File("caldb.sqlite")];
            var (code, _, stderr) = CliRunner.Run(args);
            Assert.Equal(4, code);
            Assert.Equal("parallax: master_dark: calibration not found: no MASTER_BIAS for DARK frames given (binning=1x1, readout=normal) at MJD 60370.7583", stderr.Trim());
            (code, _, stderr) = CliRunner.Run([.. args, "--verbose"]);
            Assert.Equal(4, code);
            Assert.Contains("rule: MASTER_BIAS for DARK: match binning, readout", stderr);
            Assert.Contains("no MASTER_BIAS is known at all", stderr);
        }

        [Fact]
        public void Given_biases_too_noisy_for_the_instrument_QC_When_master_bias_runs_Then_exit_code_7_and_the_product_is_marked_bad()
        {
            using var n = new SimNight(biasNoise: 40);
            var (code, stdout, stderr) = CliRunner.Run(["run", "master_bias", .. Biases(n), "-o", n.Out, "--caldb", n.File("caldb.sqlite")]);
            Assert.Equal(7, code);
            Assert.EndsWith("[BAD]", stdout.Trim());
            Assert.Matches(@"^parallax: master_bias: MASTER_BIAS_bias1\.fits failed QC: noise_adu = \d+(\.\d+)? is above the maximum 20 \(parallax-sim-imager\.yaml\); marked bad$", stderr.Trim());
            var list = CliRunner.Run("caldb", "list", "--db", n.File("caldb.sqlite"), "--json");
            Assert.Equal("bad", JsonDocument.Parse(list.Stdout).RootElement[0].GetProperty("quality").GetString());
        }

        [Fact]
        public void Given_a_sof_whose_frames_are_all_corrupt_When_run_Then_exit_code_5_and_each_frame_is_named()
        {
            using var n = new SimNight();
            foreach (var b in Biases(n)) File.WriteAllText(b, "garbage");
            var sof = n.File("bias.sof");
            File.WriteAllLines(sof, Biases(n).Select(b => $"{b} BIAS"));
            var (code, _, stderr) = CliRunner.Run("run", "master_bias", sof, "-o", n.Out);
            Assert.Equal(5, code);
            var lines = stderr.Trim().Split('\n');
            Assert.Equal("parallax: master_bias: unprocessable data: none of the 3 input frame(s) can be read", lines[0]);
            Assert.Equal(3, lines.Count(l => l.StartsWith("parallax: skipped bias", StringComparison.Ordinal)));
        }

        [Fact]
        public void Given_json_When_run_Then_the_report_is_machine_readable()
        {
            using var n = new SimNight();
            var (code, stdout, _) = CliRunner.Run(["run", "master_bias", .. Biases(n), "-o", n.Out, "--json"]);
            Assert.Equal(0, code);
            var r = JsonDocument.Parse(stdout).RootElement;
            Assert.Equal(("done", "master_bias:bias1"), (r.GetProperty("state").GetString(), r.GetProperty("task").GetString()));
            var product = r.GetProperty("products")[0];
            Assert.Equal(FileSha(n.Product("MASTER_BIAS_bias1.fits")), product.GetProperty("sha256").GetString());
            Assert.Equal("provisional", product.GetProperty("quality").GetString());
        }

        private static string FileSha(string path) => Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(path)));
    }
}

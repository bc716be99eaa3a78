using System.Text.Json;
using Parallax.Fits;
using Parallax.Fits.Checksums;

namespace Parallax.Cli.Tests;

public class ReduceCommandTests
{
    private static readonly string[] Products =
    [
        "COADD_SCIENCE-1.fits", "MASTER_BIAS_BIAS-1.fits", "MASTER_BPM_FLAT-1.fits", "MASTER_DARK_DARK-1.fits", "MASTER_FLAT_FLAT-1.fits",
        "REDUCED_IMAGE_m67_1.fits", "REDUCED_IMAGE_m67_2.fits", "REDUCED_IMAGE_m67_3.fits",
    ];

    public class Reduce
    {
        [Fact]
        public void Given_a_night_When_reduced_Then_the_whole_cascade_runs_and_every_product_is_registered()
        {
            using var n = new SimNight();
            var (code, stdout, stderr) = CliRunner.Run("reduce", n.Raw, "-o", n.Out);
            Assert.True(code == 0, stdout + stderr);
            Assert.Equal(Products, n.ProductTimes().Keys.Order());
            Assert.Matches(@"\d\d:\d\d:\d\d done\s+master_bias:BIAS-1  MASTER_BIAS_BIAS-1\.fits \(median_adu=", stdout);
            Assert.Contains("Summary: 6 task(s) in", stdout);
            Assert.Contains("6 done, 0 up to date, 0 no work, 0 failed, 0 blocked; 0 input(s) skipped", stdout);
            // (1500 - 1000 - 100) / 1 (the flat is normalised to 1): a sky level of about 400 ADU, 600 electrons at a gain of 1.5.
            var sky = SimNight.PrimaryHeader(n.Product("REDUCED_IMAGE_m67_2.fits")).GetDouble("PARALLAX QC MEDIAN_E");
            Assert.InRange(sky, 592.5, 607.5);
            var records = JsonDocument.Parse(CliRunner.Run("caldb", "list", "--db", n.Product("caldb.sqlite"), "--json").Stdout).RootElement.EnumerateArray().ToList();
            Assert.Equal(["COADD", "MASTER_BIAS", "MASTER_BPM", "MASTER_DARK", "MASTER_FLAT", "REDUCED_IMAGE", "REDUCED_IMAGE", "REDUCED_IMAGE"], records.Select(r => r.GetProperty("category").GetString()).Order());
            Assert.All(records, r => Assert.Equal("provisional", r.GetProperty("quality").GetString()));
        }

        [Fact]
        public void Given_a_reduced_night_When_reduced_again_Then_no_product_is_rewritten_and_force_rewrites_them_all()
        {
            using var n = new SimNight();
            Assert.Equal(0, CliRunner.Run("reduce", n.Raw, "-o", n.Out).ExitCode);
            var before = n.ProductTimes();
            var (code, stdout, _) = CliRunner.Run("reduce", n.Raw, "-o", n.Out);
            Assert.Equal(0, code);
            Assert.Contains("0 done, 6 up to date", stdout);
            Assert.Equal(before, n.ProductTimes());
            foreach (var p in before.Keys) File.SetLastWriteTimeUtc(n.Product(p), new DateTime(2001, 1, 1, 0, 0, 0, DateTimeKind.Utc));
            (code, stdout, _) = CliRunner.Run("reduce", n.Raw, "-o", n.Out, "--force");
            Assert.Equal(0, code);
            Assert.Contains("6 done, 0 up to date", stdout);
            Assert.All(n.ProductTimes().Values, t => Assert.True(t.Year > 2020));
        }

        [Fact]
        public void Given_a_corrupt_frame_and_an_unreadable_file_in_the_middle_of_the_night_When_reduced_Then_both_are_reported_and_the_rest_is_reduced()
        {
            using var n = new SimNight();
            using (var s = new FileStream(n.File("raw/sci/m67_2.fits"), FileMode.Open)) s.SetLength(2880 + 100);
            File.WriteAllText(n.File("raw/cal/bias4.fits"), "SIMPLE  = this is not a header" + new string(' ', 60));
            var (code, stdout, stderr) = CliRunner.Run("reduce", n.Raw, "-o", n.Out);
            Assert.Equal(1, code);
            Assert.Contains("bias4.fits", stderr);
            Assert.Contains("6 done, 0 up to date, 0 no work, 0 failed, 0 blocked; 2 input(s) skipped", stdout);
            Assert.Matches(@"skipped\s+m67_2\.fits: .*m67_2\.fits.* \(reduce_image:SCIENCE-1\)", stdout);
            Assert.Equal(Products.Where(p => p != "REDUCED_IMAGE_m67_2.fits"), n.ProductTimes().Keys.Order());
        }

        [Fact]
        public void Given_a_master_bias_that_fails_QC_When_reduced_Then_it_is_marked_bad_and_its_dependents_are_blocked_with_the_reason()
        {
            using var n = new SimNight(biasNoise: 40);
            var (code, stdout, _) = CliRunner.Run("reduce", n.Raw, "-o", n.Out);
            Assert.Equal(3, code);
            Assert.Contains("0 done, 0 up to date, 0 no work, 1 failed, 5 blocked", stdout);
            Assert.Matches(@"qc-failed\s+master_bias:BIAS-1: MASTER_BIAS_BIAS-1\.fits failed QC: noise_adu = [\d.]+ is above the maximum 20", stdout);
            Assert.Contains("blocked    master_dark:DARK-1: needs MASTER_BIAS from master_bias:BIAS-1, whose product failed QC", stdout);
            Assert.Equal(["MASTER_BIAS_BIAS-1.fits"], n.ProductTimes().Keys);
            var record = JsonDocument.Parse(CliRunner.Run("caldb", "list", "--db", n.Product("caldb.sqlite"), "--json").Stdout).RootElement.EnumerateArray().Single();
            Assert.Equal("bad", record.GetProperty("quality").GetString());
        }

        [Fact]
        public void Given_a_parameter_no_recipe_has_When_reduced_Then_exit_code_2_before_anything_runs()
        {
            using var n = new SimNight();
            var (code, _, stderr) = CliRunner.Run("reduce", n.Raw, "-o", n.Out, "--param", "clip_sigm=2");
            Assert.Equal(2, code);
            Assert.Equal("parallax: unknown parameter 'clip_sigm' (from the command line): no recipe declares it", stderr.Trim());
            Assert.False(Directory.Exists(n.Out) && Directory.GetFiles(n.Out, "*.fits").Length > 0);
        }

        [Fact]
        public void Given_a_scoped_parameter_out_of_range_When_reduced_Then_exit_code_2_names_recipe_and_source()
        {
            using var n = new SimNight();
            var (code, _, stderr) = CliRunner.Run("reduce", n.Raw, "-o", n.Out, "--param", "master_flat.min_level=70000");
            Assert.Equal(2, code);
            Assert.Equal("parallax: master_flat: min_level = 70000 must be below max_level = 60000: no flat could qualify (min_level from the command line, max_level from the default)", stderr.Trim());
        }

        [Fact]
        public void Given_json_When_reduced_Then_every_task_report_is_machine_readable()
        {
            using var n = new SimNight();
            var (code, stdout, stderr) = CliRunner.Run("reduce", n.Raw, "-o", n.Out, "--json", "-j", "1");
            Assert.True(code == 0, stdout + stderr);
            var root = JsonDocument.Parse(stdout).RootElement;
            Assert.Equal(6, root.GetProperty("counts").GetProperty("done").GetInt32());
            Assert.Equal(["done", "done", "done", "done", "done", "done"], root.GetProperty("tasks").EnumerateArray().Select(t => t.GetProperty("state").GetString()));
        }

        [SkippableFact]
        public void Given_a_reduced_night_When_fitsverify_checks_every_product_Then_none_has_an_error_or_warning()
        {
            Skip.If(Fitsverify.Path is null, "fitsverify is not installed (apt-get install fitsverify); scripts/test.sh installs it");
            using var n = new SimNight();
            Assert.Equal(0, CliRunner.Run("reduce", n.Raw, "-o", n.Out, "--save-intermediate").ExitCode);
            var files = Directory.GetFiles(n.Out, "*.fits", SearchOption.AllDirectories);
            Assert.Equal(11, files.Length);
            foreach (var f in files)
            {
                var (errors, warnings, report) = Fitsverify.Check(f);
                Assert.True(errors == 0 && warnings == 0, report);
            }
        }

        [Fact]
        public void Given_a_reduced_night_When_each_product_is_verified_Then_every_HDU_checksum_is_valid()
        {
            using var n = new SimNight();
            Assert.Equal(0, CliRunner.Run("reduce", n.Raw, "-o", n.Out).ExitCode);
            foreach (var p in Products)
            {
                using var f = FitsFile.Open(n.Product(p));
                Assert.All(f.Hdus, h => Assert.Equal((ChecksumStatus.Valid, ChecksumStatus.Valid), (ChecksumVerifier.Verify(h).Checksum, ChecksumVerifier.Verify(h).Datasum)));
            }
        }
    }
}

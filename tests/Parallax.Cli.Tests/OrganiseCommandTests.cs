using System.Text.Json;
using Parallax.Fits;
using Parallax.Fits.Headers;
using Parallax.Fits.Images;

namespace Parallax.Cli.Tests;

public class OrganiseCommandTests
{
    private static void Sim(TempDir dir, string name, string imagetyp, double exptime, string dateObs, string filter = "V")
    {
        var h = new Header();
        h.Set("INSTRUME", "PARALLAX-SIM-IMAGER");
        h.Set("IMAGETYP", imagetyp);
        h.Set("EXPTIME", exptime);
        h.Set("DATE-OBS", dateObs);
        h.Set("FILTER", filter);
        h.Set("OBJECT", imagetyp == "OBJECT" ? "M 67" : "");
        var path = dir.File(name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using var w = FitsWriter.Create(path);
        w.WriteImage(new float[16], [4, 4], h, ImageEncoding.UInt16);
        w.Commit();
    }

    /// <summary>A night of the simulator imager: 3 biases, 3 darks, 3 V flats, 2 V science frames, one corrupt file and a text file.</summary>
    private static TempDir Night()
    {
        var dir = new TempDir();
        for (var i = 1; i <= 3; i++)
        {
            Sim(dir, $"cal/bias{i}.fits", "BIAS", 0, $"2024-03-01T18:0{i}:00");
            Sim(dir, $"cal/dark{i}.fits", "DARK", 120, $"2024-03-01T18:1{i}:00");
            Sim(dir, $"cal/flat{i}.fits", "FLAT", 5, $"2024-03-01T18:3{i}:00");
        }
        Sim(dir, "sci/m67_1.fits", "OBJECT", 120, "2024-03-01T20:00:00");
        Sim(dir, "sci/m67_2.fits", "OBJECT", 120, "2024-03-01T20:05:00");
        File.WriteAllText(dir.File("sci/broken.fits"), "SIMPLE  = this is not a FITS header at all" + new string(' ', 100));
        File.WriteAllText(dir.File("notes.txt"), "seeing 1.2 arcsec");
        return dir;
    }

    public class Organise
    {
        [Fact]
        public void Given_a_night_with_a_corrupt_file_When_organised_Then_the_file_is_reported_and_the_rest_is_planned()
        {
            using var dir = Night();
            var (code, stdout, stderr) = CliRunner.Run("organise", dir.Path);
            Assert.Equal(1, code);
            Assert.Contains("broken.fits", stderr);
            Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
            Assert.Contains("12 files", stdout);
            Assert.Contains("11 classified, 0 unclassified, 1 unreadable", stdout);
            Assert.Contains("Cascade (6 tasks):", stdout);
            Assert.Matches(@"5\. reduce_image:SCIENCE-1\s+\[ready\]", stdout);
            Assert.Contains("needs MASTER_FLAT: from master_flat:FLAT-1", stdout);
        }

        [Fact]
        public void Given_json_and_a_sof_folder_When_organised_Then_tasks_depend_on_their_masters_and_SOFs_list_inputs_and_calibrations()
        {
            using var dir = Night();
            var sof = dir.File("sof");
            var (code, stdout, _) = CliRunner.Run("organise", dir.Path, "--json", "--sof-dir", sof);
            Assert.Equal(1, code);
            var root = JsonDocument.Parse(stdout).RootElement;
            Assert.Equal(11, root.GetProperty("files").GetArrayLength());
            var unreadable = root.GetProperty("unreadable").EnumerateArray().Single();
            Assert.EndsWith("broken.fits", unreadable.GetProperty("file").GetString());
            var tasks = root.GetProperty("tasks").EnumerateArray().ToList();
            Assert.Equal(["master_bias:BIAS-1", "master_dark:DARK-1", "master_flat:FLAT-1", "bad_pixel_map:FLAT-1", "reduce_image:SCIENCE-1", "coadd:SCIENCE-1"], tasks.Select(t => t.GetProperty("id").GetString()));
            Assert.Equal(["master_bias:BIAS-1", "master_dark:DARK-1", "master_flat:FLAT-1", "bad_pixel_map:FLAT-1"], tasks[4].GetProperty("depends_on").EnumerateArray().Select(e => e.GetString()));
            var lines = File.ReadAllLines(Path.Combine(sof, "reduce_image_SCIENCE-1.sof"));
            Assert.Equal(6, lines.Length);
            Assert.Equal(Path.GetFullPath(dir.File("sci/m67_1.fits")) + " SCIENCE", lines[0]);
            Assert.EndsWith("MASTER_BIAS_BIAS-1.fits MASTER_BIAS", lines[2]);
            Assert.EndsWith("MASTER_FLAT_FLAT-1.fits MASTER_FLAT", lines[4]);
            Assert.EndsWith("MASTER_BPM_FLAT-1.fits MASTER_BPM", lines[5]);
            Assert.Equal(3, File.ReadAllLines(Path.Combine(sof, "master_bias_BIAS-1.sof")).Length);
        }

        [Fact]
        public void Given_no_flats_When_organised_Then_the_science_task_is_blocked_and_the_miss_is_explained()
        {
            using var dir = Night();
            foreach (var f in Directory.GetFiles(dir.File("cal"), "flat*")) File.Delete(f);
            var (_, stdout, _) = CliRunner.Run("organise", dir.Path);
            Assert.Matches(@"reduce_image:SCIENCE-1\s+\[blocked\]", stdout);
            Assert.Contains("needs MASTER_FLAT: MISSING", stdout);
            Assert.Contains("no MASTER_FLAT is known at all", stdout);
        }

        [Fact]
        public void Given_list_groups_When_organised_Then_one_row_per_group_with_its_frame_count_and_no_file_names()
        {
            using var dir = Night();
            var (_, stdout, _) = CliRunner.Run("organise", dir.Path, "--list", "groups");
            Assert.Matches(@"BIAS-1\s.*\sBIAS\s+3\s", stdout);
            Assert.Matches(@"SCIENCE-1\s.*\sSCIENCE\s+2\s", stdout);
            Assert.DoesNotContain("bias1.fits", stdout);
            Assert.Contains("Cascade (6 tasks):", stdout);
        }

        [Fact]
        public void Given_a_small_night_When_organised_with_the_automatic_listing_Then_every_file_is_listed()
        {
            using var dir = Night();
            var (_, stdout, _) = CliRunner.Run("organise", dir.Path);
            foreach (var name in new[] { "bias1.fits", "dark3.fits", "flat2.fits", "m67_2.fits" }) Assert.Contains(name, stdout);
        }

        [Fact]
        public void Given_a_folder_that_does_not_exist_When_organised_Then_exit_code_3()
        {
            var (code, _, stderr) = CliRunner.Run("organise", "/no/such/folder");
            Assert.Equal(3, code);
            Assert.Contains("no such folder", stderr);
        }
    }

    public class Caldb
    {
        [Fact]
        public void Given_masters_added_When_one_is_marked_bad_Then_explain_selects_the_other_and_list_reports_a_missing_file()
        {
            using var dir = Night();
            var db = dir.File("caldb.sqlite");
            Sim(dir, "masters/flat_V_a.fits", "FLAT", 5, "2024-03-01T19:00:00");
            Sim(dir, "masters/flat_V_b.fits", "FLAT", 5, "2024-03-01T12:00:00");
            Assert.Equal(0, CliRunner.Run("caldb", "add", dir.File("masters/flat_V_a.fits"), dir.File("masters/flat_V_b.fits"), "--db", db, "--category", "MASTER_FLAT", "--quality", "certified").ExitCode);
            var (code, stdout, _) = CliRunner.Run("caldb", "explain", dir.File("sci/m67_1.fits"), "--db", db, "--calibration", "MASTER_FLAT");
            Assert.Equal(0, code);
            Assert.Contains("#1 ", stdout);
            Assert.Equal(0, CliRunner.Run("caldb", "mark-bad", "1", "--db", db, "--note", "dust").ExitCode);
            (code, stdout, _) = CliRunner.Run("caldb", "explain", dir.File("sci/m67_1.fits"), "--db", db, "--calibration", "MASTER_FLAT");
            Assert.Equal(0, code);
            Assert.Contains("#2 ", stdout);
            File.Delete(dir.File("masters/flat_V_b.fits"));
            (code, stdout, _) = CliRunner.Run("caldb", "explain", dir.File("sci/m67_1.fits"), "--db", db, "--calibration", "MASTER_FLAT");
            Assert.Equal(1, code);
            Assert.Contains("marked bad", stdout);
            Assert.Contains("file is missing", stdout);
            (code, stdout, _) = CliRunner.Run("caldb", "list", "--db", db);
            Assert.Equal(1, code);
            Assert.Contains("MISSING", stdout);
            Assert.Contains("bad", stdout);
        }
    }
}

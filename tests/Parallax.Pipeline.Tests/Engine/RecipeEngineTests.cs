using System.Globalization;
using Parallax.Fits;
using Parallax.Pipeline.Calibration;
using Parallax.Pipeline.Engine;
using Parallax.Pipeline.Recipes;
using Parallax.Pipeline.Tests.Support;

namespace Parallax.Pipeline.Tests.Engine;

public class RecipeEngineTests
{
    private static TestRecipe BiasRecipe() => new("make_bias", ["BIAS"], [], "MASTER_BIAS");

    private static string[] ThreeBiases(EngineFixture fx) =>
    [
        fx.Frame("b1.fits", "BIAS", 10),
        fx.Frame("b2.fits", "BIAS", 20),
        fx.Frame("b3.fits", "BIAS", 60),
    ];

    public class Products
    {
        [Fact]
        public void Given_three_frames_When_run_Then_the_product_holds_their_mean_in_SCI_with_VAR_and_DQ()
        {
            using var fx = new EngineFixture();
            var report = fx.Engine().Run(EngineFixture.Request(BiasRecipe(), ThreeBiases(fx)));
            Assert.Equal(TaskState.Done, report.State);
            var path = Path.Combine(fx.Output, "MASTER_BIAS_test.fits");
            Assert.Equal(path, Assert.Single(report.Products).Path);
            Assert.All(EngineFixture.Pixels(path, "SCI"), v => Assert.Equal(30f, v));
            Assert.All(EngineFixture.Pixels(path, "VAR"), v => Assert.Equal(1f, v));
            Assert.All(EngineFixture.Pixels(path, "DQ"), v => Assert.Equal(0f, v));
            using var f = FitsFile.Open(path);
            Assert.Equal(["", "SCI", "VAR", "DQ"], f.Hdus.Select(h => h.Name ?? ""));
            Assert.Equal("adu", f.Image("SCI").Header.GetString("BUNIT"));
        }

        [Fact]
        public void Given_a_run_When_the_product_is_read_back_Then_its_primary_header_records_pipeline_recipe_and_product_kind()
        {
            using var fx = new EngineFixture();
            var before = DateTime.UtcNow.AddSeconds(-2);
            var report = fx.Engine().Run(EngineFixture.Request(BiasRecipe(), ThreeBiases(fx)));
            var h = EngineFixture.PrimaryHeader(report.Products[0].Path);
            Assert.Equal("Parallax", h.GetString("PIPELINE"));
            Assert.Equal(PipelineInfo.Version, h.GetString("PIPEVERS"));
            Assert.StartsWith("0.1.0", h.GetString("PIPEVERS"));
            Assert.Equal(("make_bias", 1L), (h.GetString("RECIPE"), h.GetInt64("RECIPVER")));
            Assert.Equal(("MASTER_BIAS", "master_bias", "LEVEL_2"), (h.GetString("PRODCATG"), h.GetString("PRODTYPE"), h.GetString("PROCSTAT")));
            var date = DateTime.ParseExact(h.GetString("DATE"), "yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);
            Assert.InRange(date, before, DateTime.UtcNow.AddSeconds(2));
            Assert.Equal(("make_bias:test", report.Hash), (h.GetString("TASKID"), h.GetString("TASKHASH")));
            Assert.Equal(64, report.Hash.Length);
            Assert.Equal("engine-test", h.GetString("PARALLAX INSTRUMENT"));
            // The observation keywords of the first input travel with the product.
            Assert.Equal(("ENGINE", "BIAS"), (h.GetString("INSTRUME"), h.GetString("IMAGETYP")));
        }

        [Fact]
        public void Given_parameters_from_three_sources_When_the_product_is_read_back_Then_every_parameter_has_its_value_and_the_source_that_won()
        {
            using var fx = new EngineFixture();
            var report = fx.Engine().Run(EngineFixture.Request(BiasRecipe(), ThreeBiases(fx), cli: ["scale=0.5", "flag=true"]));
            var h = EngineFixture.PrimaryHeader(report.Products[0].Path);
            Assert.Equal(8L, h.GetInt64("NPARAMS"));
            Assert.Equal((0.5, "command-line"), (h.GetDouble("PARALLAX PARAM SCALE"), h.GetString("PARALLAX PARAM SCALE SOURCE")));
            Assert.Equal((true, "command-line"), (h.GetBool("PARALLAX PARAM FLAG"), h.GetString("PARALLAX PARAM FLAG SOURCE")));
            Assert.Equal(("b", "instrument"), (h.GetString("PARALLAX PARAM LABEL"), h.GetString("PARALLAX PARAM LABEL SOURCE")));
            Assert.Equal((1L, "default"), (h.GetInt64("PARALLAX PARAM REPEAT"), h.GetString("PARALLAX PARAM REPEAT SOURCE")));
            Assert.Equal("mean", h.GetString("PARALLAX PARAM MODE"));
            Assert.All(EngineFixture.Pixels(report.Products[0].Path, "SCI"), v => Assert.Equal(15f, v));
        }

        [Fact]
        public void Given_inputs_and_a_calibration_When_the_product_is_read_back_Then_each_is_listed_with_its_category_and_SHA256()
        {
            using var fx = new EngineFixture();
            var inputs = ThreeBiases(fx);
            var offset = fx.Frame("offset.fits", "BIAS", 5);
            var recipe = new TestRecipe("make_flat", ["FLAT"], [("MASTER_BIAS", true)], "MASTER_FLAT");
            var report = fx.Engine().Run(EngineFixture.Request(recipe, inputs, "FLAT", [new TaskFile(offset, "MASTER_BIAS")]));
            Assert.Equal(TaskState.Done, report.State);
            var h = EngineFixture.PrimaryHeader(report.Products[0].Path);
            Assert.Equal(3L, h.GetInt64("NINPUTS"));
            for (var i = 0; i < 3; i++)
            {
                Assert.Equal(Path.GetFileName(inputs[i]), h.GetString($"INPUT{i + 1}"));
                Assert.Equal("FLAT", h.GetString($"INCAT{i + 1}"));
                Assert.Equal(EngineFixture.Sha256(inputs[i]), h.GetString($"INSHA{i + 1}"));
            }
            Assert.Equal((1L, "offset.fits", "MASTER_BIAS", EngineFixture.Sha256(offset)), (h.GetInt64("NCALIBS"), h.GetString("CALIB1"), h.GetString("CALCAT1"), h.GetString("CALSHA1")));
            Assert.Equal((25.0, "PASS"), (h.GetDouble("PARALLAX QC LEVEL"), h.GetString("QCSTATUS")));
            Assert.All(EngineFixture.Pixels(report.Products[0].Path, "SCI"), v => Assert.Equal(25f, v));
        }

        [Fact]
        public void Given_a_product_made_from_a_product_When_read_back_Then_only_the_new_provenance_is_there()
        {
            using var fx = new EngineFixture();
            var first = fx.Engine().Run(EngineFixture.Request(BiasRecipe(), ThreeBiases(fx)));
            var copy = Path.Combine(fx.Raw, "again.fits");
            File.Copy(first.Products[0].Path, copy);
            var request = EngineFixture.Request(BiasRecipe(), [copy]);
            var second = fx.Engine().Run(new TaskRequest { Id = "again", Recipe = request.Recipe, Instrument = request.Instrument, Inputs = request.Inputs, ProductStem = "again" });
            var h = EngineFixture.PrimaryHeader(second.Products[0].Path);
            Assert.Equal(1L, h.GetInt64("NINPUTS"));
            Assert.Equal("again.fits", h.GetString("INPUT1"));
            Assert.False(h.Contains("INPUT2"));
            Assert.Single(h.Cards, c => c.Keyword == "PIPELINE");
        }

        [Fact]
        public void Given_save_intermediate_When_run_Then_intermediate_products_are_written_apart_and_not_registered()
        {
            using var fx = new EngineFixture();
            var report = fx.Engine(saveIntermediate: true).Run(EngineFixture.Request(BiasRecipe(), ThreeBiases(fx)));
            Assert.Equal(4, report.Products.Count);
            Assert.Equal(["MASTER_BIAS_PART_b1.fits", "MASTER_BIAS_PART_b2.fits", "MASTER_BIAS_PART_b3.fits"],
                Directory.GetFiles(Path.Combine(fx.Output, "intermediate")).Select(Path.GetFileName).Order());
            Assert.Equal(["MASTER_BIAS"], fx.Database.List(CalibrationFilter.All).Select(r => r.Category));
        }

        [Fact]
        public void Given_no_save_intermediate_When_run_Then_no_intermediate_is_written()
        {
            using var fx = new EngineFixture();
            var report = fx.Engine().Run(EngineFixture.Request(BiasRecipe(), ThreeBiases(fx)));
            Assert.Single(report.Products);
            Assert.False(Directory.Exists(Path.Combine(fx.Output, "intermediate")));
        }
    }

    public class Idempotency
    {
        [Fact]
        public void Given_a_finished_task_When_run_again_by_a_new_engine_Then_nothing_is_run_or_rewritten()
        {
            using var fx = new EngineFixture();
            var recipe = BiasRecipe();
            var inputs = ThreeBiases(fx);
            var first = fx.Engine().Run(EngineFixture.Request(recipe, inputs));
            var path = first.Products[0].Path;
            var (time, bytes) = (File.GetLastWriteTimeUtc(path), File.ReadAllBytes(path));
            var second = fx.Engine().Run(EngineFixture.Request(recipe, inputs));
            Assert.Equal(TaskState.UpToDate, second.State);
            Assert.Equal(1, recipe.Runs);
            Assert.Equal(time, File.GetLastWriteTimeUtc(path));
            Assert.Equal(bytes, File.ReadAllBytes(path));
            Assert.Equal(first.Hash, second.Hash);
            Assert.StartsWith("up to date: MASTER_BIAS_test.fits", second.Message);
        }

        [Fact]
        public void Given_a_finished_task_When_run_again_with_force_Then_it_runs_and_rewrites_the_product()
        {
            using var fx = new EngineFixture();
            var recipe = BiasRecipe();
            var inputs = ThreeBiases(fx);
            var path = fx.Engine().Run(EngineFixture.Request(recipe, inputs)).Products[0].Path;
            var old = new DateTime(2001, 1, 1, 0, 0, 0, DateTimeKind.Utc);
            File.SetLastWriteTimeUtc(path, old);
            var again = fx.Engine(force: true).Run(EngineFixture.Request(recipe, inputs));
            Assert.Equal((TaskState.Done, 2), (again.State, recipe.Runs));
            Assert.True(File.GetLastWriteTimeUtc(path) > old.AddYears(10));
        }

        [Theory]
        [InlineData("parameter")]
        [InlineData("input")]
        [InlineData("product deleted")]
        public void Given_a_finished_task_When_something_changed_Then_it_runs_again(string change)
        {
            using var fx = new EngineFixture();
            var recipe = BiasRecipe();
            var inputs = ThreeBiases(fx);
            var first = fx.Engine().Run(EngineFixture.Request(recipe, inputs));
            string[] cli = [];
            switch (change)
            {
                case "parameter": cli = ["scale=2"]; break;
                case "input": fx.Frame("b2.fits", "BIAS", 21); break;
                default: File.Delete(first.Products[0].Path); break;
            }
            var second = fx.Engine().Run(EngineFixture.Request(recipe, inputs, cli: cli));
            Assert.Equal((TaskState.Done, 2), (second.State, recipe.Runs));
            Assert.True(File.Exists(first.Products[0].Path));
            Assert.Equal(change == "product deleted", first.Hash == second.Hash);
        }

        [Fact]
        public void Given_a_value_that_moved_from_command_line_to_a_file_When_run_again_Then_it_is_up_to_date()
        {
            using var fx = new EngineFixture();
            var recipe = BiasRecipe();
            var inputs = ThreeBiases(fx);
            fx.Engine().Run(EngineFixture.Request(recipe, inputs, cli: ["scale=2"]));
            var request = EngineFixture.Request(recipe, inputs);
            var again = fx.Engine().Run(new TaskRequest
            {
                Id = request.Id, Recipe = recipe, Instrument = request.Instrument, Inputs = request.Inputs, ProductStem = request.ProductStem, Target = request.Target,
                ParameterLayers = [new ParameterLayer(ParameterSource.UserFile, "p.yaml", [KeyValuePair.Create("scale", (object?)2.0)])],
            });
            Assert.Equal((TaskState.UpToDate, 1), (again.State, recipe.Runs));
        }

        [Fact]
        public void Given_intermediates_were_not_saved_When_run_again_with_save_intermediate_Then_it_runs_to_make_them()
        {
            using var fx = new EngineFixture();
            var recipe = BiasRecipe();
            var inputs = ThreeBiases(fx);
            fx.Engine().Run(EngineFixture.Request(recipe, inputs));
            var again = fx.Engine(saveIntermediate: true).Run(EngineFixture.Request(recipe, inputs));
            Assert.Equal((TaskState.Done, 2, 4), (again.State, recipe.Runs, again.Products.Count));
        }

        [Fact]
        public void Given_a_product_registered_once_When_run_again_and_forced_Then_the_database_still_holds_one_record_for_it()
        {
            using var fx = new EngineFixture();
            var recipe = BiasRecipe();
            var inputs = ThreeBiases(fx);
            var first = fx.Engine().Run(EngineFixture.Request(recipe, inputs));
            fx.Engine().Run(EngineFixture.Request(recipe, inputs));
            fx.Engine(force: true).Run(EngineFixture.Request(recipe, inputs));
            var record = Assert.Single(fx.Database.List(CalibrationFilter.All));
            Assert.Equal((first.Products[0].Path, "sha256:" + EngineFixture.Sha256(first.Products[0].Path)), (record.Path, record.Checksum));
            Assert.Equal(("MASTER_BIAS", "engine-test", CalibrationQuality.Provisional, "1x1", 60370.75), (record.Category, record.Instrument, record.Quality, record.Keys["binning"], record.Mjd));
            Assert.Equal(30, record.Qc["level"]);
        }
    }

    public class BadInput
    {
        [Fact]
        public void Given_a_truncated_frame_among_five_When_run_Then_it_is_skipped_with_the_reason_and_the_rest_is_combined()
        {
            using var fx = new EngineFixture();
            var inputs = new[] { 10f, 20f, 999f, 30f, 40f }.Select((v, i) => fx.Frame($"b{i + 1}.fits", "BIAS", v)).ToArray();
            using (var s = new FileStream(inputs[2], FileMode.Open)) s.SetLength(2880 + 40);
            var report = fx.Engine().Run(EngineFixture.Request(BiasRecipe(), inputs));
            Assert.Equal(TaskState.Done, report.State);
            var skipped = Assert.Single(report.Skipped);
            Assert.Equal("b3.fits", skipped.Name);
            Assert.Contains("b3.fits", skipped.Reason);
            Assert.Contains("1 input(s) skipped", report.Message);
            Assert.All(EngineFixture.Pixels(report.Products[0].Path, "SCI"), v => Assert.Equal(25f, v));
            var h = EngineFixture.PrimaryHeader(report.Products[0].Path);
            Assert.Equal(4L, h.GetInt64("NINPUTS"));
            Assert.Equal(["b1.fits", "b2.fits", "b4.fits", "b5.fits"], Enumerable.Range(1, 4).Select(i => h.GetString($"INPUT{i}")));
        }

        [Fact]
        public void Given_a_skipped_input_When_run_again_Then_the_up_to_date_report_still_names_it()
        {
            using var fx = new EngineFixture();
            var inputs = ThreeBiases(fx);
            File.WriteAllText(inputs[1], "not FITS at all");
            fx.Engine().Run(EngineFixture.Request(BiasRecipe(), inputs));
            var again = fx.Engine().Run(EngineFixture.Request(BiasRecipe(), inputs));
            Assert.Equal(TaskState.UpToDate, again.State);
            Assert.Equal("b2.fits", Assert.Single(again.Skipped).Name);
        }

        [Fact]
        public void Given_every_frame_unreadable_When_run_Then_the_data_are_unprocessable_and_nothing_is_written()
        {
            using var fx = new EngineFixture();
            var inputs = ThreeBiases(fx);
            foreach (var p in inputs) File.WriteAllBytes(p, new byte[100]);
            var report = fx.Engine().Run(EngineFixture.Request(BiasRecipe(), inputs));
            Assert.Equal(TaskState.UnprocessableData, report.State);
            Assert.Equal("none of the 3 input frame(s) can be read", report.Message);
            Assert.Equal(3, report.Skipped.Count);
            Assert.IsType<UnprocessableData>(report.Outcome);
            Assert.Empty(Directory.GetFiles(fx.Output, "*.fits"));
        }

        [Fact]
        public void Given_a_frame_of_another_size_When_run_Then_it_is_skipped()
        {
            using var fx = new EngineFixture();
            var inputs = ThreeBiases(fx).Append(Frames.WriteImage(Path.Combine(fx.Raw, "odd.fits"), new float[4], 2, 2, EngineInstrument.Cards("BIAS", "2024-03-01T18:00:00"))).ToArray();
            var report = fx.Engine().Run(EngineFixture.Request(BiasRecipe(), inputs));
            Assert.Equal(TaskState.Done, report.State);
            Assert.Equal(new SkippedInput("odd.fits", "is 2×2, the other frames are 6×4"), Assert.Single(report.Skipped));
        }

        [Fact]
        public void Given_frames_of_no_category_the_recipe_takes_When_run_Then_there_is_no_work_and_that_is_not_a_failure()
        {
            using var fx = new EngineFixture();
            var report = fx.Engine().Run(EngineFixture.Request(BiasRecipe(), ThreeBiases(fx), "FLAT"));
            Assert.Equal(TaskState.NoWork, report.State);
            Assert.True(report.Succeeded);
        }

        [Fact]
        public void Given_an_invalid_parameter_When_run_Then_nothing_runs_and_the_message_says_why()
        {
            using var fx = new EngineFixture();
            var recipe = BiasRecipe();
            var report = fx.Engine().Run(EngineFixture.Request(recipe, ThreeBiases(fx), cli: ["repeat=0"]));
            Assert.Equal((TaskState.InvalidParameters, "make_bias: repeat = 0 is below the minimum 1 (from the command line)", 0), (report.State, report.Message, recipe.Runs));
        }
    }

    public class Failures
    {
        [Fact]
        public void Given_a_recipe_that_fails_When_run_Then_the_report_carries_its_numbers_and_nothing_is_written()
        {
            using var fx = new EngineFixture();
            var inputs = ThreeBiases(fx);
            fx.Frame("b2.fits", "BIAS", 20, extra: ("FAILME", true));
            var report = fx.Engine().Run(EngineFixture.Request(BiasRecipe(), inputs));
            Assert.Equal((TaskState.AlgorithmFailed, "frame marked FAILME"), (report.State, report.Message));
            Assert.Equal("  frames = 3\n  limit = 0", report.Detail);
            Assert.Empty(Directory.GetFiles(fx.Output, "*.fits"));
            Assert.False(Directory.Exists(Path.Combine(fx.Output, ".parallax", "tasks")) && Directory.GetFiles(Path.Combine(fx.Output, ".parallax", "tasks")).Length > 0);
        }

        [Fact]
        public void Given_a_recipe_that_throws_When_run_Then_it_is_an_algorithm_failure_with_the_exception_in_the_detail()
        {
            using var fx = new EngineFixture();
            var inputs = ThreeBiases(fx);
            fx.Frame("b1.fits", "BIAS", 10, extra: ("THROWME", true));
            var report = fx.Engine().Run(EngineFixture.Request(BiasRecipe(), inputs));
            Assert.Equal((TaskState.AlgorithmFailed, "InvalidOperationException: frame marked THROWME"), (report.State, report.Message));
            Assert.Contains("TestRecipe.Run", report.Detail);
        }

        [Fact]
        public void Given_a_QC_value_out_of_the_instrument_range_When_run_Then_the_product_is_written_marked_bad_and_registered_bad()
        {
            using var fx = new EngineFixture();
            var inputs = new[] { fx.Frame("b1.fits", "BIAS", 500), fx.Frame("b2.fits", "BIAS", 700) };
            var report = fx.Engine().Run(EngineFixture.Request(BiasRecipe(), inputs));
            Assert.Equal(TaskState.QcFailed, report.State);
            Assert.False(report.ProductsUsable);
            Assert.Equal("MASTER_BIAS_test.fits failed QC: level = 600 is above the maximum 100 (engine-test.yaml); marked bad", report.Message);
            var h = EngineFixture.PrimaryHeader(report.Products[0].Path);
            Assert.Equal(("FAIL", "bad", "level = 600 is above the maximum 100 (engine-test.yaml)"), (h.GetString("QCSTATUS"), h.GetString("QUALITY"), h.GetString("QCFAIL1")));
            var record = Assert.Single(fx.Database.List(CalibrationFilter.All));
            Assert.Equal(CalibrationQuality.Bad, record.Quality);
            Assert.StartsWith("failed QC: level = 600", record.Note);
        }
    }

    public class Calibrations
    {
        private static readonly TestRecipe Flat = new("make_flat", ["FLAT"], [("MASTER_BIAS", true)], "MASTER_FLAT");

        [Fact]
        public void Given_no_calibration_given_When_the_database_holds_a_matching_one_Then_it_is_found_and_used()
        {
            using var fx = new EngineFixture();
            var bias = fx.Frame("cal/bias.fits", "BIAS", 4);
            fx.Database.Add(new CalibrationRecord { Category = "MASTER_BIAS", Instrument = "engine-test", Keys = new Dictionary<string, string?> { ["binning"] = "1x1" }, Mjd = 60370.7, Quality = CalibrationQuality.Certified, Path = bias });
            var report = fx.Engine().Run(EngineFixture.Request(Flat, [fx.Frame("f1.fits", "FLAT", 104)], "FLAT"));
            Assert.Equal(TaskState.Done, report.State);
            Assert.Equal("bias.fits", EngineFixture.PrimaryHeader(report.Products[0].Path).GetString("CALIB1"));
            Assert.All(EngineFixture.Pixels(report.Products[0].Path, "SCI"), v => Assert.Equal(100f, v));
        }

        [Fact]
        public void Given_only_a_calibration_with_another_binning_When_run_Then_calibration_not_found_explains_the_rule_and_the_key()
        {
            using var fx = new EngineFixture();
            var bias = fx.Frame("cal/bias.fits", "BIAS", 4);
            fx.Database.Add(new CalibrationRecord { Category = "MASTER_BIAS", Instrument = "engine-test", Keys = new Dictionary<string, string?> { ["binning"] = "2x2" }, Mjd = 60370.7, Path = bias });
            var report = fx.Engine().Run(EngineFixture.Request(Flat, [fx.Frame("f1.fits", "FLAT", 104)], "FLAT"));
            Assert.Equal(TaskState.CalibrationNotFound, report.State);
            Assert.Equal("calibration not found: no MASTER_BIAS for FLAT frames (binning=1x1) at MJD 60370.75", report.Message);
            Assert.Contains("rule: MASTER_BIAS for FLAT: match binning", report.Detail);
            Assert.Contains("binning '2x2' differs from '1x1'", report.Detail);
            Assert.Equal("MASTER_BIAS", Assert.IsType<CalibrationNotFound>(report.Outcome).Category);
        }

        [Fact]
        public void Given_no_database_and_no_calibration_When_run_Then_the_message_says_none_was_given()
        {
            using var fx = new EngineFixture();
            var report = fx.Engine(withDatabase: false).Run(EngineFixture.Request(Flat, [fx.Frame("f1.fits", "FLAT", 104)], "FLAT"));
            Assert.Equal((TaskState.CalibrationNotFound, "calibration not found: no MASTER_BIAS was given and no calibration database is open to look one up"), (report.State, report.Message));
        }
    }

    public class Interruption
    {
        [Fact]
        public async Task Given_a_product_being_written_When_cancelled_Then_no_product_and_no_temporary_file_is_left()
        {
            using var fx = new EngineFixture();
            using var cts = new CancellationTokenSource();
            var engine = fx.Engine(writeDelay: TimeSpan.FromMilliseconds(400));
            var run = Task.Run(() => engine.Run(EngineFixture.Request(BiasRecipe(), ThreeBiases(fx)), cts.Token));
            SpinWait.SpinUntil(() => fx.Temporaries().Length > 0, 10_000);
            Assert.NotEmpty(fx.Temporaries());
            cts.Cancel();
            var report = await run;
            Assert.Equal(TaskState.Cancelled, report.State);
            Assert.Empty(fx.Temporaries());
            Assert.Empty(Directory.GetFiles(fx.Output, "*.fits"));
            Assert.Empty(fx.Database.List(CalibrationFilter.All));
        }

        [Fact]
        public void Given_temporary_files_of_a_dead_and_a_live_process_When_an_engine_starts_Then_only_the_dead_one_is_removed()
        {
            using var fx = new EngineFixture();
            Directory.CreateDirectory(fx.Output);
            var dead = Enumerable.Range(400_000, 1000).First(pid => { try { System.Diagnostics.Process.GetProcessById(pid).Dispose(); return false; } catch (ArgumentException) { return true; } });
            var orphan = Path.Combine(fx.Output, $".MASTER_BIAS_test.fits.{dead}.{Guid.NewGuid():N}.tmp");
            var live = Path.Combine(fx.Output, $".MASTER_BIAS_test.fits.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp");
            File.WriteAllText(orphan, "partial");
            File.WriteAllText(live, "being written");
            var engine = fx.Engine();
            Assert.Equal([orphan], engine.RemovedTemporaryFiles);
            Assert.False(File.Exists(orphan));
            Assert.True(File.Exists(live));
        }
    }
}

using Parallax.Pipeline.Organising;
using Parallax.Pipeline.Tests.Support;

namespace Parallax.Pipeline.Tests.Organising;

/// <summary>Classification of real nights through the shipped instrument files alone (instruments are identified, not forced).</summary>
public class RealDataClassificationTests
{
    private static OrganiseResult Organise(string folder) => Organiser.Organise(folder, new OrganiseOptions { Catalog = TestPaths.Catalog });

    private static Dictionary<string, string?> CategoryByFile(OrganiseResult r) => r.Frames.ToDictionary(f => Path.GetFileName(f.Path), f => f.Category);

    public class LickKastBlue
    {
        // PypeIt frame types → Parallax categories: PypeIt types a dome flat as pixelflat, illumflat and trace at once.
        private static readonly Dictionary<string, string> FromPypeIt = new()
        {
            ["arc,tilt"] = "ARC",
            ["bias"] = "BIAS",
            ["pixelflat,illumflat,trace"] = "FLAT",
            ["science"] = "SCIENCE",
            ["standard"] = "STANDARD",
        };

        /// <summary>The data block of PypeIt's .pypeit file: file name → frametype column.</summary>
        private static Dictionary<string, string> PypeItTable(string rst)
        {
            var lines = File.ReadAllLines(rst).Select(l => l.Trim()).ToList();
            var start = lines.IndexOf("data read");
            var end = lines.IndexOf("data end");
            var rows = lines.Skip(start + 1).Take(end - start - 1).Where(l => l.Contains('|')).Select(l => l.Split('|').Select(c => c.Trim()).ToArray()).ToList();
            var header = rows[0];
            int file = Array.IndexOf(header, "filename"), type = Array.IndexOf(header, "frametype");
            return rows.Skip(1).ToDictionary(r => r[file], r => r[type]);
        }

        [SkippableFact]
        public void Given_the_Kast_night_When_organised_Then_every_file_in_PypeIts_table_has_PypeIts_frame_type()
        {
            var raw = TestPaths.RequireRealData("lick_kast_blue_longslit", "raw");
            var table = PypeItTable(TestPaths.RequireRealData("lick_kast_blue_longslit", "reference_pypeit", "shane_kast_blue_A.pypeit.rst"));
            Assert.Equal(25, table.Count);
            var ours = CategoryByFile(Organise(raw));
            foreach (var (file, pypeitType) in table)
            {
                Assert.True(ours.ContainsKey(file), $"{file} is in PypeIt's table but was not organised");
                Assert.True(FromPypeIt[pypeitType] == ours[file], $"{file}: PypeIt says {pypeitType}, Parallax says {ours[file] ?? "unclassified"}");
            }
        }

        [SkippableFact]
        public void Given_the_Kast_night_When_organised_Then_the_frames_PypeIt_left_out_are_typed_by_the_same_rules_and_the_cascade_is_complete()
        {
            var result = Organise(TestPaths.RequireRealData("lick_kast_blue_longslit", "raw"));
            var ours = CategoryByFile(result);
            Assert.Equal(27, ours.Count);
            // b2 is a 30 s dome flat and b29 the third science exposure; PypeIt's table omits them.
            Assert.Equal("FLAT", ours["b2.fits.gz"]);
            Assert.Equal("SCIENCE", ours["b29.fits.gz"]);
            Assert.All(result.Frames, f => Assert.Equal("lick_kast_blue_longslit", f.Instrument!.Name));
            Assert.Equal(["master_bias:BIAS-1", "master_flat:FLAT-1", "wavelength_solution:ARC-1", "sensitivity_function:STANDARD-1", "reduce_longslit:SCIENCE-1"], result.Plan.Tasks.Select(t => t.Id));
            Assert.All(result.Plan.Tasks, t => Assert.Equal(CascadeTaskStatus.Ready, t.Status));
            var science = result.Plan.Find("reduce_longslit:SCIENCE-1")!;
            Assert.Equal(["master_bias:BIAS-1", "master_flat:FLAT-1", "wavelength_solution:ARC-1", "sensitivity_function:STANDARD-1"], science.DependsOn);
        }
    }

    public class SbigSt8
    {
        [SkippableFact]
        public void Given_the_SBIG_night_When_organised_Then_each_frame_has_its_IMAGETYP_category()
        {
            var result = Organise(TestPaths.RequireRealData("sbig_st8_14in_imaging", "raw"));
            var expected = new Dictionary<string, string>
            {
                ["calib-001-bi.fit"] = "BIAS", ["calib-002-bi.fit"] = "BIAS",
                ["calib-001-d.fit"] = "DARK", ["calib-002-d.fit"] = "DARK",
                ["flat-001-c.fit"] = "FLAT", ["flat-002-c.fit"] = "FLAT",
                ["UB17-001-c.fit"] = "SCIENCE", ["UB17-033-c.fit"] = "SCIENCE",
                ["focus.fit"] = "ACQUISITION", ["fov.fit"] = "ACQUISITION",
            };
            Assert.Equal(expected.OrderBy(k => k.Key), CategoryByFile(result).OrderBy(k => k.Key).Select(k => KeyValuePair.Create(k.Key, k.Value!)));
            Assert.All(result.Frames, f => Assert.Equal("sbig_st8_14in_imaging", f.Instrument!.Name));
            Assert.Equal(["master_bias:BIAS-1", "master_dark:DARK-1", "master_flat:FLAT-1", "reduce_image:SCIENCE-1"], result.Plan.Tasks.Select(t => t.Id));
        }
    }

    public class FederSamples
    {
        [SkippableFact]
        public void Given_headers_from_several_acquisition_programs_When_organised_Then_each_has_the_category_its_header_states()
        {
            var result = Organise(TestPaths.RequireRealData("feder_maximdl_header_samples"));
            var ours = CategoryByFile(result);
            var expected = new Dictionary<string, string?>
            {
                ["aspen_trimmed.fit"] = "FLAT",
                ["celestron_nightscape_10100_astro_fx_v106.fit"] = "SCIENCE",
                // Despite its name, flattest.fit says IMAGETYP = 'BIAS' with a 0 s exposure (as ccdproc also reads it).
                ["flattest.fit"] = "BIAS",
                ["maximdl5_header.fit"] = "SCIENCE", ["maximdl_5_23_header.fit"] = "SCIENCE", ["maximdl_6_16_header.fit"] = "SCIENCE", ["maximdl_6_18_header.fit"] = "SCIENCE",
                ["uint16.fit"] = "SCIENCE", ["uint16_missing_filter.fit"] = "SCIENCE", ["uint16_no_pointing.fit"] = "SCIENCE", ["uint16_not_m101.fit"] = "SCIENCE",
                // CCDOPS wrote no IMAGETYP and an empty OBJECT: nothing in the header says what it is.
                ["neon-on-dome-10-sec-high-res-though-scope.fit"] = null,
            };
            for (var i = 1; i <= 5; i++) { expected[$"biastest{i}.fit"] = "BIAS"; expected[$"darktest{i}.fit"] = "DARK"; }
            Assert.Equal(expected.OrderBy(k => k.Key), ours.OrderBy(k => k.Key));
            var neon = result.Unclassified.Single();
            Assert.Contains("no maximdl_ccd classification rule matched", neon.Reason);
            Assert.Contains("frametype=absent", neon.Reason);
            Assert.Equal("none", result.Frames.Single(f => f.Path.EndsWith("uint16_missing_filter.fit")).Values!.Get("filter"));
        }
    }

    public class KeckHires
    {
        [SkippableFact]
        public void Given_multi_extension_biases_When_organised_from_primary_headers_Then_they_form_one_bias_group()
        {
            var result = Organise(TestPaths.RequireRealData("keck_hires_bias_only", "raw"));
            Assert.Equal(5, result.Frames.Count);
            Assert.All(result.Frames, f => { Assert.Equal("keck_hires", f.Instrument!.Name); Assert.Equal("BIAS", f.Category); });
            var g = Assert.Single(result.Groups);
            Assert.Equal("2,2", g.Keys["binning"]);
            Assert.Equal(3, TestPaths.Catalog.Find("keck_hires")!.Detector.Amplifiers.Count);
        }
    }
}

using System.Text.Json;
using Parallax.Fits.Coordinates;
using Parallax.Fits.Tables;
using Parallax.Imaging;
using Parallax.Pipeline.Engine;
using Parallax.Pipeline.Recipes;
using Parallax.Pipeline.Tests.Support;

namespace Parallax.Pipeline.Tests.Engine;

/// <summary>
/// Products with extra image HDUs and tables, and a WCS set by the recipe, checked with peers:
/// fitsverify for the file's structure, astropy for every value written.
/// </summary>
public class ProductExtrasTests
{
    /// <summary>The recipe's WCS: TAN at RA 150°, Dec 2°, reference pixel (3.5, 2.5), 0.36"/pixel, rotated 30°.</summary>
    private static Wcs RecipeWcs() => Wcs.CreateTan(150.0, 2.0, 3.5, 2.5, 1e-4, 30);

    /// <summary>A product of the mean of the frames, with an EXPOSURE map (2 s per pixel index), a three-row CAT table and <see cref="RecipeWcs"/>.</summary>
    private sealed class ExtrasRecipe : Recipe<TestParameters>
    {
        public override string Name => "make_extras";

        public override string Synopsis => "test product with extras";

        public override string Description => "mean frame with an EXPOSURE image, a CAT table and a WCS";

        public override RecipeConnections Connections { get; } = new()
        {
            Inputs = [new InputConnection { Categories = ["BIAS"] }],
            Outputs = [new OutputConnection { Category = "MASTER_BIAS", ProductType = "extras", Qc = new Dictionary<string, string> { ["level"] = "mean [adu]" } }],
        };

        public override RecipeOutcome Run(RecipeInput input, TestParameters p, CancellationToken cancellation)
        {
            var first = input.Frames[0].Image;
            var data = new float[first.PixelCount];
            foreach (var f in input.Frames) for (var i = 0; i < data.Length; i++) data[i] += f.Image.Data[i] / input.Frames.Count;
            var image = new MaskedImage(first.Width, first.Height, data, Enumerable.Repeat(0.5f, data.Length).ToArray(), Enumerable.Range(0, data.Length).Select(i => (ushort)(i % 3)).ToArray(), null, "adu")
            {
                Wcs = RecipeWcs(),
            };
            var table = new BinaryTable(3);
            table.AddColumn("X", new[] { 1.5, 2.5, 3.25 }, options: new ColumnOptions { Unit = "pixel" });
            table.AddColumn("FLUX", new[] { 10f, 20.5f, -3f }, options: new ColumnOptions { Unit = "adu" });
            table.AddStringColumn("NAME", ["a", "bb", "ccc"]);
            return new RecipeSucceeded([new RecipeProduct
            {
                Category = "MASTER_BIAS",
                Image = image,
                Qc = new Dictionary<string, double> { ["level"] = data.Average(v => (double)v) },
                Extensions = [new ProductImage { Name = "EXPOSURE", Width = first.Width, Height = first.Height, Data = Enumerable.Range(0, data.Length).Select(i => 2f * i).ToArray(), Unit = "s", Comment = "exposure time per pixel" }],
                Tables = [new ProductTable { Name = "CAT", Table = table }],
            }], []);
        }
    }

    private static string Product(EngineFixture fx)
    {
        string[] inputs = [fx.Frame("b1.fits", "BIAS", 10), fx.Frame("b2.fits", "BIAS", 30)];
        var report = fx.Engine(withDatabase: false).Run(EngineFixture.Request(new ExtrasRecipe(), inputs));
        Assert.Equal(TaskState.Done, report.State);
        return report.Products[0].Path;
    }

    public class Write
    {
        [SkippableFact]
        public void Given_a_product_with_an_EXPOSURE_image_and_a_CAT_table_When_written_Then_fitsverify_finds_no_error_or_warning()
        {
            ExternalTool.RequireFitsverify();
            using var fx = new EngineFixture();
            var (errors, warnings, report) = ExternalTool.Fitsverify(Product(fx));
            Assert.True(errors == 0 && warnings == 0, report);
        }

        [SkippableFact]
        public void Given_a_product_with_extras_When_read_by_astropy_Then_SCI_VAR_DQ_EXPOSURE_CAT_and_the_WCS_hold_what_was_written()
        {
            var python = ExternalTool.RequireAstropy();
            using var fx = new EngineFixture();
            var path = Product(fx);
            const string script = """
                import json, sys
                from astropy.io import fits
                from astropy.wcs import WCS
                with fits.open(sys.argv[1]) as f:
                    sci = f['SCI']
                    w = WCS(sci.header)
                    ra, dec = w.all_pix2world([[2.5, 1.5], [0.0, 0.0]], 0).tolist()
                    cat = f['CAT'].data
                    print(json.dumps({
                        'names': [h.name for h in f],
                        'sci': sci.data.ravel().tolist(), 'var': f['VAR'].data.ravel().tolist(), 'dq': f['DQ'].data.ravel().tolist(),
                        'exposure': f['EXPOSURE'].data.ravel().tolist(), 'exposure_unit': f['EXPOSURE'].header['BUNIT'],
                        'x': cat['X'].tolist(), 'flux': cat['FLUX'].tolist(), 'name': [str(n) for n in cat['NAME']],
                        'units': [f['CAT'].columns['X'].unit, f['CAT'].columns['FLUX'].unit],
                        'ref': ra, 'corner': dec, 'qc': f[0].header['HIERARCH PARALLAX QC LEVEL']}))
                """;
            var (code, output) = ExternalTool.Run(python, $"- \"{path}\"", script);
            Assert.True(code == 0, output);
            using var doc = JsonDocument.Parse(output);
            var r = doc.RootElement;
            double[] Values(string name) => r.GetProperty(name).EnumerateArray().Select(e => e.GetDouble()).ToArray();
            const int n = EngineFixture.Width * EngineFixture.Height;
            Assert.Equal(["PRIMARY", "SCI", "VAR", "DQ", "EXPOSURE", "CAT"], r.GetProperty("names").EnumerateArray().Select(e => e.GetString()));
            Assert.All(Values("sci"), v => Assert.Equal(20, v));
            Assert.All(Values("var"), v => Assert.Equal(0.5, v));
            Assert.Equal(Enumerable.Range(0, n).Select(i => (double)(i % 3)), Values("dq"));
            Assert.Equal(Enumerable.Range(0, n).Select(i => 2.0 * i), Values("exposure"));
            Assert.Equal("s", r.GetProperty("exposure_unit").GetString());
            Assert.Equal([1.5, 2.5, 3.25], Values("x"));
            Assert.Equal([10, 20.5, -3], Values("flux"));
            Assert.Equal(["a", "bb", "ccc"], r.GetProperty("name").EnumerateArray().Select(e => e.GetString()));
            Assert.Equal(["pixel", "adu"], r.GetProperty("units").EnumerateArray().Select(e => e.GetString()));
            Assert.Equal(20, r.GetProperty("qc").GetDouble());
            // At the reference pixel TAN gives CRVAL exactly; at the corner astropy and our WCS agree to 1e-9°.
            var reference = Values("ref");
            Assert.Equal(150.0, reference[0], 9);
            Assert.Equal(2.0, reference[1], 9);
            var corner = Values("corner");
            var (lon, lat) = RecipeWcs().PixelToWorld(0, 0);
            Assert.Equal(lon, corner[0], 9);
            Assert.Equal(lat, corner[1], 9);
        }
    }

    public class Read
    {
        [Fact]
        public void Given_a_product_whose_recipe_set_a_WCS_When_read_back_as_an_input_Then_the_WCS_is_the_recipes()
        {
            using var fx = new EngineFixture();
            var path = Product(fx);
            var (frame, _) = FrameReader.Read(path, "MASTER_BIAS", EngineInstrument.Definition);
            var wcs = Assert.IsType<Wcs>(frame.Image.Wcs);
            var expected = RecipeWcs();
            Assert.Equal(expected.ReferencePixel, wcs.ReferencePixel);
            Assert.Equal(expected.ReferenceCoordinate, wcs.ReferenceCoordinate);
            var (a, b) = (expected.Cd, wcs.Cd);
            Assert.Equal([a.M11, a.M12, a.M21, a.M22], new[] { b.M11, b.M12, b.M21, b.M22 }, (x, y) => Math.Abs(x - y) < 1e-15);
            // The product's primary header carries no pixel-axis WCS card (fitsverify would warn): the WCS lives in SCI.
            Assert.False(EngineFixture.PrimaryHeader(path).Contains("CRPIX1"));
        }
    }
}

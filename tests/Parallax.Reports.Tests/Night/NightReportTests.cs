using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;
using Parallax.Fits;
using Parallax.Pipeline.Engine;
using Parallax.Reports.Night;
using Parallax.Reports.Tests.Support;

namespace Parallax.Reports.Tests.Night;

public static class Html
{
    /// <summary>Parses the report as XML: fails on any unclosed or mis-nested tag.</summary>
    public static XDocument Parse(string html)
    {
        using var reader = XmlReader.Create(new StringReader(html), new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore });
        return XDocument.Load(reader);
    }

    public static IEnumerable<string> Attributes(XDocument doc, string name) => doc.Descendants().Attributes(name).Select(a => a.Value);
}

public class NightReportTests
{
    public class Render(GoodNight fixture) : IClassFixture<GoodNight>
    {
        private readonly ReducedNight _night = fixture.Night;

        [Fact]
        public void Given_a_reduced_night_When_reported_Then_every_product_appears_with_its_PRODTYPE_QC_values_and_verdict()
        {
            Assert.True(_night.Summary.AllSucceeded, string.Join("\n", _night.Summary.Reports));
            var report = NightReportBuilder.Build(_night.Out, _night.Catalog);
            var html = NightReportHtml.Render(report);
            var doc = Html.Parse(html);
            var products = _night.ProductFiles.ToList();
            // 1 bias, 1 dark, 2 flats (V, R), 4 science frames.
            Assert.Equal(8, products.Count);
            Assert.Equal(products, report.Products.Select(p => p.FileName).Order(StringComparer.Ordinal));
            foreach (var name in products)
            {
                using var f = FitsFile.Open(Path.Combine(_night.Out, name));
                var header = f.Primary.Header;
                var row = doc.Descendants("tr").Single(tr => (string?)tr.Attribute("id") == "product-" + Regex.Replace(name, "[^A-Za-z0-9]", "-"));
                var text = row.Value;
                Assert.Contains(name, text);
                Assert.Contains("PRODTYPE " + header.GetString("PRODTYPE"), text);
                Assert.Contains("PROCSTAT " + header.GetString("PROCSTAT"), text);
                // Every QC value of the header, as the header has it.
                var qc = header.Cards.Where(c => c.Keyword.Contains("PARALLAX QC ")).ToList();
                Assert.NotEmpty(qc);
                foreach (var card in qc) Assert.Contains(Convert.ToDouble(card.Value, CultureInfo.InvariantCulture).ToString("G6", CultureInfo.InvariantCulture), text);
                Assert.Contains("PASS", text);
                Assert.Single(row.Descendants("img"));
            }
            // The bias's noise has its range from the instrument file, coloured as passed.
            var biasRow = doc.Descendants("tr").Single(tr => ((string?)tr.Attribute("id"))?.StartsWith("product-MASTER-BIAS", StringComparison.Ordinal) == true);
            var noise = biasRow.Descendants("tr").Single(tr => tr.Elements("td").FirstOrDefault()?.Value == "noise_adu");
            Assert.Equal("pass", (string?)noise.Attribute("class"));
            Assert.Equal("≤ 20", noise.Elements("td").Last().Value);
            // The calibration database lists every product as registered, all provisional.
            var caldb = doc.Descendants("h2").Single(h => (string?)h.Attribute("id") == "caldb").ElementsAfterSelf("table").First().Elements("tr").Skip(1).ToList();
            Assert.Equal(products, caldb.Select(r => r.Elements("td").ElementAt(3).Value).Order(StringComparer.Ordinal));
            Assert.All(caldb, r => Assert.Equal("provisional", r.Elements("td").ElementAt(2).Value));
        }

        [Fact]
        public void Given_a_report_When_its_references_are_listed_Then_images_are_data_URIs_links_are_anchors_in_the_page_and_nothing_points_outside()
        {
            var html = NightReportHtml.Render(NightReportBuilder.Build(_night.Out, _night.Catalog));
            var doc = Html.Parse(html);
            var sources = Html.Attributes(doc, "src").ToList();
            Assert.True(sources.Count >= 16, $"{sources.Count} images: 8 thumbnails and 8 plots expected");
            Assert.All(sources, s => Assert.StartsWith("data:image/png;base64,", s));
            var ids = Html.Attributes(doc, "id").ToHashSet();
            var links = Html.Attributes(doc, "href").ToList();
            Assert.Equal(8, links.Count);
            Assert.All(links, l => Assert.True(l.StartsWith('#') && ids.Contains(l[1..]), $"{l} is not an anchor of the page"));
            Assert.DoesNotMatch("(?i)https?:|file:|<link|<script|url\\(", html);
            // Each embedded image decodes as a PNG.
            foreach (var s in sources) Assert.NotNull(SkiaSharp.SKBitmap.Decode(Convert.FromBase64String(s["data:image/png;base64,".Length..])));
        }

        [Fact]
        public void Given_a_report_When_its_summary_and_cascade_are_read_Then_they_count_the_frames_and_nest_the_tasks_in_calibration_order()
        {
            var doc = Html.Parse(NightReportHtml.Render(NightReportBuilder.Build(_night.Out, _night.Catalog)));
            var summary = doc.Descendants("table").First().Value;
            Assert.Contains("parallax-sim-imager", summary);
            Assert.Contains("BIAS 5", summary);
            Assert.Contains("DARK 3", summary);
            Assert.Contains("FLAT 6", summary);
            Assert.Contains("SCIENCE 4", summary);
            // master_bias at the top, master_dark under it, the V and R flats under the dark, each filter's science task under its flat.
            var top = doc.Descendants("ul").First(u => (string?)u.Attribute("class") == "cascade");
            var bias = Assert.Single(top.Elements("li"));
            Assert.Contains("master_bias:", bias.Element("code")!.Value);
            var dark = Assert.Single(bias.Element("ul")!.Elements("li"));
            Assert.Contains("master_dark:", dark.Element("code")!.Value);
            var flats = dark.Element("ul")!.Elements("li").ToList();
            Assert.Equal(2, flats.Count);
            Assert.All(flats, f => Assert.Contains("master_flat:", f.Element("code")!.Value));
            Assert.All(flats, f => Assert.Contains("reduce_image:", Assert.Single(f.Element("ul")!.Elements("li")).Element("code")!.Value));
        }

        [Fact]
        public void Given_a_folder_without_its_night_record_When_reported_Then_the_products_and_cascade_come_from_the_headers()
        {
            var record = File.ReadAllText(NightRecord.PathIn(_night.Out));
            File.Delete(NightRecord.PathIn(_night.Out));
            try
            {
                var report = NightReportBuilder.Build(_night.Out, _night.Catalog);
                Assert.Null(report.Record);
                Assert.Equal(8, report.Products.Count);
                // Six tasks: bias, dark, a flat per filter, a science task per filter (each making two reduced frames).
                Assert.Equal(6, report.Tasks.Count);
                Assert.Equal(2, report.Tasks.Count(t => t.Id.StartsWith("reduce_image:", StringComparison.Ordinal) && t.DependsOn.Count == 3 && t.Products.Count == 2));
                Html.Parse(NightReportHtml.Render(report));
            }
            finally
            {
                File.WriteAllText(NightRecord.PathIn(_night.Out), record);
            }
        }
    }

    public class QcFailure(BadBiasNight fixture) : IClassFixture<BadBiasNight>
    {
        private readonly ReducedNight _night = fixture.Night;

        [Fact]
        public void Given_a_master_bias_that_failed_QC_When_reported_Then_it_is_marked_failed_with_its_reason_and_the_blocked_tasks_say_why()
        {
            Assert.Equal(TaskState.QcFailed, _night.Summary.Reports.Single(r => r.TaskId.StartsWith("master_bias:", StringComparison.Ordinal)).State);
            var report = NightReportBuilder.Build(_night.Out, _night.Catalog);
            var doc = Html.Parse(NightReportHtml.Render(report));
            var product = Assert.Single(report.Products);
            Assert.False(product.Passed);
            var row = doc.Descendants("tr").Single(tr => ((string?)tr.Attribute("id"))?.StartsWith("product-MASTER-BIAS", StringComparison.Ordinal) == true);
            var verdict = row.Elements("td").Single(td => td.Value.StartsWith("FAIL", StringComparison.Ordinal));
            Assert.Equal("fail", (string?)verdict.Attribute("class"));
            Assert.Matches(@"noise_adu = [\d.]+ is above the maximum 0\.01", verdict.Value);
            var noise = row.Descendants("tr").Single(tr => tr.Elements("td").First().Value == "noise_adu");
            Assert.Equal("fail", (string?)noise.Attribute("class"));
            // The failures table: the bias (qc-failed) and every task after it (blocked), each with its one-line reason.
            var failures = doc.Descendants("h2").Single(h => (string?)h.Attribute("id") == "failures").ElementsAfterSelf("table").First();
            var rows = failures.Elements("tr").Skip(1).ToList();
            Assert.Contains(rows, r => r.Value.Contains("qc-failed") && r.Value.Contains("failed QC: noise_adu"));
            var blocked = rows.Where(r => r.Elements("td").ElementAt(1).Value == "blocked").ToList();
            Assert.Equal(_night.Summary.Reports.Count - 1, _night.Summary.Blocked);
            Assert.Equal(_night.Summary.Blocked, blocked.Count);
            Assert.All(blocked, r => Assert.Contains("MASTER_BIAS", r.Elements("td").Last().Value));
            var products = doc.Descendants("th").Single(th => th.Value == "Products").ElementsAfterSelf("td").Single();
            Assert.Equal("fail", (string?)products.Attribute("class"));
            Assert.Contains("0 passed QC, 1 failed", products.Value);
            var caldb = Assert.Single(doc.Descendants("h2").Single(h => (string?)h.Attribute("id") == "caldb").ElementsAfterSelf("table").First().Elements("tr").Skip(1));
            Assert.Equal("bad", caldb.Elements("td").ElementAt(2).Value);
            Assert.Equal("fail", (string?)caldb.Elements("td").ElementAt(2).Attribute("class"));
        }
    }
}

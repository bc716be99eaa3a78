using Parallax.Fits.Tables;
using Parallax.Fits.Tests.Support;

namespace Parallax.Fits.Tests.Tables;

/// <summary>A real binary table (ESO-MIDAS echelle order table) against astropy's column sums recorded in expected.json.</summary>
public class RealTableTests
{
    public class ReadDoubles
    {
        [SkippableFact]
        public void Given_bachesORDE_When_every_column_is_read_Then_sums_nan_counts_and_end_values_equal_astropys()
        {
            var path = TestPaths.RequireRealData("misc", "bachesORDE.fit");
            var expected = TableVectors.Real;
            using var fits = FitsFile.Open(path);
            var table = Assert.IsType<BinaryTableHdu>(fits[expected.GetProperty("hdu").GetInt32()]);
            Assert.Equal(expected.GetProperty("rows").GetInt64(), table.RowCount);
            foreach (var column in expected.GetProperty("columns").EnumerateObject())
            {
                var values = table.ReadDoubles(table.GetColumnIndex(column.Name));
                var truth = column.Value;
                var sum = values.Where(v => !double.IsNaN(v)).Sum();
                var expectedSum = truth.GetProperty("sum").GetDouble();
                // numpy sums pairwise, this test sequentially: the orders differ, the values may not by more than rounding.
                Assert.True(Math.Abs(sum - expectedSum) <= 1e-12 * Math.Abs(expectedSum) + 1e-9, $"{column.Name}: sum {sum:R}, astropy {expectedSum:R}");
                Assert.Equal(truth.GetProperty("nan_count").GetInt32(), values.Count(double.IsNaN));
                TableVectors.AssertSame(TableVectors.Doubles(truth.GetProperty("first")), values[..3]);
                TableVectors.AssertSame([TableVectors.Number(truth.GetProperty("last"))], [values[^1]]);
            }
        }
    }
}

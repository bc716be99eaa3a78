using System.Numerics;
using System.Text.Json;
using Parallax.Fits.Checksums;
using Parallax.Fits.Hdus;
using Parallax.Fits.Headers;
using Parallax.Fits.Tables;
using Parallax.Fits.Tests.Support;

namespace Parallax.Fits.Tests.Tables;

/// <summary>Binary tables written by <see cref="FitsWriter.WriteTable"/>, read back by this reader, by astropy, and checked by fitsverify.</summary>
public class WriteTableTests
{
    private const int Rows = 7;

    /// <summary>The data written into every column of the sample table.</summary>
    private static class Sample
    {
        public static readonly bool[] Flag = [true, false, true, true, false, false, true];
        public static readonly byte[] Bytes = [0, 1, 127, 128, 200, 254, 255];
        public static readonly sbyte[] SBytes = [-128, -1, 0, 1, 100, 127, -50];
        public static readonly short[] Shorts = [short.MinValue, -1, 0, 1, 1234, short.MaxValue, -300];
        public static readonly ushort[] UShorts = [0, 1, 32767, 32768, 40000, 65534, ushort.MaxValue];
        public static readonly int[] Ints = [int.MinValue, -1, 0, 1, 123456789, int.MaxValue, 42];
        public static readonly uint[] UInts = [0, 1, 2147483647, 2147483648, 3000000000, 4294967294, uint.MaxValue];
        public static readonly long[] Longs = [long.MinValue, -1, 0, 1, (1L << 53) + 1, long.MaxValue, 1234567890123];
        public static readonly ulong[] ULongs = [0, 1, 9223372036854775807, 9223372036854775808, 9223372036854775813, 18446744073709551614, ulong.MaxValue];
        public static readonly float[] Floats = [1.5f, -0.0f, float.NaN, float.PositiveInfinity, float.NegativeInfinity, float.MaxValue, 1e-30f];
        public static readonly double[] Doubles = [Math.PI, -1e-300, 1e300, double.NaN, 0.1, -2.5, double.Epsilon];
        public static readonly Complex[] Complexes = [new(1, 2), new(-1.5, 0), Complex.Zero, new(3.25, -7), new(1e-300, 1e300), new(2, -3), new(0, 1)];
        public static readonly string[] Names = ["alpha", "  lead", "", "ten chars!", "x y", "omega", "z"];
        public static readonly bool[] Bits = [.. Enumerable.Range(0, Rows * 11).Select(i => (i * 7919 % 13) < 6)];
        public static readonly int[] Matrix = [.. Enumerable.Range(0, Rows * 6).Select(i => i * 3 - 50)];
        public static readonly short[] Scaled = [0, 1, -1, -32768, 32767, 400, 3];
        public static readonly int[][] VarInts = [[1, 2, 3], [], [-5], [int.MaxValue, int.MinValue], [.. Enumerable.Range(0, 10)], [7], []];
        public static readonly double[][] VarDoubles = [[], [Math.PI], [1e300, -1e-300], [0.1, 0.2, 0.3], [7], [double.NaN], [1, 2, 3, 4, 5]];
        public static readonly ushort[][] VarUShorts = [[0, 65535], [], [32768], [1, 2, 3], [40000], [], [9]];

        public static BinaryTable Table()
        {
            var t = new BinaryTable(Rows);
            t.AddColumn("FLAG", Flag);
            t.AddColumn("BYTES", Bytes);
            t.AddColumn("SBYTES", SBytes);
            t.AddColumn("SHORTS", Shorts, options: new ColumnOptions { Unit = "adu" });
            t.AddColumn("USHORTS", UShorts);
            t.AddColumn("INTS", Ints);
            t.AddColumn("UINTS", UInts);
            t.AddColumn("LONGS", Longs);
            t.AddColumn("ULONGS", ULongs);
            t.AddColumn("FLOATS", Floats, options: new ColumnOptions { Unit = "m/s", Display = "F8.3" });
            t.AddColumn("DOUBLES", Doubles);
            t.AddColumn("COMPLEX", Complexes);
            t.AddStringColumn("NAMES", Names, width: 10);
            t.AddBitColumn("BITS", Bits, 11);
            t.AddColumn("MATRIX", Matrix, repeat: 6, new ColumnOptions { Dims = [3, 2] });
            t.AddColumn("SCALED", Scaled, options: new ColumnOptions { Scale = 0.5, Zero = 10, Null = -32768 });
            t.AddVariableLengthColumn("VARINTS", VarInts);
            t.AddVariableLengthColumn("VARDOUBLES", VarDoubles, new ColumnOptions { Unit = "Jy" });
            t.AddVariableLengthColumn("VARUSHORTS", VarUShorts);
            return t;
        }

        public static double[] ScaledPhysical => [.. Scaled.Select(s => s == -32768 ? double.NaN : s * 0.5 + 10)];
    }

    private static string WriteSample(Header? header = null)
    {
        var path = Path.Combine(Path.GetTempPath(), $"parallax-table-{Guid.NewGuid():N}.fits");
        using var w = FitsWriter.Create(path);
        w.WriteTable(Sample.Table(), header);
        w.Commit();
        return path;
    }

    private static T WithWritten<T>(Func<FitsFile, T> read)
    {
        var path = WriteSample();
        try
        {
            using var fits = FitsFile.Open(path);
            return read(fits);
        }
        finally
        {
            File.Delete(path);
        }
    }

    public class WriteTable
    {
        [Fact]
        public void Given_a_table_as_the_first_hdu_When_written_Then_an_empty_primary_comes_first_and_the_table_is_hdu_1()
        {
            var (primary, table, count) = WithWritten(f => (f[0], f[1], f.Count));
            Assert.Equal(2, count);
            var image = Assert.IsType<ImageHdu>(primary);
            Assert.False(image.HasData);
            Assert.True(primary.Header.GetBool("EXTEND"));
            Assert.IsType<BinaryTableHdu>(table);
        }

        [Fact]
        public void Given_an_image_already_written_When_a_table_follows_Then_no_second_primary_is_added()
        {
            using var ms = new MemoryStream();
            using (var w = FitsWriter.Create(ms))
            {
                w.WriteImage([1f, 2f], [2]);
                w.WriteTable(Sample.Table());
                w.Commit();
            }
            using var fits = FitsFile.Open(ms.ToArray());
            Assert.Equal(2, fits.Count);
            Assert.IsType<BinaryTableHdu>(fits[1]);
        }

        [Fact]
        public void Given_every_column_type_When_read_back_Then_values_are_identical()
        {
            WithWritten(f =>
            {
                var t = (BinaryTableHdu)f[1];
                int Col(string n) => t.GetColumnIndex(n);
                Assert.Equal(Sample.Flag, t.ReadColumn<bool>(Col("FLAG")));
                Assert.Equal(Sample.Bytes, t.ReadColumn<byte>(Col("BYTES")));
                Assert.Equal(Sample.SBytes, t.ReadColumn<sbyte>(Col("SBYTES")));
                Assert.Equal(Sample.Shorts, t.ReadColumn<short>(Col("SHORTS")));
                Assert.Equal(Sample.UShorts, t.ReadColumn<ushort>(Col("USHORTS")));
                Assert.Equal(Sample.Ints, t.ReadColumn<int>(Col("INTS")));
                Assert.Equal(Sample.UInts, t.ReadColumn<uint>(Col("UINTS")));
                Assert.Equal(Sample.Longs, t.ReadColumn<long>(Col("LONGS")));
                Assert.Equal(Sample.ULongs, t.ReadColumn<ulong>(Col("ULONGS")));
                Assert.Equal(Sample.Floats, t.ReadColumn<float>(Col("FLOATS")));
                Assert.Equal(Sample.Doubles, t.ReadColumn<double>(Col("DOUBLES")));
                Assert.Equal(Sample.Complexes, t.ReadColumn<Complex>(Col("COMPLEX")));
                Assert.Equal(Sample.Names, t.ReadStrings(Col("NAMES")));
                Assert.Equal(Sample.Bits, t.ReadColumn<bool>(Col("BITS")));
                Assert.Equal(Sample.Matrix, t.ReadColumn<int>(Col("MATRIX")));
                TableVectors.AssertSame(Sample.ScaledPhysical, t.ReadDoubles(Col("SCALED")));
                Assert.Equal(Sample.VarInts, t.ReadArrays<int>(Col("VARINTS")));
                Assert.Equal(Sample.VarDoubles, t.ReadArrays<double>(Col("VARDOUBLES")));
                Assert.Equal(Sample.VarUShorts, t.ReadArrays<ushort>(Col("VARUSHORTS")));
                return 0;
            });
        }

        [Fact]
        public void Given_column_options_When_written_Then_the_column_keywords_are_in_the_header()
        {
            var h = WithWritten(f => f[1].Header);
            Assert.Equal("adu", h.GetString("TUNIT4"));
            Assert.Equal(-128L, h.GetInt64("TZERO3"));
            Assert.Equal(32768L, h.GetInt64("TZERO5"));
            Assert.Equal(2147483648L, h.GetInt64("TZERO7"));
            Assert.Equal(9223372036854775808.0, h.GetDouble("TZERO9"));
            Assert.Equal("F8.3", h.GetString("TDISP10"));
            Assert.Equal("10A", h.GetString("TFORM13"));
            Assert.Equal("11X", h.GetString("TFORM14"));
            Assert.Equal("(3,2)", h.GetString("TDIM15"));
            Assert.Equal(0.5, h.GetDouble("TSCAL16"));
            Assert.Equal(-32768L, h.GetInt64("TNULL16"));
            Assert.Equal("1PJ(10)", h.GetString("TFORM17"));
            Assert.Equal("1PD(5)", h.GetString("TFORM18"));
            Assert.Equal(19L, h.GetInt64("TFIELDS"));
        }

        [Fact]
        public void Given_a_user_header_When_written_Then_its_cards_are_kept_and_its_column_keywords_replaced()
        {
            var user = new Header();
            user.Set("EXTNAME", "CATALOG");
            user.Set("ORIGIN", "test");
            user.Set("TFORM1", "9E");
            user.Set("TFIELDS", 3L);
            user.AddHistory("made by a test");
            var path = WriteSample(user);
            try
            {
                using var fits = FitsFile.Open(path);
                var h = fits[1].Header;
                Assert.Equal("CATALOG", fits[1].Name);
                Assert.Equal("test", h.GetString("ORIGIN"));
                Assert.Equal("1L", h.GetString("TFORM1"));
                Assert.Equal(19L, h.GetInt64("TFIELDS"));
                Assert.Equal(1, h.Count(c => c.Keyword == "TFORM1"));
                Assert.Contains(h, c => c.Keyword == "HISTORY" && c.Comment == "made by a test");
            }
            finally
            {
                File.Delete(path);
            }
        }

        [Fact]
        public void Given_the_written_file_When_checksums_are_verified_Then_both_hdus_are_valid()
        {
            var results = WithWritten(f => f.Hdus.Select(ChecksumVerifier.Verify).ToList());
            Assert.All(results, r => Assert.Equal((ChecksumStatus.Valid, ChecksumStatus.Valid), (r.Checksum, r.Datasum)));
        }

        [SkippableFact]
        public void Given_the_written_file_When_checked_by_fitsverify_Then_it_reports_no_warnings_and_no_errors()
        {
            ExternalTool.RequireFitsverify();
            var path = WriteSample();
            try
            {
                var (errors, warnings, report) = ExternalTool.Fitsverify(path);
                Assert.True(errors == 0 && warnings == 0, report);
            }
            finally
            {
                File.Delete(path);
            }
        }

        [SkippableFact]
        public void Given_the_written_file_When_astropy_reads_it_Then_every_column_has_the_values_written()
        {
            var python = ExternalTool.RequireAstropy();
            var path = WriteSample();
            var script = Path.ChangeExtension(path, ".py");
            try
            {
                File.WriteAllText(script, AstropyDump);
                var (code, output) = ExternalTool.Run(python, $"\"{script}\" \"{path}\"");
                Assert.True(code == 0, output);
                var columns = JsonDocument.Parse(output.Split('\n').Last(l => l.StartsWith('{'))).RootElement;
                JsonElement C(string n) => columns.GetProperty(n);
                Assert.Equal(Sample.Flag, TableVectors.Bools(C("FLAG")));
                Assert.Equal(Sample.Bytes.Select(v => (long)v), TableVectors.Int64s(C("BYTES")));
                // astropy reads TZERO = -128 bytes as float64.
                Assert.Equal(Sample.SBytes.Select(v => (double)v), TableVectors.Doubles(C("SBYTES")));
                Assert.Equal(Sample.Shorts.Select(v => (long)v), TableVectors.Int64s(C("SHORTS")));
                Assert.Equal(Sample.UShorts.Select(v => (long)v), TableVectors.Int64s(C("USHORTS")));
                Assert.Equal(Sample.Ints.Select(v => (long)v), TableVectors.Int64s(C("INTS")));
                Assert.Equal(Sample.UInts.Select(v => (long)v), TableVectors.Int64s(C("UINTS")));
                Assert.Equal(Sample.Longs, TableVectors.Int64s(C("LONGS")));
                Assert.Equal(Sample.ULongs, TableVectors.UInt64s(C("ULONGS")));
                TableVectors.AssertSame([.. Sample.Floats.Select(v => (double)v)], TableVectors.Doubles(C("FLOATS")));
                TableVectors.AssertSame(Sample.Doubles, TableVectors.Doubles(C("DOUBLES")));
                Assert.Equal(Sample.Complexes, TableVectors.Complexes(C("COMPLEX")));
                Assert.Equal(Sample.Names, TableVectors.Strings(C("NAMES")));
                Assert.Equal(Sample.Bits, TableVectors.Bools(C("BITS")));
                Assert.Equal(Sample.Matrix.Select(v => (long)v), TableVectors.Int64s(C("MATRIX")));
                Assert.Equal("[3, 2]", C("MATRIX_SHAPE").GetRawText());
                // astropy applies TSCAL/TZERO but not TNULL: the null row reads as -32768 * 0.5 + 10.
                Assert.Equal(Sample.Scaled.Select(s => s * 0.5 + 10), TableVectors.Doubles(C("SCALED")));
                Assert.Equal(Sample.VarInts.Select(a => a.Select(v => (double)v).ToArray()), C("VARINTS").EnumerateArray().Select(TableVectors.Doubles));
                var varDoubles = C("VARDOUBLES").EnumerateArray().Select(TableVectors.Doubles).ToArray();
                for (var r = 0; r < Rows; r++) TableVectors.AssertSame(Sample.VarDoubles[r], varDoubles[r]);
                Assert.Equal(Sample.VarUShorts.Select(a => a.Select(v => (double)v).ToArray()), C("VARUSHORTS_STORED").EnumerateArray().Select(r => TableVectors.Doubles(r).Select(v => v + 32768).ToArray()));
            }
            finally
            {
                File.Delete(path);
                File.Delete(script);
            }
        }

        [Fact]
        public void Given_a_column_of_the_wrong_length_or_a_repeated_name_When_added_Then_argument_exception()
        {
            var t = new BinaryTable(3);
            Assert.Throws<ArgumentException>(() => t.AddColumn("A", new int[2]));
            t.AddColumn("A", new int[3]);
            Assert.Throws<ArgumentException>(() => t.AddColumn("a", new int[3]));
            Assert.Throws<ArgumentException>(() => t.AddColumn("F", new float[3], options: new ColumnOptions { Null = 0 }));
            Assert.Throws<ArgumentException>(() => t.AddColumn("U", new ushort[3], options: new ColumnOptions { Zero = 1 }));
            Assert.Throws<ArgumentException>(() => t.AddStringColumn("S", ["abc", "toolong", ""], width: 4));
            Assert.Throws<ArgumentException>(() => t.AddStringColumn("S", ["é", "", ""]));
            Assert.Throws<ArgumentException>(() => t.AddColumn("V", new int[6], repeat: 2, new ColumnOptions { Dims = [3] }));
            Assert.Throws<ArgumentException>(() => t.AddColumn("D", new decimal[3]));
        }
    }

    /// <summary>Prints one JSON object: column name → flat values (lists per row for variable-length columns) as astropy reads them.</summary>
    private const string AstropyDump = """
        import json, math, sys
        import numpy as np
        from astropy.io import fits

        def j(v):
            if isinstance(v, (bool, np.bool_)): return bool(v)
            if isinstance(v, (int, np.integer)): return int(v)
            if isinstance(v, (complex, np.complexfloating)): return [j(float(v.real)), j(float(v.imag))]
            if isinstance(v, (float, np.floating)):
                f = float(v)
                return "NaN" if math.isnan(f) else ("Infinity" if f == math.inf else ("-Infinity" if f == -math.inf else f))
            return str(v)

        with fits.open(sys.argv[1]) as h:
            t = h[1]
            out = {}
            for c in t.columns:
                v = t.data[c.name]
                if c.format.startswith("P") or c.format[1:].startswith("P"):
                    out[c.name] = [[j(x) for x in np.asarray(r).ravel()] for r in v]
                elif v.dtype.kind in "US":
                    out[c.name] = [str(x) for x in v]  # element access strips trailing spaces, as astropy reads text
                else:
                    out[c.name] = [j(x) for x in np.asarray(v).ravel()]
            out["MATRIX_SHAPE"] = list(t.data["MATRIX"].shape[1:][::-1])
            raw = t.data.view(np.ndarray)
            out["VARUSHORTS_STORED"] = [[int(x) for x in t.data._get_heap_data()[o:o + 2 * n].view(">i2")] for n, o in raw["VARUSHORTS"]]
            print(json.dumps(out))
        """;
}

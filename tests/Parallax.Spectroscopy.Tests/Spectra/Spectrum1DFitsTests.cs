using System.Globalization;
using Parallax.Fits;
using Parallax.Fits.Headers;
using Parallax.Fits.Tables;
using Parallax.Imaging;
using Parallax.Spectroscopy.Spectra;

namespace Parallax.Spectroscopy.Tests.Spectra;

public sealed class Spectrum1DFitsTests
{
    /// <summary>50 pixels from 4000 Å in 1.7 Å steps, with a sky, a cosmic-ray flag, an unknown variance and full metadata.</summary>
    private static Spectrum1D Sample(bool sky = true, SpectrumUnit unit = SpectrumUnit.Electron, WavelengthMedium medium = WavelengthMedium.Vacuum)
    {
        const int n = 50;
        var w = new double[n];
        var f = new float[n];
        var v = new float[n];
        var m = new ushort[n];
        var s = new float[n];
        for (var i = 0; i < n; i++)
        {
            w[i] = 4000 + 1.7 * i + 1e-3 * i * i;
            f[i] = 1000 + 37.25f * i;
            v[i] = 1000 + 41.5f * i;
            s[i] = 200 - i;
        }
        f[7] = float.NaN;
        v[7] = float.NaN;
        m[7] = (ushort)MaskBits.NoData;
        m[12] = (ushort)(MaskBits.CosmicRay | MaskBits.Edge);
        return new Spectrum1D(w, f, v, m, sky ? s : null, unit, medium, new SpectrumMetadata { Object = "SIM-STAR-1", ExposureTime = 600, Airmass = 1.234 });
    }

    private static void WriteFile(string path, Spectrum1D spectrum)
    {
        using var writer = FitsWriter.Create(path);
        Spectrum1DFits.Write(writer, spectrum);
        writer.Commit();
    }

    public sealed class ToTable
    {
        [Fact]
        public void Given_a_spectrum_with_sky_When_laid_out_Then_the_table_has_the_documented_columns_units_and_cards()
        {
            var t = Spectrum1DFits.ToTable(Sample(unit: SpectrumUnit.FluxDensity));
            Assert.Equal("SPEC1D", t.Name);
            Assert.Equal(["WAVE", "FLUX", "ERR", "MASK", "SKY"], t.Table.Columns.Select(c => c.Name));
            Assert.Equal(["Angstrom", "erg s-1 cm-2 Angstrom-1", "erg s-1 cm-2 Angstrom-1", "", "erg s-1 cm-2 Angstrom-1"], t.Table.Columns.Select(c => c.Unit ?? ""));
            Assert.Equal(50, t.Table.RowCount);
            Assert.Equal("vac", t.Header.GetString("AIRORVAC"));
            Assert.Equal("SPEC1D", t.Header.GetString("EXTNAME"));
            Assert.Equal(1.234, t.Header.GetDouble("AIRMASS"));
        }

        [Fact]
        public void Given_no_sky_and_unknown_metadata_When_laid_out_Then_neither_the_sky_column_nor_those_cards_appear()
        {
            var s = new Spectrum1D([1, 2, 3], [1, 2, 3]);
            var t = Spectrum1DFits.ToTable(s);
            Assert.DoesNotContain("SKY", t.Table.Columns.Select(c => c.Name));
            Assert.False(t.Header.Contains("EXPTIME"));
            Assert.False(t.Header.Contains("OBJECT"));
            Assert.Equal("air", t.Header.GetString("AIRORVAC"));
        }
    }

    public sealed class Read
    {
        [Theory]
        [InlineData(true, SpectrumUnit.Electron, WavelengthMedium.Vacuum)]
        [InlineData(false, SpectrumUnit.ElectronPerSecond, WavelengthMedium.Air)]
        [InlineData(true, SpectrumUnit.FluxDensity, WavelengthMedium.Air)]
        public void Given_a_written_spectrum_When_read_back_Then_every_field_survives(bool sky, SpectrumUnit unit, WavelengthMedium medium)
        {
            using var dir = new TempFolder();
            var path = dir.File("spec.fits");
            var original = Sample(sky, unit, medium);
            WriteFile(path, original);
            using var file = FitsFile.Open(path);
            var back = Spectrum1DFits.Read(file);
            Assert.Equal(original.Wavelength, back.Wavelength);
            Assert.Equal(original.Flux, back.Flux);
            Assert.Equal(original.Mask, back.Mask);
            Assert.Equal(original.Sky, back.Sky);
            Assert.Equal(unit, back.Unit);
            Assert.Equal(medium, back.Medium);
            Assert.Equal(original.Metadata, back.Metadata);
            for (var i = 0; i < original.Length; i++)
                if (float.IsNaN(original.Variance[i])) Assert.True(float.IsNaN(back.Variance[i]));
                else Assert.Equal(original.Variance[i], back.Variance[i], original.Variance[i] * 3e-7); // σ stored as float32, squared back
        }

        [Fact]
        public void Given_a_table_without_flux_When_read_Then_the_error_names_the_file_and_the_column()
        {
            using var dir = new TempFolder();
            var path = dir.File("bad.fits");
            using (var writer = FitsWriter.Create(path))
            {
                writer.WriteEmpty(new Header());
                var t = new BinaryTable(2);
                t.AddColumn("WAVE", new[] { 1.0, 2.0 });
                writer.WriteTable(t, new Header([HeaderCard.Create("EXTNAME", "SPEC1D")]));
                writer.Commit();
            }
            using var file = FitsFile.Open(path);
            var ex = Assert.Throws<FitsFormatException>(() => Spectrum1DFits.Read(file));
            Assert.Contains("FLUX", ex.Message);
            Assert.Contains("bad.fits", ex.Message);
        }

        [Fact]
        public void Given_a_flux_unit_that_is_not_a_spectrum_unit_When_read_Then_the_error_names_the_unit_and_keyword()
        {
            using var dir = new TempFolder();
            var path = dir.File("jy.fits");
            using (var writer = FitsWriter.Create(path))
            {
                writer.WriteEmpty(new Header());
                var t = new BinaryTable(2);
                t.AddColumn("WAVE", new[] { 1.0, 2.0 });
                t.AddColumn("FLUX", new[] { 1f, 2f }, options: new ColumnOptions { Unit = "Jy" });
                writer.WriteTable(t, new Header([HeaderCard.Create("EXTNAME", "SPEC1D")]));
                writer.Commit();
            }
            using var file = FitsFile.Open(path);
            var ex = Assert.Throws<FitsFormatException>(() => Spectrum1DFits.Read(file));
            Assert.Contains("'Jy'", ex.Message);
            Assert.Equal("TUNIT2", ex.Keyword);
        }

        [Fact]
        public void Given_an_inverse_variance_column_instead_of_errors_When_read_Then_variance_is_its_inverse_and_zero_means_unknown()
        {
            using var dir = new TempFolder();
            var path = dir.File("ivar.fits");
            using (var writer = FitsWriter.Create(path))
            {
                writer.WriteEmpty(new Header());
                var t = new BinaryTable(3);
                t.AddColumn("WAVE", new[] { 1.0, 2.0, 3.0 });
                t.AddColumn("FLUX", new[] { 1f, 2f, 3f }, options: new ColumnOptions { Unit = "electron" });
                t.AddColumn("IVAR", new[] { 4f, 0f, 0.5f });
                writer.WriteTable(t, new Header([HeaderCard.Create("EXTNAME", "SPEC1D")]));
                writer.Commit();
            }
            using var file = FitsFile.Open(path);
            var s = Spectrum1DFits.Read(file);
            Assert.Equal(0.25f, s.Variance[0]);
            Assert.True(float.IsNaN(s.Variance[1]));
            Assert.Equal(2f, s.Variance[2]);
            Assert.Equal(WavelengthMedium.Air, s.Medium); // no AIRORVAC: air, the ground-based default
        }
    }

    public sealed class Write
    {
        [SkippableFact]
        public void Given_a_written_spectrum_When_fitsverify_checks_it_Then_it_reports_no_error_or_warning()
        {
            using var dir = new TempFolder();
            var path = dir.File("spec.fits");
            WriteFile(path, Sample(unit: SpectrumUnit.FluxDensity));
            var (errors, warnings, report) = ExternalTool.Fitsverify(path);
            Assert.True(errors == 0 && warnings == 0, report);
        }

        [SkippableFact]
        public void Given_a_written_spectrum_When_astropy_reads_it_Then_it_sees_the_same_columns_units_values_and_cards()
        {
            var py = ExternalTool.RequireAstropy();
            using var dir = new TempFolder();
            var path = dir.File("spec.fits");
            var s = Sample(unit: SpectrumUnit.ElectronPerSecond);
            WriteFile(path, s);
            var script = $$"""
                from astropy.io import fits
                from astropy.table import Table
                import astropy.units as u
                h = fits.open(r"{{path}}")["SPEC1D"]
                t = Table.read(r"{{path}}", hdu="SPEC1D")
                print(h.header["AIRORVAC"], h.header["OBJECT"], h.header["EXPTIME"], h.header["AIRMASS"])
                print(" ".join(t.colnames))
                print(h.columns["WAVE"].unit, h.columns["FLUX"].unit, u.Unit(h.columns["FLUX"].unit) == u.electron / u.s, str(t["MASK"].dtype))
                print(repr(float(t["WAVE"][12])), repr(float(t["FLUX"][12])), repr(float(t["ERR"][12])), int(t["MASK"][12]), repr(float(t["SKY"][12])))
                """;
            var (code, output) = ExternalTool.Run(py, "-", script);
            Assert.True(code == 0, output);
            var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            Assert.Equal("vac SIM-STAR-1 600.0 1.234", lines[0].Trim());
            Assert.Equal("WAVE FLUX ERR MASK SKY", lines[1].Trim());
            Assert.Equal("Angstrom electron/s True uint16", lines[2].Trim());
            var v = lines[3].Split(' ');
            var inv = CultureInfo.InvariantCulture;
            Assert.Equal(s.Wavelength[12], double.Parse(v[0], inv));
            Assert.Equal(s.Flux[12], double.Parse(v[1], inv));
            Assert.Equal(Math.Sqrt(s.Variance[12]), double.Parse(v[2], inv), 1e-4);
            Assert.Equal((int)(MaskBits.CosmicRay | MaskBits.Edge), int.Parse(v[3], inv));
            Assert.Equal(s.Sky![12], double.Parse(v[4], inv));
        }
    }
}

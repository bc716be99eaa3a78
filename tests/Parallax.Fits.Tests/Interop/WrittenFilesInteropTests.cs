using System.Globalization;
using System.Numerics;
using Parallax.Fits.Checksums;
using Parallax.Fits.Headers;
using Parallax.Fits.Images;
using Parallax.Fits.Tests.Support;

namespace Parallax.Fits.Tests.Interop;

/// <summary>Files we write must pass fitsverify and read back in astropy with identical values.</summary>
public class WrittenFilesInteropTests
{
    /// <summary>A multi-extension product with every encoding and awkward header cards.</summary>
    internal static string WriteKitchenSink(TempFolder tmp, bool withUndefinedValue = true)
    {
        var path = tmp.File("kitchen.fits");
        var primary = new Header();
        primary.Set("OBJECT", "NGC 891 'edge-on'", "target");
        primary.Set("EXPTIME", 300.0, "[s] exposure");
        primary.Set("HIERARCH ESO DPR CATG", "SCIENCE");
        primary.Set("CPLX", new Complex(1.25, -3));
        // Legal, but fitsverify warns about undefined values, so products never carry them.
        if (withUndefinedValue) primary.Set("UNDEF", null, "undefined on purpose");
        // Debian's astropy 5.2 drops text after a '' escape inside CONTINUE strings (its own writer's
        // output does not round-trip either), so this cross-check uses a long string without quotes;
        // HeaderRoundTripTests covers quotes in long strings.
        primary.Set("LONGSTR", string.Concat(Enumerable.Repeat("long text, continued over cards; ", 6)));
        primary.AddHistory("written by the interop test");
        var rng = new Random(7);
        using var w = FitsWriter.Create(path);
        w.WriteEmpty(primary);
        foreach (var enc in Enum.GetValues<ImageEncoding>())
        {
            var h = new Header();
            h.Set("EXTNAME", enc.ToString().ToUpperInvariant());
            var pix = new float[31 * 17];
            for (var i = 0; i < pix.Length; i++) pix[i] = enc is ImageEncoding.Float32 or ImageEncoding.Float64 ? (float)(rng.NextDouble() * 1000 - 500) : rng.Next(0, 250);
            if (enc is ImageEncoding.Float32) pix[5] = float.NaN;
            w.WriteImage(pix, [31, 17], h, enc);
        }
        w.Commit();
        return path;
    }

    public class Fitsverify
    {
        [SkippableFact]
        public void Given_a_multi_extension_file_we_wrote_When_fitsverify_checks_it_Then_zero_errors_and_zero_warnings()
        {
            using var tmp = TestPaths.Temp();
            var (errors, warnings, report) = ExternalTool.Fitsverify(WriteKitchenSink(tmp, withUndefinedValue: false));
            Assert.True(errors == 0 && warnings == 0, report);
        }
    }

    public class Checksums
    {
        [Fact]
        public void Given_a_file_we_wrote_When_verified_Then_every_HDU_checksum_and_datasum_is_valid()
        {
            using var tmp = TestPaths.Temp();
            using var f = FitsFile.Open(WriteKitchenSink(tmp));
            foreach (var hdu in f.Hdus)
            {
                var r = ChecksumVerifier.Verify(hdu);
                Assert.Equal((ChecksumStatus.Valid, ChecksumStatus.Valid), (r.Checksum, r.Datasum));
            }
        }

        [Fact]
        public void Given_one_flipped_data_byte_When_verified_Then_that_HDU_is_invalid_and_others_valid()
        {
            using var tmp = TestPaths.Temp();
            var path = WriteKitchenSink(tmp);
            long offset;
            using (var f = FitsFile.Open(path)) offset = f[2].DataOffset + 10;
            var bytes = File.ReadAllBytes(path);
            bytes[offset] ^= 0x10;
            using var g = FitsFile.Open(bytes);
            Assert.Equal(ChecksumStatus.Invalid, ChecksumVerifier.Verify(g[2]).Datasum);
            Assert.Equal(ChecksumStatus.Invalid, ChecksumVerifier.Verify(g[2]).Checksum);
            Assert.Equal(ChecksumStatus.Valid, ChecksumVerifier.Verify(g[1]).Checksum);
        }
    }

    public class Astropy
    {
        [SkippableFact]
        public void Given_a_file_we_wrote_When_astropy_reads_it_Then_headers_pixels_and_checksums_agree()
        {
            var py = ExternalTool.RequireAstropy();
            using var tmp = TestPaths.Temp();
            var path = WriteKitchenSink(tmp);
            const string script = """
import sys, json, warnings
import numpy as np
from astropy.io import fits
warnings.simplefilter('error')
out = []
hdul = fits.open(sys.argv[1], checksum=True)
if True:
    h = hdul[0].header
    out.append({'OBJECT': h['OBJECT'], 'EXPTIME': h['EXPTIME'], 'CATG': h['HIERARCH ESO DPR CATG'],
                'CPLX': [h['CPLX'].real, h['CPLX'].imag], 'LONGSTR': h['LONGSTR'], 'UNDEF': h['UNDEF'] is None or type(h['UNDEF']).__name__ == 'Undefined'})
    for hdu in hdul[1:]:
        d = hdu.data.astype(np.float64)
        out.append({'name': hdu.name, 'bitpix': hdu.header['BITPIX'], 'shape': list(d.shape),
                    'nan': int(np.isnan(d).sum()), 'sum': float(np.nansum(d)), 'first': float(d[0, 0]), 'last': float(d[-1, -1])})
hdul.close()
print(json.dumps(out))
""";
            var scriptPath = tmp.File("check.py");
            File.WriteAllText(scriptPath, script);
            var (code, output) = ExternalTool.Run(py, $"\"{scriptPath}\" \"{path}\"");
            Assert.True(code == 0, output);
            using var doc = System.Text.Json.JsonDocument.Parse(output);
            var arr = doc.RootElement;
            using var f = FitsFile.Open(path);
            var h0 = arr[0];
            Assert.Equal("NGC 891 'edge-on'", h0.GetProperty("OBJECT").GetString());
            Assert.Equal(300.0, h0.GetProperty("EXPTIME").GetDouble());
            Assert.Equal("SCIENCE", h0.GetProperty("CATG").GetString());
            Assert.Equal(-3.0, h0.GetProperty("CPLX")[1].GetDouble());
            Assert.Equal(f.Primary.Header.GetString("LONGSTR"), h0.GetProperty("LONGSTR").GetString());
            Assert.True(h0.GetProperty("UNDEF").GetBoolean());
            for (var i = 1; i < f.Count; i++)
            {
                var img = f.Image(i);
                var ours = img.ReadFloat64();
                var theirs = arr[i];
                Assert.Equal(img.Name, theirs.GetProperty("name").GetString());
                Assert.Equal(img.Bitpix, theirs.GetProperty("bitpix").GetInt32());
                Assert.Equal(ours.Count(double.IsNaN), theirs.GetProperty("nan").GetInt32());
                Assert.Equal(ours.Where(v => !double.IsNaN(v)).Sum(), theirs.GetProperty("sum").GetDouble(), 6);
                Assert.Equal(ours[0], theirs.GetProperty("first").GetDouble());
                Assert.Equal(ours[^1], theirs.GetProperty("last").GetDouble());
            }
        }
    }
}

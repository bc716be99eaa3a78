using System.Globalization;
using Parallax.Fits;
using Parallax.Imaging.Cosmics;
using Parallax.Imaging.Io;
using Parallax.Imaging.Tests.Support;
using Xunit.Abstractions;

namespace Parallax.Imaging.Tests.Cosmics;

/// <summary>
/// Agreement with astroscrappy 1.1.0 (detect_cosmics) on the same FITS file: data/cosmics holds a
/// 200 × 200 star field with cosmic rays (starfield.fits), astroscrappy's masks for five settings
/// (one bit per setting in astroscrappy_masks.fits) and its cleaned values at the flagged pixels,
/// all written by make_lacosmic_data.py. The masks must agree on at least 99.9% of the pixels that
/// either side flags (the brief's floor is 95%; float32 rounding in the Laplacian and noise model can
/// move a pixel sitting exactly on a threshold), and cleaned values within 0.01 ADU where both flag.
/// </summary>
public class AstroscrappyAgreementTests
{
    private static readonly CosmicRayParameters Common = new() { Gain = 2.0, ReadNoise = 5.0, SatLevel = 80000.0 };

    /// <summary>The five settings of make_lacosmic_data.py, in the order of their mask bits.</summary>
    private static readonly CosmicRayParameters[] Settings =
    [
        Common,
        Common with { SeparableMedian = false, CleanType = CleanType.MedMask },
        Common with { CleanType = CleanType.Idw, SigClip = 4.0, SigFrac = 0.5, ObjLim = 3.0 },
        Common with { FineStructure = FineStructureMode.Convolve, PsfModel = PsfModel.Gauss, PsfFwhm = 3.0 },
        Common with { SeparableMedian = false, FineStructure = FineStructureMode.Convolve, PsfModel = PsfModel.Moffat, PsfFwhm = 3.0, Iterations = 2 },
    ];

    private static MaskedImage StarField()
    {
        using var file = FitsFile.Open(TestPaths.Data("cosmics", "starfield.fits"));
        return MaskedImageFits.Read(file);
    }

    private static byte[] PeerMasks()
    {
        using var file = FitsFile.Open(TestPaths.Data("cosmics", "astroscrappy_masks.fits"));
        return [.. file.FirstImageWithData()!.ReadFloat32().Select(v => (byte)v)];
    }

    private static Dictionary<(int X, int Y), float> PeerCleaned(int setting)
        => File.ReadLines(TestPaths.Data("cosmics", "astroscrappy_clean.csv")).Skip(1)
            .Select(l => l.Split(','))
            .Where(f => int.Parse(f[2], CultureInfo.InvariantCulture) == setting)
            .ToDictionary(f => (int.Parse(f[0], CultureInfo.InvariantCulture), int.Parse(f[1], CultureInfo.InvariantCulture)), f => float.Parse(f[3], CultureInfo.InvariantCulture));

    public class Detect(ITestOutputHelper output)
    {
        [Theory]
        [InlineData(0)]
        [InlineData(1)]
        [InlineData(2)]
        [InlineData(3)]
        [InlineData(4)]
        public void Given_the_star_field_When_detected_with_astroscrappys_settings_Then_the_masks_agree(int setting)
        {
            var image = StarField();
            var peer = PeerMasks();
            var result = CosmicRayDetector.Detect(image, Settings[setting]);
            int both = 0, onlyPeer = 0, onlyOurs = 0;
            for (var i = 0; i < peer.Length; i++)
            {
                var theirs = (peer[i] >> setting & 1) != 0;
                var ours = result.CosmicRays[i];
                if (theirs && ours) both++;
                else if (theirs) onlyPeer++;
                else if (ours) onlyOurs++;
            }
            var union = both + onlyPeer + onlyOurs;
            var agreement = union == 0 ? 1.0 : (double)both / union;
            var allPixels = 1.0 - (double)(onlyPeer + onlyOurs) / peer.Length;
            output.WriteLine($"setting {setting}: both {both}, astroscrappy only {onlyPeer}, Parallax only {onlyOurs}; agreement over flagged {agreement:P3}, over all pixels {allPixels:P4}");
            Assert.True(both > 100, $"only {both} pixels flagged by both");
            Assert.True(agreement >= 0.999, $"masks agree on {agreement:P3} of the {union} flagged pixels (astroscrappy only {onlyPeer}, Parallax only {onlyOurs})");
        }

        [Theory]
        [InlineData(0)]
        [InlineData(1)]
        [InlineData(2)]
        public void Given_the_star_field_When_cleaned_Then_replaced_values_match_astroscrappys(int setting)
        {
            var image = StarField();
            var result = CosmicRayDetector.Detect(image, Settings[setting]);
            var compared = 0;
            foreach (var ((x, y), expected) in PeerCleaned(setting))
            {
                var i = y * image.Width + x;
                if (!result.CosmicRays[i]) continue;
                Close.Equal(expected, result.Cleaned.Data[i], 0, 0.01, $"cleaned pixel ({x}, {y})");
                compared++;
            }
            output.WriteLine($"setting {setting}: {compared} cleaned values compared");
            Assert.True(compared > 100);
        }
    }
}

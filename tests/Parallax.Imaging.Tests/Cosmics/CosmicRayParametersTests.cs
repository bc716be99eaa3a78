using Parallax.Imaging.Cosmics;

namespace Parallax.Imaging.Tests.Cosmics;

/// <summary>Defaults are astroscrappy's; each out-of-range field is refused by name.</summary>
public class CosmicRayParametersTests
{
    public class Validate
    {
        [Fact]
        public void Given_the_defaults_When_read_Then_they_are_astroscrappys()
        {
            var p = new CosmicRayParameters();
            p.Validate();
            Assert.Equal((4.5, 0.3, 5.0, 1.0, 6.5, 65536.0, 4, true), (p.SigClip, p.SigFrac, p.ObjLim, p.Gain, p.ReadNoise, p.SatLevel, p.Iterations, p.SeparableMedian));
            Assert.Equal((CleanType.MeanMask, FineStructureMode.Median, PsfModel.Gauss, 2.5, 7, 4.765), (p.CleanType, p.FineStructure, p.PsfModel, p.PsfFwhm, p.PsfSize, p.PsfBeta));
        }

        public static TheoryData<CosmicRayParameters, string> Bad => new()
        {
            { new CosmicRayParameters { SigClip = 0 }, nameof(CosmicRayParameters.SigClip) },
            { new CosmicRayParameters { SigFrac = 1.5 }, nameof(CosmicRayParameters.SigFrac) },
            { new CosmicRayParameters { ObjLim = double.NaN }, nameof(CosmicRayParameters.ObjLim) },
            { new CosmicRayParameters { Gain = -1 }, nameof(CosmicRayParameters.Gain) },
            { new CosmicRayParameters { ReadNoise = -1 }, nameof(CosmicRayParameters.ReadNoise) },
            { new CosmicRayParameters { SatLevel = 0 }, nameof(CosmicRayParameters.SatLevel) },
            { new CosmicRayParameters { Iterations = 0 }, nameof(CosmicRayParameters.Iterations) },
            { new CosmicRayParameters { PsfSize = 4 }, nameof(CosmicRayParameters.PsfSize) },
            { new CosmicRayParameters { CleanType = (CleanType)9 }, nameof(CosmicRayParameters.CleanType) },
        };

        [Theory]
        [MemberData(nameof(Bad))]
        public void Given_an_out_of_range_field_When_validated_Then_it_is_named(CosmicRayParameters p, string field)
            => Assert.Equal(field, Assert.Throws<ArgumentException>(p.Validate).ParamName);

        [Fact]
        public void Given_no_saturation_level_When_validated_Then_infinity_is_accepted()
            => new CosmicRayParameters { SatLevel = double.PositiveInfinity }.Validate();
    }
}

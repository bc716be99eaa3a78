namespace Parallax.Imaging.Tests;

/// <summary>The bit values are part of the DQ file format: they are pinned here, as documented.</summary>
public class MaskBitsTests
{
    [Fact]
    public void Given_the_documented_format_When_bits_are_read_Then_each_has_its_fixed_value()
    {
        Assert.Equal(1, (int)MaskBits.BadPixel);
        Assert.Equal(2, (int)MaskBits.Saturated);
        Assert.Equal(4, (int)MaskBits.CosmicRay);
        Assert.Equal(8, (int)MaskBits.Hot);
        Assert.Equal(16, (int)MaskBits.Cold);
        Assert.Equal(32, (int)MaskBits.Nonlinear);
        Assert.Equal(64, (int)MaskBits.NoData);
        Assert.Equal(128, (int)MaskBits.Vignetted);
        Assert.Equal(256, (int)MaskBits.Rejected);
        Assert.Equal(512, (int)MaskBits.Interpolated);
        Assert.Equal(1024, (int)MaskBits.Edge);
    }

    [Fact]
    public void Given_the_unusable_composite_When_checked_Then_it_excludes_the_bits_whose_values_remain_usable()
    {
        foreach (var usable in new[] { MaskBits.Nonlinear, MaskBits.Vignetted, MaskBits.Interpolated, MaskBits.Edge })
            Assert.False(MaskBits.Unusable.HasFlag(usable), $"{usable} should not be unusable");
        foreach (var bad in new[] { MaskBits.BadPixel, MaskBits.Saturated, MaskBits.CosmicRay, MaskBits.Hot, MaskBits.Cold, MaskBits.NoData, MaskBits.Rejected })
            Assert.True(MaskBits.Unusable.HasFlag(bad), $"{bad} should be unusable");
    }
}

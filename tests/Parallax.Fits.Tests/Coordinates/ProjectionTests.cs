using Parallax.Fits.Coordinates;
using Parallax.Fits.Coordinates.Projections;
using Xunit;

namespace Parallax.Fits.Tests.Coordinates;

/// <summary>
/// Each projection on its own: the defining formula of paper II at a hand-checked point, the round trip
/// native -> plane -> native, and NaN outside the domain. (Agreement with wcslib is in WcsAgainstAstropyTests.)
/// </summary>
public sealed class ProjectionTests
{
    private const double R0 = 180.0 / Math.PI;

    public static TheoryData<string> All => new(["TAN", "SIN", "SIN_SLANT", "ARC", "ZEA", "STG", "CAR", "MER", "CEA", "SFL", "AIT"]);

    private static IProjection Make(string name) => name switch
    {
        "TAN" => new TanProjection(),
        "SIN" => new SinProjection(),
        "SIN_SLANT" => new SinProjection(0.2, -0.1),
        "ARC" => new ArcProjection(),
        "ZEA" => new ZeaProjection(),
        "STG" => new StgProjection(),
        "CAR" => new CarProjection(),
        "MER" => new MerProjection(),
        "CEA" => new CeaProjection(0.6),
        "SFL" => new SflProjection(),
        "AIT" => new AitProjection(),
        _ => throw new ArgumentException(name),
    };

    public sealed class TheNativeToPlaneMethod
    {
        [Theory]
        [MemberData(nameof(All), MemberType = typeof(ProjectionTests))]
        public void Given_phi_30_theta_60_When_projected_Then_matches_the_paper_II_formula_written_out(string name)
        {
            double Rad(double d) => d * Math.PI / 180.0;
            double S(double d) => Math.Sin(Rad(d));
            double C(double d) => Math.Cos(Rad(d));
            // Zenithal: x = R sin(phi), y = -R cos(phi) with R(theta) from paper II section 5.1.
            (double, double) Zenithal(double r) => (r * S(30), -r * C(30));
            var gamma = R0 * Math.Sqrt(2.0 / (1.0 + C(60) * C(15)));
            var (x, y) = name switch
            {
                "TAN" => Zenithal(R0 * C(60) / S(60)),
                "SIN" => Zenithal(R0 * C(60)),
                "SIN_SLANT" => (R0 * (C(60) * S(30) + 0.2 * (1 - S(60))), -R0 * (C(60) * C(30) - -0.1 * (1 - S(60)))),
                "ARC" => Zenithal(90.0 - 60.0),
                "ZEA" => Zenithal(2 * R0 * S(15)),
                "STG" => Zenithal(2 * R0 * S(15) / C(15)),
                "CAR" => (30.0, 60.0),
                "MER" => (30.0, R0 * Math.Log(S(75) / C(75))),
                "CEA" => (30.0, R0 * S(60) / 0.6),
                "SFL" => (30.0 * C(60), 60.0),
                "AIT" => (2 * gamma * C(60) * S(15), gamma * S(60)),
                _ => throw new ArgumentException(name),
            };
            Make(name).NativeToPlane(30.0, 60.0, out var px, out var py);
            Assert.Equal(x, px, 1e-12);
            Assert.Equal(y, py, 1e-12);
        }

        [Theory]
        [InlineData("TAN", 10.0, -5.0)]
        [InlineData("TAN", 10.0, 0.0)]
        [InlineData("SIN", 10.0, -0.001)]
        [InlineData("STG", 10.0, -90.0)]
        [InlineData("MER", 10.0, 90.0)]
        [InlineData("TAN", double.NaN, 45.0)]
        public void Given_a_point_the_projection_cannot_show_When_projected_Then_gives_NaN(string name, double phi, double theta)
        {
            Make(name).NativeToPlane(phi, theta, out var x, out var y);
            Assert.True(double.IsNaN(x) && double.IsNaN(y), $"({x}, {y})");
        }
    }

    public sealed class ThePlaneToNativeMethod
    {
        [Theory]
        [MemberData(nameof(All), MemberType = typeof(ProjectionTests))]
        public void Given_native_points_When_projected_and_deprojected_Then_return_to_1e10_degrees(string name)
        {
            var p = Make(name);
            var checkedPoints = 0;
            for (var theta = -85.0; theta <= 90.0; theta += 7.3)
            {
                for (var phi = -175.0; phi <= 175.0; phi += 12.9)
                {
                    p.NativeToPlane(phi, theta, out var x, out var y);
                    if (double.IsNaN(x)) continue;
                    p.PlaneToNative(x, y, out var phi2, out var theta2);
                    Assert.Equal(theta, theta2, 1e-10);
                    if (theta < 89.999) Assert.Equal(phi, phi2, 1e-9);
                    checkedPoints++;
                }
            }
            Assert.True(checkedPoints > 100, $"{name}: {checkedPoints}");
        }

        [Theory]
        [InlineData("SIN", 58.0, 0.0)]     // beyond the unit disc (R0 = 57.3)
        [InlineData("ARC", 181.0, 0.0)]
        [InlineData("ZEA", 0.0, 115.0)]    // beyond 2 R0 = 114.6
        [InlineData("CAR", 180.5, 0.0)]
        [InlineData("CAR", 0.0, 90.5)]
        [InlineData("MER", 181.0, 0.0)]
        [InlineData("CEA", 0.0, 96.0)]     // R0 / lambda = 95.5
        [InlineData("SFL", 170.0, 30.0)]   // |phi| = x / cos(theta) > 180
        [InlineData("AIT", 0.0, 115.0)]    // outside the ellipse
        [InlineData("AIT", 325.0, 0.0)]
        public void Given_a_plane_point_outside_the_domain_When_deprojected_Then_gives_NaN(string name, double x, double y)
        {
            Make(name).PlaneToNative(x, y, out var phi, out var theta);
            Assert.True(double.IsNaN(phi) && double.IsNaN(theta), $"({phi}, {theta})");
        }

        [Theory]
        [InlineData("TAN")]
        [InlineData("SIN")]
        [InlineData("ARC")]
        [InlineData("ZEA")]
        [InlineData("STG")]
        public void Given_the_plane_origin_When_deprojected_Then_is_the_native_pole(string name)
        {
            Make(name).PlaneToNative(0.0, 0.0, out var phi, out var theta);
            Assert.Equal(0.0, phi);
            Assert.Equal(90.0, theta);
        }
    }

    public sealed class TheNativeVectorPath
    {
        public static TheoryData<string> Zenithal => new(["TAN", "SIN", "SIN_SLANT", "ARC", "ZEA", "STG"]);

        [Theory]
        [MemberData(nameof(Zenithal))]
        public void Given_plane_points_When_deprojected_by_vector_Then_equals_the_angle_path(string name)
        {
            var p = Make(name);
            var v = (INativeVectorProjection)p;
            for (var x = -60.0; x <= 60.0; x += 7.7)
            {
                for (var y = -60.0; y <= 60.0; y += 8.3)
                {
                    p.PlaneToNative(x, y, out var phi, out var theta);
                    var ok = v.PlaneToNativeVector(x, y, out var n1, out var n2, out var n3);
                    Assert.Equal(!double.IsNaN(theta), ok);
                    if (!ok) continue;
                    var ct = Math.Cos(theta * Math.PI / 180.0);
                    Assert.Equal(ct * Math.Sin(phi * Math.PI / 180.0), n1, 1e-13);
                    Assert.Equal(ct * Math.Cos(phi * Math.PI / 180.0), n2, 1e-13);
                    Assert.Equal(Math.Sin(theta * Math.PI / 180.0), n3, 1e-13);
                    Assert.True(v.NativeVectorToPlane(n1, n2, n3, out var x2, out var y2));
                    Assert.Equal(x, x2, 1e-10);
                    Assert.Equal(y, y2, 1e-10);
                }
            }
        }
    }
}

using Stipple.Core.Design;
using Stipple.Core.Rendering;

namespace Stipple.Core.Tests.Rendering;

public sealed class HomographyTests
{
    private static readonly MapPoint[] Landmarks =
    [
        AlignmentLandmarks.Glabella, AlignmentLandmarks.RightTemporal, AlignmentLandmarks.LeftTemporal, AlignmentLandmarks.Vertex,
    ];

    /// <summary>A front photo, 1600 × 1200: glabella low in the middle, temples either side, the vertex foreshortened near the top.</summary>
    private static readonly ImagePoint[] Front = [new(812.5, 1010.25), new(430.75, 655.5), new(1190, 640), new(790, 215.125)];

    /// <summary>A strongly tilted view: the back of the quadrilateral much narrower than the front.</summary>
    private static readonly ImagePoint[] Tilted = [new(800, 1150), new(100, 500), new(1500, 520), new(810, 380)];

    public static TheoryData<bool> Views => [false, true];

    [Theory]
    [MemberData(nameof(Views))]
    public void It_takes_each_landmark_to_its_image_point_to_a_billionth_of_a_pixel(bool tilted)
    {
        var to = tilted ? Tilted : Front;

        var h = Create(Landmarks, to);

        for (var i = 0; i < 4; i++)
        {
            h.TryMap(Landmarks[i], out var q).ShouldBeTrue();
            q.X.ShouldBe(to[i].X, 1e-9);
            q.Y.ShouldBe(to[i].Y, 1e-9);
        }
    }

    [Theory]
    [MemberData(nameof(Views))]
    public void Unmapping_a_mapped_point_gives_it_back(bool tilted)
    {
        var h = Create(Landmarks, tilted ? Tilted : Front);

        for (var x = -120.0; x <= 120; x += 15)
        {
            for (var y = 0.0; y <= 200; y += 12.5)
            {
                h.TryMap(new MapPoint(x, y), out var q).ShouldBeTrue();
                h.TryUnmap(q, out var back).ShouldBeTrue();
                back.X.ShouldBe(x, 1e-9);
                back.Y.ShouldBe(y, 1e-9);
            }
        }
    }

    [Fact]
    public void A_scale_and_shift_has_that_scale_everywhere_and_a_mirrored_one_a_negative_determinant()
    {
        var upright = Create(Landmarks, [.. Landmarks.Select(p => new ImagePoint((4 * p.X) + 800, (4 * p.Y) + 100))]);
        var flipped = Create(Landmarks, [.. Landmarks.Select(p => new ImagePoint((4 * p.X) + 800, 1000 - (4 * p.Y)))]);

        foreach (var p in new MapPoint[] { new(0, 0), new(-150, 300), new(37.5, 81.25) })
        {
            upright.LocalScale(p).ShouldBe(4, 1e-9);
            upright.JacobianDeterminant(p).ShouldBe(16, 1e-8);
            flipped.LocalScale(p).ShouldBe(4, 1e-9);
            flipped.JacobianDeterminant(p).ShouldBe(-16, 1e-8);
            upright.TryMap(p, out var q).ShouldBeTrue();
            q.X.ShouldBe((4 * p.X) + 800, 1e-9);
            q.Y.ShouldBe((4 * p.Y) + 100, 1e-9);
        }
    }

    [Fact]
    public void The_Jacobian_determinant_matches_finite_differences_and_shrinks_towards_the_far_edge()
    {
        var h = Create(Landmarks, Tilted);
        const double Step = 1e-4;

        foreach (var p in new MapPoint[] { new(0, 0), new(-50, 120), new(60, 170), new(10, 40) })
        {
            var dx = Difference(h, p, Step, 0);
            var dy = Difference(h, p, 0, Step);
            var numeric = (dx.X * dy.Y) - (dx.Y * dy.X);

            h.JacobianDeterminant(p).ShouldBe(numeric, Math.Abs(numeric) * 1e-6);
            h.LocalScale(p).ShouldBe(Math.Sqrt(Math.Abs(numeric)), h.LocalScale(p) * 1e-6);
        }

        h.LocalScale(AlignmentLandmarks.Vertex).ShouldBeLessThan(h.LocalScale(AlignmentLandmarks.Glabella) / 3);
    }

    [Fact]
    public void Points_on_or_behind_the_horizon_do_not_map()
    {
        var h = Create(Landmarks, Tilted);
        var m = h.Matrix.ToArray();

        // w = m6·x + m7·y + m8 (1 at the centroid, y = 90). The back is foreshortened, so w grows backwards and the
        // horizon lies in front of the glabella: on the midline at y = −m8 / m7.
        var horizonY = -m[8] / m[7];
        horizonY.ShouldBeInRange(-1000, -5);

        h.TryMap(new MapPoint(0, horizonY + 1), out _).ShouldBeTrue();
        h.TryMap(new MapPoint(0, horizonY), out _).ShouldBeFalse();
        h.TryMap(new MapPoint(0, horizonY - 1), out _).ShouldBeFalse();
        h.TryMap(new MapPoint(0, horizonY - 500), out _).ShouldBeFalse();
        h.LocalScale(new MapPoint(0, horizonY + 1)).ShouldBeGreaterThan(100 * h.LocalScale(AlignmentLandmarks.Glabella));
        h.TryMap(new MapPoint(double.NaN, 0), out _).ShouldBeFalse();
    }

    [Fact]
    public void The_matrix_is_scaled_so_w_is_1_at_the_centroid_of_the_map_points()
    {
        var m = Create(Landmarks, Tilted).Matrix;

        ((m[6] * 0) + (m[7] * 90) + m[8]).ShouldBe(1, 1e-12);
    }

    [Fact]
    public void Three_points_in_a_line_or_on_one_spot_or_the_wrong_count_give_no_transform()
    {
        ImagePoint[] inLine = [new(0, 0), new(100, 100), new(300, 50), new(200, 200)];
        ImagePoint[] onOneSpot = [new(5, 5), new(5, 5), new(300, 50), new(200, 200)];

        Fails(Landmarks, inLine).ShouldContain("1, 2 and 4 of the image points");
        Fails(Landmarks, onOneSpot).ShouldContain("image points");
        Fails([new(0, 0), new(0, 90), new(0, 180), new(72, 90)], Front).ShouldContain("map points");
        Fails(Landmarks, Front.AsSpan(0, 3)).ShouldContain("exactly 4");
        Fails(Landmarks, [Front[0], Front[1], new(double.NaN, 1), Front[3]]).ShouldContain("finite");
    }

    private static Homography Create(ReadOnlySpan<MapPoint> from, ReadOnlySpan<ImagePoint> to)
    {
        Homography.TryCreate(from, to, out var h, out var problem).ShouldBeTrue(problem);
        return h;
    }

    private static string Fails(ReadOnlySpan<MapPoint> from, ReadOnlySpan<ImagePoint> to)
    {
        Homography.TryCreate(from, to, out var h, out var problem).ShouldBeFalse();
        h.ShouldBeNull();
        return problem;
    }

    private static ImagePoint Difference(Homography h, MapPoint p, double dx, double dy)
    {
        h.TryMap(new MapPoint(p.X + dx, p.Y + dy), out var plus);
        h.TryMap(new MapPoint(p.X - dx, p.Y - dy), out var minus);
        var step = 2 * (dx + dy);
        return new ImagePoint((plus.X - minus.X) / step, (plus.Y - minus.Y) / step);
    }
}

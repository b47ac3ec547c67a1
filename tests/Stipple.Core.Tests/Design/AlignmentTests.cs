using Stipple.Core.Design;
using Stipple.Core.Rendering;

namespace Stipple.Core.Tests.Design;

public sealed class AlignmentTests
{
    private const int Width = 1600;
    private const int Height = 1200;

    // A front photo: glabella low in the middle, temples either side, vertex near the top.
    private static readonly NormalisedPoint Glabella = new(0.5, 0.85);
    private static readonly NormalisedPoint RightTemporal = new(0.27, 0.55);
    private static readonly NormalisedPoint LeftTemporal = new(0.74, 0.56);
    private static readonly NormalisedPoint Vertex = new(0.51, 0.18);

    [Fact]
    public void The_landmarks_sit_where_the_contract_puts_them_in_its_order()
    {
        AlignmentLandmarks.All.Select(l => l.Key).ShouldBe(["glabella", "rightTemporal", "leftTemporal", "vertex"]);
        AlignmentLandmarks.All.Select(l => l.DisplayName).ShouldBe(["Glabella", "Right temple", "Left temple", "Vertex"]);
        AlignmentLandmarks.All.Select(l => l.Position).ShouldBe([new(0, 0), new(-72, 90), new(72, 90), new(0, 180)]);
        AlignmentLandmarks.Centre.ShouldBe(new MapPoint(0, 90));
        AlignmentLandmarks.FrontViewMaxY.ShouldBe(190);
    }

    [Fact]
    public void A_plausible_front_alignment_is_accepted_and_takes_each_landmark_to_its_handle_in_display_pixels()
    {
        var errors = new List<(string Field, string Message)>();

        var alignment = PhotoAlignment.TryCreate(Glabella, RightTemporal, LeftTemporal, Vertex, Width, Height, errors);

        errors.ShouldBeEmpty();
        alignment.ShouldNotBeNull();
        var h = alignment.ToHomography(Width, Height);
        NormalisedPoint[] handles = [Glabella, RightTemporal, LeftTemporal, Vertex];
        for (var i = 0; i < 4; i++)
        {
            h.TryMap(AlignmentLandmarks.All[i].Position, out var q).ShouldBeTrue();
            q.X.ShouldBe(handles[i].X * Width, 1e-9);
            q.Y.ShouldBe(handles[i].Y * Height, 1e-9);
        }

        // A front photo mirrors the map (map y runs up the image).
        h.JacobianDeterminant(AlignmentLandmarks.Centre).ShouldBeLessThan(0);
    }

    [Fact]
    public void Handles_placed_by_a_scale_and_shift_give_that_many_pixels_per_mm()
    {
        // 4 px/mm on a 1000 × 1000 display: 72 mm is 0.288 of the width, 90 mm 0.36 of the height.
        var alignment = Accept(new(0.5, 0.9), new(0.5 - 0.288, 0.54), new(0.5 + 0.288, 0.54), new(0.5, 0.18), 1000, 1000);

        var h = alignment.ToHomography(1000, 1000);

        foreach (var p in new MapPoint[] { new(0, 0), new(-100, 250), new(30, 80) })
        {
            h.LocalScale(p).ShouldBe(4, 1e-9);
            h.JacobianDeterminant(p).ShouldBe(-16, 1e-8);
        }

        // The same handles on a photo shown twice the size: twice the pixels per mm.
        alignment.ToHomography(2000, 2000).LocalScale(new MapPoint(10, 10)).ShouldBe(8, 1e-9);
    }

    [Fact]
    public void A_coordinate_that_is_not_a_number_or_too_far_outside_is_named_by_handle_and_axis()
    {
        var errors = new List<(string Field, string Message)>();

        PhotoAlignment.TryCreate(
            Glabella with { X = double.NaN }, RightTemporal, LeftTemporal with { Y = double.PositiveInfinity }, Vertex with { Y = -1.01 },
            Width, Height, errors).ShouldBeNull();

        errors.Select(e => e.Field).ShouldBe(["glabella.x", "leftTemporal.y", "vertex.y"]);
        errors[0].Message.ShouldBe("The glabella handle's x position is missing or not a number.");
        errors[2].Message.ShouldContain("too far outside the photo");
    }

    [Fact]
    public void Coordinates_from_minus_1_to_2_are_allowed()
    {
        Accept(new(0.5, 2), new(-1, 0.5), new(2, 0.5), new(0.5, -1), Width, Height);
    }

    [Fact]
    public void Two_handles_closer_than_2_percent_of_the_diagonal_name_the_later_one()
    {
        // The diagonal of 1600 × 1200 is 2000 px, so handles must be 40 px apart.
        var errors = new List<(string Field, string Message)>();

        PhotoAlignment.TryCreate(Glabella, RightTemporal, LeftTemporal, Glabella with { Y = Glabella.Y - (39.0 / Height) }, Width, Height, errors)
            .ShouldBeNull();

        errors.ShouldBe([("vertex", "The vertex handle is on top of the glabella handle; drag them apart.")]);
    }

    [Fact]
    public void The_separation_is_measured_in_display_pixels_not_fractions()
    {
        // 0.024 of the width apart: 38.4 px on 1600 × 1200 (2% of 2000 px is 40), but 72 px on a 3000 × 400 display
        // (2% of its 3027 px diagonal is 60.5), where the four handles still outline a convex quadrilateral.
        var close = new NormalisedPoint(Glabella.X - 0.024, Glabella.Y);

        Refuse(Glabella, close, LeftTemporal, Vertex, Width, Height)
            .ShouldBe([("rightTemporal", "The right temple handle is on top of the glabella handle; drag them apart.")]);
        Accept(Glabella, close, LeftTemporal, Vertex, 3000, 400);
    }

    [Fact]
    public void Three_handles_in_a_straight_line_are_refused_as_the_alignment()
    {
        var errors = Refuse(Glabella, new(0.5, 0.5), LeftTemporal, Vertex with { X = 0.5 }, Width, Height);

        errors.ShouldHaveSingleItem().Field.ShouldBe("alignment");
        errors[0].Message.ShouldContain("straight line");
    }

    [Fact]
    public void A_crossed_or_folded_quadrilateral_is_refused_as_the_alignment()
    {
        // The vertex dragged down inside the triangle of the other three: the quadrilateral is no longer convex.
        var dart = Refuse(Glabella, RightTemporal, LeftTemporal, new(0.5, 0.65), Width, Height);
        // The glabella and right temple handles swapped: the outline crosses itself.
        var crossed = Refuse(RightTemporal, Glabella, LeftTemporal, Vertex, Width, Height);

        dart.ShouldHaveSingleItem().Field.ShouldBe("alignment");
        dart[0].Message.ShouldContain("cross over");
        crossed.ShouldHaveSingleItem().Field.ShouldBe("alignment");
    }

    [Fact]
    public void A_mirrored_but_unfolded_alignment_is_accepted_as_a_view_from_behind_would_be()
    {
        var alignment = Accept(Glabella, LeftTemporal, RightTemporal, Vertex, Width, Height);

        alignment.ToHomography(Width, Height).JacobianDeterminant(AlignmentLandmarks.Centre).ShouldBeGreaterThan(0);
    }

    [Fact]
    public void Later_rules_are_checked_only_when_the_earlier_ones_pass()
    {
        // NaN and two handles on one spot: only the number is reported.
        var errors = Refuse(Glabella with { X = double.NaN }, RightTemporal, RightTemporal, Vertex, Width, Height);

        errors.Select(e => e.Field).ShouldBe(["glabella.x"]);
    }

    [Fact]
    public void The_stored_form_is_eight_numbers_in_landmark_order_and_round_trips()
    {
        var alignment = Accept(Glabella, RightTemporal, LeftTemporal, Vertex, Width, Height);
        var errors = new List<(string Field, string Message)>();

        var values = alignment.ToArray();

        values.ShouldBe([0.5, 0.85, 0.27, 0.55, 0.74, 0.56, 0.51, 0.18]);
        PhotoAlignment.TryCreate(values, Width, Height, errors).ShouldBe(alignment);
        PhotoAlignment.TryCreate(values.AsSpan(0, 6), Width, Height, errors).ShouldBeNull();
        errors.ShouldHaveSingleItem().Field.ShouldBe("alignment");
    }

    [Fact]
    public void Display_sizes_out_of_range_are_a_programming_error()
    {
        var alignment = Accept(Glabella, RightTemporal, LeftTemporal, Vertex, Width, Height);

        Should.Throw<ArgumentOutOfRangeException>(() => alignment.ToHomography(0, 100));
        Should.Throw<ArgumentOutOfRangeException>(() => PhotoAlignment.TryCreate(Glabella, RightTemporal, LeftTemporal, Vertex, 100, 9000, []));
    }

    private static PhotoAlignment Accept(NormalisedPoint g, NormalisedPoint r, NormalisedPoint l, NormalisedPoint v, int width, int height)
    {
        var errors = new List<(string Field, string Message)>();
        var alignment = PhotoAlignment.TryCreate(g, r, l, v, width, height, errors);
        errors.ShouldBeEmpty();
        return alignment.ShouldNotBeNull();
    }

    private static List<(string Field, string Message)> Refuse(
        NormalisedPoint g, NormalisedPoint r, NormalisedPoint l, NormalisedPoint v, int width, int height)
    {
        var errors = new List<(string Field, string Message)>();
        PhotoAlignment.TryCreate(g, r, l, v, width, height, errors).ShouldBeNull();
        return errors;
    }
}

using Stipple.Core.Rendering;

namespace Stipple.Core.Tests.Rendering;

public sealed class HeadOutlineTests
{
    // A 1000 × 1000 front photo: temporal handles at (350, 500) and (650, 500), vertex at (500, 150).
    private static HeadOutline Outline()
    {
        var errors = new List<(string Field, string Message)>();
        var alignment = PhotoAlignment.TryCreate(new(0.5, 0.85), new(0.35, 0.5), new(0.65, 0.5), new(0.5, 0.15), 1000, 1000, errors);
        alignment.ShouldNotBeNull(string.Join("; ", errors));
        return HeadOutline.From(alignment, 1000, 1000);
    }

    [Theory]
    [InlineData(500, 500)] // between the temples
    [InlineData(500, 160)] // just below the vertex
    [InlineData(270, 500)] // beyond the right temporal handle, within 1.6 × its half-spacing (240 px)
    [InlineData(500, 900)] // the forehead below the temporal line
    public void Holds_points_on_the_head(double x, double y) => Outline().Contains(x, y).ShouldBeTrue();

    [Theory]
    [InlineData(500, 140)] // above the vertex: backdrop
    [InlineData(250, 500)] // wider than 1.6 × half the temporal spacing
    [InlineData(300, 200)] // beside the dome, high up
    [InlineData(800, 900)] // far to the side below the temporal line
    public void Leaves_out_the_backdrop(double x, double y) => Outline().Contains(x, y).ShouldBeFalse();
}

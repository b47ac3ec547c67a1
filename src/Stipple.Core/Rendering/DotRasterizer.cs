using System.Buffers;
using System.Runtime.InteropServices;
using Stipple.Core.Colour;
using Stipple.Core.Design;

namespace Stipple.Core.Rendering;

/// <summary>
/// The raster engine behind <see cref="DotRenderer"/> and <see cref="PhotoOverlay"/> (see DotRenderer's remarks for the
/// model). Where each dot lands and how many pixels a millimetre spans there come from an <see cref="IDotPlacement"/>;
/// the dot's radius, soft edge and scatter shadow scale with it. It sweeps the image in bands of
/// <see cref="BandHeight"/> rows: each band has a small buffer of premultiplied linear-light colour and alpha per pixel
/// (float, so thousands of faint sub-pixel contributions add up without 8-bit rounding), a list of the pixels touched,
/// and the dots overlapping it in their original order (an active list merged from per-band buckets), so overlapping
/// dots stack exactly as they would on a whole-image buffer. Untouched pixels keep the background written up front.
/// </summary>
internal sealed class DotRasterizer
{
    /// <summary>Rows per band: 32 × 4096 px × 16 bytes = 2 MiB at the widest.</summary>
    public const int BandHeight = 32;

    /// <summary>Dots with a smaller radius (px) get their pixel weights scaled to their exact ink.</summary>
    private const float NormaliseBelowRadius = 8f;

    /// <summary>Dots with a smaller radius (px) are normalised by summing their sampled weights.</summary>
    private const float SumBelowRadius = 1.5f;

    private readonly int width;
    private readonly int height;
    private readonly LookModel model;
    private readonly Srgb8? background;
    private readonly float[] backgroundLinear = new float[3];

    /// <summary>A rasteriser for <paramref name="width"/> × <paramref name="height"/> pixels over <paramref name="background"/> (null: transparent).</summary>
    public DotRasterizer(int width, int height, LookModel model, Srgb8? background)
    {
        this.width = width;
        this.height = height;
        this.model = model;
        this.background = background;
        if (background is { } skin)
        {
            var decode = SrgbTransfer.Decode8;
            backgroundLinear[0] = decode[skin.R];
            backgroundLinear[1] = decode[skin.G];
            backgroundLinear[2] = decode[skin.B];
        }
    }

    /// <summary>Draws the dots of sessions 1..<paramref name="lastSession"/> where <paramref name="placement"/> puts them.</summary>
    public RgbaImage Render<TPlacement>(ReadOnlySpan<Dot> dots, int lastSession, TPlacement placement)
        where TPlacement : struct, IDotPlacement
    {
        var pixels = GC.AllocateUninitializedArray<byte>(width * height * RgbaImage.BytesPerPixel);
        FillBackground(pixels);

        var raster = ArrayPool<DotRaster>.Shared.Rent(Math.Max(dots.Length * (model.HasScatter ? 2 : 1), 1));
        try
        {
            var count = Prepare(dots, lastSession, placement, raster);
            if (count > 0)
            {
                Sweep(raster, count, pixels);
            }
        }
        finally
        {
            ArrayPool<DotRaster>.Shared.Return(raster);
        }

        return new RgbaImage(width, height, pixels);
    }

    private void FillBackground(byte[] pixels)
    {
        Span<byte> texel = stackalloc byte[4];
        if (background is { } skin)
        {
            texel[0] = skin.R;
            texel[1] = skin.G;
            texel[2] = skin.B;
            texel[3] = 255;
        }
        else
        {
            texel.Clear();
        }

        MemoryMarshal.Cast<byte, uint>(pixels.AsSpan()).Fill(MemoryMarshal.Read<uint>(texel));
    }

    /// <summary>Maps each dot to pixels, drops those outside the image, and works out its weight; returns how many remain.</summary>
    private int Prepare<TPlacement>(ReadOnlySpan<Dot> dots, int lastSession, TPlacement placement, DotRaster[] raster)
        where TPlacement : struct, IDotPlacement
    {
        var count = 0;
        foreach (var dot in dots)
        {
            if (dot.Session > lastSession)
            {
                continue;
            }

            var look = model.Get(dot.Session, dot.Zone);
            if (!float.IsFinite(dot.X) || !float.IsFinite(dot.Y) || !float.IsFinite(dot.DiameterMm) || dot.DiameterMm <= 0
                || !placement.TryPlace(dot.X, dot.Y, out var cx, out var cy, out var scale))
            {
                continue;
            }

            // Written as before placements existed (edge, then radius per diameter) so a fixed scale gives the same bits.
            var edge = model.EdgeMm * scale;
            var radiusPerDiameter = model.DiameterScale * scale / 2;
            var r = dot.DiameterMm * radiusPerDiameter;
            if (model.HasScatter)
            {
                // The shadow first, so the dot stacks on top of it: a disc fading over the scatter distance beyond the edge.
                var reach = model.ScatterMm * scale;
                count += AddShape(raster, count, cx, cy, r + (reach / 2), reach, look, look.Opacity * model.ScatterOpacity);
            }

            count += AddShape(raster, count, cx, cy, r, edge, look, look.Opacity);
        }

        return count;
    }

    /// <summary>Adds one soft disc (radius and edge in px) unless it misses the image; returns 1 if added, else 0.</summary>
    private int AddShape(DotRaster[] raster, int count, double cx, double cy, double r, double edge, LookModel.Appearance look, double opacity)
    {
        var ramp = Math.Sqrt((edge * edge) + 1);
        if (r + (ramp / 2) < 1)
        {
            ramp = 2 * (1 - r);
        }

        var outer = r + (ramp / 2);
        var top = Math.Ceiling(cy - outer - 0.5);
        var bottom = Math.Floor(cy + outer - 0.5);
        var left = Math.Ceiling(cx - outer - 0.5);
        var right = Math.Floor(cx + outer - 0.5);
        if (bottom < 0 || top > height - 1 || right < 0 || left > width - 1 || top > bottom || left > right)
        {
            return 0;
        }

        var inner = r - (ramp / 2);
        var shape = new DotRaster
        {
            Cx = (float)cx,
            Cy = (float)cy,
            Radius = (float)r,
            InvRamp = (float)(1 / ramp),
            Inner2 = inner > 0 ? (float)(inner * inner) : -1f,
            Outer2 = (float)(outer * outer),
            R = look.R,
            G = look.G,
            B = look.B,
            Top = (int)Math.Max(top, 0),
            Bottom = (int)Math.Min(bottom, height - 1),
        };

        // Scale the weights to the soft disc's exact ink, π(r² + e²/12). Below SumBelowRadius the sampled weights
        // are summed (their total swings with the dot's sub-pixel position); above it their sum is the integral
        // of the widened profile, π(r² + w²/12), to well under 1%; from NormaliseBelowRadius on the scale is ~1.
        double gain = opacity;
        var ink = (r * r) + (edge * edge / 12);
        if (r < SumBelowRadius)
        {
            gain *= Math.PI * ink / shape.WeightSum((int)top, (int)bottom, (int)left, (int)right);
        }
        else if (r < NormaliseBelowRadius)
        {
            gain *= ink / ((r * r) + (ramp * ramp / 12));
        }

        shape.Gain = (float)gain;
        raster[count] = shape;
        return 1;
    }

    private void Sweep(DotRaster[] raster, int count, byte[] pixels)
    {
        var bands = (height + BandHeight - 1) / BandHeight;
        var bandFloats = width * BandHeight * 4;

        var bucketStart = new int[bands + 1];
        var order = ArrayPool<int>.Shared.Rent(count);
        var active = ArrayPool<int>.Shared.Rent(count);
        var next = ArrayPool<int>.Shared.Rent(count);
        var touched = ArrayPool<int>.Shared.Rent(width * BandHeight);
        var band = ArrayPool<float>.Shared.Rent(bandFloats);
        try
        {
            Array.Clear(band, 0, bandFloats);

            // Counting sort by first band, stable, so each bucket lists its dots in their original order.
            for (var i = 0; i < count; i++)
            {
                bucketStart[(raster[i].Top / BandHeight) + 1]++;
            }

            for (var b = 0; b < bands; b++)
            {
                bucketStart[b + 1] += bucketStart[b];
            }

            var fill = bucketStart.AsSpan(0, bands).ToArray();
            for (var i = 0; i < count; i++)
            {
                order[fill[raster[i].Top / BandHeight]++] = i;
            }

            var activeCount = 0;
            for (var b = 0; b < bands; b++)
            {
                var bandTop = b * BandHeight;
                var bandBottom = Math.Min(bandTop + BandHeight, height) - 1;

                // Merge the still-overlapping active dots with the band's new ones, keeping the original order.
                var merged = 0;
                int ia = 0, ib = bucketStart[b];
                var bucketEnd = bucketStart[b + 1];
                while (ia < activeCount || ib < bucketEnd)
                {
                    int pick;
                    if (ib >= bucketEnd || (ia < activeCount && active[ia] < order[ib]))
                    {
                        pick = active[ia++];
                        if (raster[pick].Bottom < bandTop)
                        {
                            continue;
                        }
                    }
                    else
                    {
                        pick = order[ib++];
                    }

                    next[merged++] = pick;
                }

                (active, next) = (next, active);
                activeCount = merged;

                var touchedCount = 0;
                for (var k = 0; k < activeCount; k++)
                {
                    touchedCount = raster[active[k]].Draw(band, width, bandTop, bandBottom, touched, touchedCount);
                }

                Resolve(band, touched, touchedCount, pixels, bandTop * width * 4);
            }
        }
        finally
        {
            ArrayPool<int>.Shared.Return(order);
            ArrayPool<int>.Shared.Return(active);
            ArrayPool<int>.Shared.Return(next);
            ArrayPool<int>.Shared.Return(touched);
            ArrayPool<float>.Shared.Return(band);
        }
    }

    /// <summary>
    /// Writes the touched pixels of a band to the image (8-bit sRGB) and clears them for the next band. (Walking the
    /// list in drawing order measured no slower than a straight scan of the band, even with most pixels touched.)
    /// </summary>
    private void Resolve(float[] band, int[] touched, int touchedCount, byte[] pixels, int pixelBase)
    {
        for (var t = 0; t < touchedCount; t++)
        {
            var o = touched[t];
            ResolvePixel(band.AsSpan(o, 4), pixels.AsSpan(pixelBase + o, 4));
        }
    }

    /// <summary>One band pixel (premultiplied linear colour, alpha) to one image pixel; then clears the band pixel.</summary>
    private void ResolvePixel(Span<float> source, Span<byte> target)
    {
        var encode = SrgbTransfer.Encode16;
        const float Steps = SrgbTransfer.EncodeTableSize - 1;
        var alpha = source[3];
        if (background is not null)
        {
            // Over the opaque skin: out = C + skin × (1 − A).
            var keep = 1 - alpha;
            target[0] = encode[(int)((AtMostOne(source[0] + (backgroundLinear[0] * keep)) * Steps) + 0.5f)];
            target[1] = encode[(int)((AtMostOne(source[1] + (backgroundLinear[1] * keep)) * Steps) + 0.5f)];
            target[2] = encode[(int)((AtMostOne(source[2] + (backgroundLinear[2] * keep)) * Steps) + 0.5f)];
        }
        else
        {
            // Transparent: straight colour C / A and alpha A; a pixel that rounds to alpha 0 stays transparent black.
            var a8 = (int)((alpha * 255) + 0.5f);
            if (a8 > 0)
            {
                var unpremultiply = Steps / alpha;
                target[0] = encode[(int)(Math.Min(source[0] * unpremultiply, Steps) + 0.5f)];
                target[1] = encode[(int)(Math.Min(source[1] * unpremultiply, Steps) + 0.5f)];
                target[2] = encode[(int)(Math.Min(source[2] * unpremultiply, Steps) + 0.5f)];
                target[3] = (byte)a8;
            }
        }

        source[0] = 0;
        source[1] = 0;
        source[2] = 0;
        source[3] = 0;
    }

    /// <summary>min(v, 1) without <see cref="Math.Min(float, float)"/>'s NaN and signed-zero care (none arise here).</summary>
    private static float AtMostOne(float v) => v < 1f ? v : 1f;

    /// <summary>One dot in pixel space, ready to draw.</summary>
    [StructLayout(LayoutKind.Auto)]
    private struct DotRaster
    {
        public float Cx;
        public float Cy;
        public float Radius;
        public float InvRamp;
        public float Inner2;
        public float Outer2;
        public float Gain;
        public float R;
        public float G;
        public float B;
        public int Top;
        public int Bottom;

        /// <summary>Sum of the unscaled pixel weights over rows top..bottom and columns left..right (image bounds ignored).</summary>
        public readonly double WeightSum(int top, int bottom, int left, int right)
        {
            double sum = 0;
            for (var y = top; y <= bottom; y++)
            {
                var dy = y + 0.5f - Cy;
                var dy2 = dy * dy;
                for (var x = left; x <= right; x++)
                {
                    var dx = x + 0.5f - Cx;
                    sum += Weight((dx * dx) + dy2);
                }
            }

            return sum;
        }

        /// <summary>Composites this dot's rows within the band into it; returns the new count of touched pixels.</summary>
        public readonly int Draw(float[] band, int width, int bandTop, int bandBottom, int[] touched, int touchedCount)
        {
            var first = Math.Max(Top, bandTop);
            var last = Math.Min(Bottom, bandBottom);
            for (var y = first; y <= last; y++)
            {
                var dy = y + 0.5f - Cy;
                var dy2 = dy * dy;
                if (dy2 >= Outer2)
                {
                    continue;
                }

                var half = MathF.Sqrt(Outer2 - dy2);
                var x0 = (int)Math.Clamp(MathF.Ceiling(Cx - half - 0.5f), 0f, width - 1);
                var x1 = (int)Math.Clamp(MathF.Floor(Cx + half - 0.5f), 0f, width - 1);
                var rowBase = (y - bandTop) * width;
                for (var x = x0; x <= x1; x++)
                {
                    var dx = x + 0.5f - Cx;
                    var a = AtMostOne(Weight((dx * dx) + dy2) * Gain);
                    if (a <= 0)
                    {
                        continue;
                    }

                    var o = (rowBase + x) * 4;
                    var pixel = band.AsSpan(o, 4); // one bounds check instead of four
                    var alpha = pixel[3];
                    if (alpha == 0)
                    {
                        touched[touchedCount++] = o;
                    }

                    var keep = 1 - a;
                    pixel[0] = (R * a) + (pixel[0] * keep);
                    pixel[1] = (G * a) + (pixel[1] * keep);
                    pixel[2] = (B * a) + (pixel[2] * keep);
                    pixel[3] = a + (alpha * keep);
                }
            }

            return touchedCount;
        }

        /// <summary>The disc's opacity profile (before gain) at squared distance <paramref name="d2"/> px² from its centre.</summary>
        private readonly float Weight(float d2)
        {
            if (d2 >= Outer2)
            {
                return 0;
            }

            if (d2 <= Inner2)
            {
                return 1;
            }

            return AtMostOne(((Radius - MathF.Sqrt(d2)) * InvRamp) + 0.5f);
        }
    }
}

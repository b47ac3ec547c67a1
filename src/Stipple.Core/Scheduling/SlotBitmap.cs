using System.Numerics;

namespace Stipple.Core.Scheduling;

/// <summary>
/// A set of grid slots: bit <c>i</c> is slot <c>i</c> of a <see cref="SlotTimeline"/> (15 elapsed minutes each). A
/// window onto a pooled <see cref="SlotArena"/>, so one search rents one array instead of allocating one per resource.
/// Bits at or past the timeline's slot count stay clear, so a block running off the end never counts as free.
/// </summary>
internal readonly struct SlotBitmap
{
    private readonly ulong[] arena;
    private readonly int offset;
    private readonly int words;

    public SlotBitmap(ulong[] arena, int offset, int words)
    {
        this.arena = arena;
        this.offset = offset;
        this.words = words;
    }

    private Span<ulong> Bits => arena.AsSpan(offset, words);

    public void Clear() => Bits.Clear();

    public void CopyFrom(SlotBitmap source) => source.Bits.CopyTo(Bits);

    public void And(SlotBitmap other)
    {
        var bits = Bits;
        var with = other.Bits;
        for (var i = 0; i < bits.Length; i++)
        {
            bits[i] &= with[i];
        }
    }

    public void Or(SlotBitmap other)
    {
        var bits = Bits;
        var with = other.Bits;
        for (var i = 0; i < bits.Length; i++)
        {
            bits[i] |= with[i];
        }
    }

    public void Set(int slot) => arena[offset + (slot >> 6)] |= 1UL << (slot & 63);

    public bool Get(int slot) => ((arena[offset + (slot >> 6)] >> (slot & 63)) & 1UL) != 0;

    /// <summary>Sets slots [<paramref name="from"/>, <paramref name="to"/>); an empty or reversed range does nothing.</summary>
    public void SetRange(int from, int to) => Apply(from, to, set: true);

    /// <summary>Clears slots [<paramref name="from"/>, <paramref name="to"/>); an empty or reversed range does nothing.</summary>
    public void ClearRange(int from, int to) => Apply(from, to, set: false);

    /// <summary>
    /// Keeps slot <c>i</c> only if slots <c>i</c> to <c>i + length - 1</c> are all set: the starts of a free block of
    /// <paramref name="length"/> slots. Doubling: after ANDing with a copy shifted by the covered length, the covered
    /// length doubles, so this costs ⌈log2 length⌉ passes instead of <paramref name="length"/>.
    /// </summary>
    public void KeepRunStarts(int length)
    {
        var covered = 1;
        while (covered < length)
        {
            var shift = Math.Min(covered, length - covered);
            AndShiftedDown(shift);
            covered += shift;
        }
    }

    /// <summary>The first set slot in [<paramref name="from"/>, <paramref name="to"/>), or -1.</summary>
    public int NextSetBit(int from, int to) => NextSetBitInBoth(this, this, from, to);

    /// <summary>The first slot in [<paramref name="from"/>, <paramref name="to"/>) set in both bitmaps, or -1.</summary>
    public static int NextSetBitInBoth(SlotBitmap a, SlotBitmap b, int from, int to)
    {
        if (from >= to)
        {
            return -1;
        }

        var first = from >> 6;
        var last = (to - 1) >> 6;
        for (var w = first; w <= last; w++)
        {
            var word = a.arena[a.offset + w] & b.arena[b.offset + w];
            if (w == first)
            {
                word &= ulong.MaxValue << (from & 63);
            }

            if (word != 0)
            {
                var slot = (w << 6) + BitOperations.TrailingZeroCount(word);
                return slot < to ? slot : -1;
            }
        }

        return -1;
    }

    private void AndShiftedDown(int shift)
    {
        // bits[i] &= bit (i + shift): ascending order is safe in place, each word reads only itself and later words.
        var bits = Bits;
        var wordShift = shift >> 6;
        var bitShift = shift & 63;
        var full = bits.Length - wordShift - 1; // words whose two source words both exist
        var i = 0;
        if (bitShift == 0)
        {
            for (; i < bits.Length - wordShift; i++)
            {
                bits[i] &= bits[i + wordShift];
            }
        }
        else
        {
            for (; i < full; i++)
            {
                bits[i] &= (bits[i + wordShift] >> bitShift) | (bits[i + wordShift + 1] << (64 - bitShift));
            }

            if (i < bits.Length - wordShift)
            {
                bits[i] &= bits[i + wordShift] >> bitShift;
                i++;
            }
        }

        bits[i..].Clear(); // past the end every source bit is clear
    }

    private void Apply(int from, int to, bool set)
    {
        from = Math.Max(from, 0);
        to = Math.Min(to, words << 6);
        if (from >= to)
        {
            return;
        }

        var bits = Bits;
        var first = from >> 6;
        var last = (to - 1) >> 6;
        for (var w = first; w <= last; w++)
        {
            var mask = ulong.MaxValue;
            if (w == first)
            {
                mask &= ulong.MaxValue << (from & 63);
            }

            if (w == last && (to & 63) != 0)
            {
                mask &= ulong.MaxValue >> (64 - (to & 63));
            }

            bits[w] = set ? bits[w] | mask : bits[w] & ~mask;
        }
    }
}

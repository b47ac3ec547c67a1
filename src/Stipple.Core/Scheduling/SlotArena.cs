using System.Buffers;

namespace Stipple.Core.Scheduling;

/// <summary>
/// One pooled array carved into <see cref="SlotBitmap"/>s of equal size. A search needs about a hundred bitmaps of a
/// few kilobytes each; renting one block keeps a proposal nearly allocation-free. Dispose returns the block.
/// </summary>
internal sealed class SlotArena : IDisposable
{
    private readonly int words;
    private readonly int capacity;
    private ulong[]? block;
    private int used;

    public SlotArena(int words, int capacity)
    {
        this.words = words;
        this.capacity = capacity;
        block = ArrayPool<ulong>.Shared.Rent(Math.Max(words * capacity, 1));
    }

    /// <summary>A new bitmap, all clear (the pool hands back arrays with old contents).</summary>
    public SlotBitmap Next()
    {
        ObjectDisposedException.ThrowIf(block is null, this);
        if (used == capacity)
        {
            throw new InvalidOperationException("the slot arena is full; the capacity count is wrong");
        }

        var bitmap = new SlotBitmap(block, used * words, words);
        used++;
        bitmap.Clear();
        return bitmap;
    }

    public void Dispose()
    {
        if (block is not null)
        {
            ArrayPool<ulong>.Shared.Return(block);
            block = null;
        }
    }
}

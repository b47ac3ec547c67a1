namespace Stipple.Core.Rendering;

/// <summary>
/// A write-only stream that cuts what is written to it (the zlib stream of a PNG) into IDAT chunks of at most
/// <see cref="ChunkSize"/> data bytes each, with length, type and CRC (PNG spec §5.3). Call <see cref="Complete"/>
/// after the zlib stream is closed to emit the last, shorter chunk.
/// </summary>
internal sealed class IdatChunkStream : Stream
{
    private static readonly byte[] IdatType = "IDAT"u8.ToArray();

    private readonly Stream output;
    private readonly byte[] buffer;
    private int used;

    public IdatChunkStream(Stream output, int chunkSize)
    {
        this.output = output;
        buffer = new byte[chunkSize];
    }

    /// <summary>Number of IDAT chunks written so far.</summary>
    public int ChunksWritten { get; private set; }

    public int ChunkSize => buffer.Length;

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        while (!buffer.IsEmpty)
        {
            var take = Math.Min(buffer.Length, this.buffer.Length - used);
            buffer[..take].CopyTo(this.buffer.AsSpan(used));
            used += take;
            buffer = buffer[take..];
            if (used == this.buffer.Length)
            {
                EmitChunk();
            }
        }
    }

    public override void WriteByte(byte value) => Write([value]);

    /// <summary>Writes out whatever is buffered as a final (possibly short) IDAT chunk.</summary>
    public void Complete()
    {
        if (used > 0 || ChunksWritten == 0)
        {
            EmitChunk();
        }
    }

    // Buffered data only leaves as whole chunks (Complete emits the tail), so Flush must not cut a chunk early:
    // ZLibStream flushes its sink when disposed.
    public override void Flush()
    {
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    private void EmitChunk()
    {
        PngEncoder.WriteChunk(output, IdatType, buffer.AsSpan(0, used));
        used = 0;
        ChunksWritten++;
    }
}

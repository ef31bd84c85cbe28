package io.ferry.td.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;
import org.msgpack.core.MessagePack;
import org.msgpack.core.MessagePacker;

/**
 * One upload's worth of rows: msgpack maps, concatenated and gzip-compressed in memory as they
 * are packed, so a chunk holds only its compressed bytes. Deflate runs at its fastest level:
 * it is most of the encoding cost, and level 1 about doubles the rows per second of the default
 * level for a somewhat larger body (see {@code TdEncodingBench}). Single-threaded; finish it once.
 */
public final class MsgpackGzChunk {
    private static final int GZIP_BUFFER = 64 * 1024;

    private final ByteArrayOutputStream compressed;
    private final GZIPOutputStream gzip;
    private final MessagePacker packer;
    private long rows;
    private boolean finished;

    /** An empty chunk; {@code expectedCompressedSize} sizes the first buffer. */
    public MsgpackGzChunk(int expectedCompressedSize) {
        try {
            this.compressed = new ByteArrayOutputStream(Math.max(expectedCompressedSize, 1024));
            this.gzip = new GZIPOutputStream(compressed, GZIP_BUFFER) {
                {
                    def.setLevel(Deflater.BEST_SPEED);
                }
            };
            this.packer = MessagePack.newDefaultPacker(gzip);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The packer to write the next row with; call {@link #rowWritten()} after each row. */
    public MessagePacker packer() {
        return packer;
    }

    /** Counts a row packed into {@link #packer()}. */
    public void rowWritten() {
        rows++;
    }

    /** Rows packed so far. */
    public long rows() {
        return rows;
    }

    /** Bytes packed so far, before compression. */
    public long uncompressedBytes() {
        return packer.getTotalWrittenBytes();
    }

    /**
     * Ends the gzip stream and returns the chunk's bytes, a complete {@code msgpack.gz} body.
     *
     * @throws IllegalStateException if called twice
     */
    public byte[] finish() throws IOException {
        if (finished) {
            throw new IllegalStateException("the chunk is already finished");
        }
        finished = true;
        packer.flush();
        gzip.finish();
        return compressed.toByteArray();
    }
}

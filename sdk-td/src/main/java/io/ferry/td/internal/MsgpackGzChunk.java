package io.ferry.td.internal;

import io.ferry.core.compress.internal.DeflatePool;
import io.ferry.core.compress.internal.ParallelGzipOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;
import org.msgpack.core.MessagePack;
import org.msgpack.core.MessagePacker;

/**
 * One upload's worth of rows: msgpack maps, concatenated and gzip-compressed in memory as they
 * are packed, so a chunk holds only its compressed bytes. Deflate runs at its fastest level by
 * default: it is most of the encoding cost, and level 1 about doubles the rows per second of the
 * default level for a somewhat larger body (see {@code TdEncodingBench}). With a
 * {@link DeflatePool} the gzip is compressed in blocks on the pool's threads (one gzip member all
 * the same). Single-threaded; finish it once.
 */
public final class MsgpackGzChunk {
    private static final int GZIP_BUFFER = 64 * 1024;

    private final ByteArrayOutputStream compressed;
    private final OutputStream gzip;
    private final MessagePacker packer;
    private long rows;
    private boolean finished;

    /** An empty chunk at deflate level 1, on this thread; {@code expectedCompressedSize} sizes the first buffer. */
    public MsgpackGzChunk(int expectedCompressedSize) {
        this(expectedCompressedSize, Deflater.BEST_SPEED, null);
    }

    /**
     * An empty chunk; {@code expectedCompressedSize} sizes the first buffer.
     *
     * @param level the deflate level, used when {@code pool} is null (the pool has its own)
     * @param pool  the threads that compress, or null to compress on the packing thread
     */
    public MsgpackGzChunk(int expectedCompressedSize, int level, DeflatePool pool) {
        try {
            this.compressed = new ByteArrayOutputStream(Math.max(expectedCompressedSize, 1024));
            this.gzip = pool != null ? new ParallelGzipOutputStream(compressed, pool)
                    : new GZIPOutputStream(compressed, GZIP_BUFFER) {
                        {
                            def.setLevel(level);
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
        // ends the gzip member; closing the byte array stream below it does nothing
        gzip.close();
        return compressed.toByteArray();
    }
}

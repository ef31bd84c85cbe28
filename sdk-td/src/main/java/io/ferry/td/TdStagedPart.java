package io.ferry.td;

import io.ferry.core.FerryConfigException;
import java.io.Serial;
import java.io.Serializable;
import java.util.Objects;

/**
 * What one task of a {@link TdStagedWrite} uploaded: returned by {@link TdStagedTask#finish()},
 * sent to the coordinator (a Spark commit message), and given to
 * {@link TdWriter#publish(TdStagedWrite, java.util.List)}. Immutable and {@link Serializable}.
 */
public final class TdStagedPart implements Serializable {
    @Serial
    private static final long serialVersionUID = 1L;

    /** The task partition. */
    private final int partition;
    /** Rows uploaded. */
    private final long rows;
    /** Chunks uploaded. */
    private final int chunks;
    /** Compressed bytes uploaded. */
    private final long bytes;
    /** Msgpack bytes before compression. */
    private final long uncompressedBytes;

    private TdStagedPart(int partition, long rows, int chunks, long bytes, long uncompressedBytes) {
        this.partition = partition;
        this.rows = rows;
        this.chunks = chunks;
        this.bytes = bytes;
        this.uncompressedBytes = uncompressedBytes;
    }

    /**
     * A task's part.
     *
     * @param partition         the task's partition number, 0 or more
     * @param rows              rows uploaded, 0 or more
     * @param chunks            chunks uploaded, 0 or more
     * @param bytes             compressed bytes uploaded, 0 or more
     * @param uncompressedBytes msgpack bytes before compression, 0 or more
     * @return the part
     * @throws FerryConfigException if a number is negative
     */
    public static TdStagedPart of(int partition, long rows, int chunks, long bytes, long uncompressedBytes) {
        requireNotNegative(partition, "partition");
        requireNotNegative(rows, "rows");
        requireNotNegative(chunks, "chunks");
        requireNotNegative(bytes, "bytes");
        requireNotNegative(uncompressedBytes, "uncompressedBytes");
        return new TdStagedPart(partition, rows, chunks, bytes, uncompressedBytes);
    }

    private static void requireNotNegative(long value, String name) {
        if (value < 0) {
            throw new FerryConfigException(name, name + " must be 0 or more, was " + value);
        }
    }

    /** {@return the task's partition number} */
    public int partition() {
        return partition;
    }

    /** {@return rows uploaded} */
    public long rows() {
        return rows;
    }

    /** {@return chunks uploaded} */
    public int chunks() {
        return chunks;
    }

    /** {@return compressed bytes uploaded} */
    public long bytes() {
        return bytes;
    }

    /** {@return msgpack bytes before compression} */
    public long uncompressedBytes() {
        return uncompressedBytes;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TdStagedPart x && x.partition == partition && x.rows == rows && x.chunks == chunks
                && x.bytes == bytes && x.uncompressedBytes == uncompressedBytes;
    }

    @Override
    public int hashCode() {
        return Objects.hash(partition, rows, chunks, bytes, uncompressedBytes);
    }

    @Override
    public String toString() {
        return "TdStagedPart{partition=" + partition + ", rows=" + rows + ", chunks=" + chunks + ", bytes=" + bytes + "}";
    }
}

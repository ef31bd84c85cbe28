package io.ferry.s3.export.internal;

/**
 * The bytes of one object that are not yet handed to the upload pool: a buffer borrowed from the
 * {@link UploadPool} that grows by doubling up to the part's size, counted in the export's
 * {@link BufferLedger} by the size asked for. Used by the writer's thread only.
 */
final class PartBuffer {
    // small: an export may hold a thousand partitions open, each with its own buffer
    private static final int INITIAL_BUFFER = 8 * 1024;

    /** A filled buffer taken for upload: {@code size} bytes of {@code data}, to recycle after use. */
    record Taken(byte[] data, int size) {
    }

    private final UploadPool pool;
    private final BufferLedger ledger;
    private byte[] buffer;
    // the size this object asked for: a recycled buffer may be larger, but it was held by the pool anyway
    private int capacity;
    private int filled;

    PartBuffer(UploadPool pool, BufferLedger ledger) {
        this.pool = pool;
        this.ledger = ledger;
    }

    /** Bytes held. */
    int filled() {
        return filled;
    }

    /** The room asked for (its capacity, not its fill). */
    int capacity() {
        return capacity;
    }

    /**
     * Appends up to {@code limit - filled()} bytes of {@code b} and returns how many it took.
     *
     * @param limit the size of the part being filled
     */
    int append(byte[] b, int off, int len, long limit) {
        int n = (int) Math.min(len, limit - filled);
        ensureCapacity(filled + n, limit);
        System.arraycopy(b, off, buffer, filled, n);
        filled += n;
        return n;
    }

    private void ensureCapacity(int needed, long limit) {
        if (buffer != null && capacity >= needed) {
            return;
        }
        int size = (int) Math.min(limit, Math.max(needed, buffer == null ? INITIAL_BUFFER : 2L * capacity));
        ledger.change(size - capacity);
        capacity = size;
        if (buffer != null && buffer.length >= size) {
            return;
        }
        byte[] grown = pool.buffer(size);
        if (buffer != null) {
            System.arraycopy(buffer, 0, grown, 0, filled);
            pool.recycle(buffer);
        }
        buffer = grown;
    }

    /**
     * Hands the bytes over and starts empty; the taker recycles the data to the pool (an empty
     * buffer gives a fresh zero-length array).
     */
    Taken take() {
        Taken t = new Taken(buffer == null ? new byte[0] : buffer, filled);
        ledger.change(-capacity);
        capacity = 0;
        buffer = null;
        filled = 0;
        return t;
    }

    /**
     * The bytes held, left in place (a single put reads them and may be sent again under another
     * key); an empty buffer gives a zero-length array.
     */
    Taken peek() {
        return new Taken(buffer == null ? new byte[0] : buffer, filled);
    }

    /** Gives the buffer back to the pool and uncounts it. Safe to call twice. */
    void release() {
        ledger.change(-capacity);
        capacity = 0;
        if (buffer != null) {
            pool.recycle(buffer);
            buffer = null;
        }
    }
}

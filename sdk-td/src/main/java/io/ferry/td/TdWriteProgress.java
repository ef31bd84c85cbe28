package io.ferry.td;

import io.ferry.core.FerryConfigException;
import java.time.Duration;

/** A snapshot of a Treasure Data write's progress, for progress bars and logs. Immutable. */
public final class TdWriteProgress {
    private final long rows;
    private final int chunks;
    private final long bytes;
    private final Duration elapsed;

    private TdWriteProgress(long rows, int chunks, long bytes, Duration elapsed) {
        this.rows = rows;
        this.chunks = chunks;
        this.bytes = bytes;
        this.elapsed = elapsed;
    }

    /**
     * A snapshot of the given counters.
     *
     * @param rows    rows written so far (uploaded or in the current chunk)
     * @param chunks  chunks imported so far
     * @param bytes   compressed bytes of those chunks
     * @param elapsed time since the write began, by the writer's clock; not null
     * @return the progress
     */
    public static TdWriteProgress of(long rows, int chunks, long bytes, Duration elapsed) {
        return new TdWriteProgress(rows, chunks, bytes, FerryConfigException.requireNonNull(elapsed, "elapsed"));
    }

    /** {@return rows written so far, the ones still in the current chunk included} */
    public long rows() {
        return rows;
    }

    /** {@return chunks imported so far} */
    public int chunks() {
        return chunks;
    }

    /** {@return compressed bytes of the chunks imported so far} */
    public long bytes() {
        return bytes;
    }

    /** {@return time since the write began, by the writer's clock} */
    public Duration elapsed() {
        return elapsed;
    }

    @Override
    public String toString() {
        return rows + " rows, " + chunks + " chunks, " + bytes + " bytes, " + elapsed.toMillis() + " ms";
    }
}

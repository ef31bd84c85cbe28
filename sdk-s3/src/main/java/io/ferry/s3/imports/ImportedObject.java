package io.ferry.s3.imports;

import io.ferry.core.FerryConfigException;
import java.time.Duration;
import java.util.Objects;

/** What one import did with one object: its key, size, rows delivered, rows skipped and time taken. Immutable. */
public final class ImportedObject {
    private final String key;
    private final long bytes;
    private final long rows;
    private final long skippedRows;
    private final Duration duration;

    private ImportedObject(String key, long bytes, long rows, long skippedRows, Duration duration) {
        this.key = key;
        this.bytes = bytes;
        this.rows = rows;
        this.skippedRows = skippedRows;
        this.duration = duration;
    }

    /**
     * @param key         the object key
     * @param bytes       the object's stored (compressed) size
     * @param rows        records delivered to the sink
     * @param skippedRows bad rows skipped
     * @param duration    time from opening the object to its last record
     * @return the imported object
     */
    public static ImportedObject of(String key, long bytes, long rows, long skippedRows, Duration duration) {
        return new ImportedObject(FerryConfigException.requireNonNull(key, "key"), bytes, rows, skippedRows,
                FerryConfigException.requireNonNull(duration, "duration"));
    }

    /** {@return the object key} */
    public String key() {
        return key;
    }

    /** {@return the stored (compressed) size in bytes} */
    public long bytes() {
        return bytes;
    }

    /** {@return records delivered to the sink} */
    public long rows() {
        return rows;
    }

    /** {@return bad rows skipped (with {@code BadRowPolicy.SKIP})} */
    public long skippedRows() {
        return skippedRows;
    }

    /** {@return time from opening the object to its last record (waiting for a prefetched download included)} */
    public Duration duration() {
        return duration;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ImportedObject x && x.key.equals(key) && x.bytes == bytes && x.rows == rows
                && x.skippedRows == skippedRows && x.duration.equals(duration);
    }

    @Override
    public int hashCode() {
        return Objects.hash(key, bytes, rows, skippedRows, duration);
    }

    @Override
    public String toString() {
        return key + ": " + rows + " rows, " + skippedRows + " skipped, " + bytes + " bytes, " + duration.toMillis() + " ms";
    }
}

package io.ferry.s3.export.internal;

import java.time.Duration;
import java.time.Instant;

/**
 * When to close an object and start the next one of the same partition: a pure decision over
 * the object's rows, bytes and age. A limit of 0 (or a null interval) is off; all off means one
 * object per key. Immutable.
 */
public final class Rotation {
    private static final Rotation NONE = new Rotation(0, 0, null);

    private final long maxRows;
    private final long maxBytes;
    private final Duration interval;

    private Rotation(long maxRows, long maxBytes, Duration interval) {
        this.maxRows = maxRows;
        this.maxBytes = maxBytes;
        this.interval = interval;
    }

    /** No rotation. */
    public static Rotation none() {
        return NONE;
    }

    /**
     * @param maxRows  rows per object, 0 for no limit
     * @param maxBytes bytes per object (as written, after compression), 0 for no limit
     * @param interval age of an object, null for no limit
     */
    public static Rotation of(long maxRows, long maxBytes, Duration interval) {
        if (maxRows < 0 || maxBytes < 0 || interval != null && (interval.isNegative() || interval.isZero())) {
            throw new IllegalArgumentException("limits must be positive, or 0/null for none");
        }
        return maxRows == 0 && maxBytes == 0 && interval == null ? NONE : new Rotation(maxRows, maxBytes, interval);
    }

    /** Whether any limit is set. */
    public boolean enabled() {
        return this != NONE;
    }

    /**
     * Whether an object that holds {@code rows} rows and {@code bytes} bytes and was started at
     * {@code startedAt} must be closed before the next row is written at {@code now}.
     */
    public boolean shouldRotate(long rows, long bytes, Instant startedAt, Instant now) {
        if (rows == 0) {
            return false;
        }
        return maxRows > 0 && rows >= maxRows
                || maxBytes > 0 && bytes >= maxBytes
                || interval != null && Duration.between(startedAt, now).compareTo(interval) >= 0;
    }
}

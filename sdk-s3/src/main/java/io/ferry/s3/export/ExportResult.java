package io.ferry.s3.export;

import io.ferry.core.FerryConfigException;
import java.time.Duration;
import java.util.List;

/**
 * What an export wrote: every object, in the order they were published, and the totals.
 * Immutable.
 */
public final class ExportResult {
    private final String syncId;
    private final List<ExportedObject> objects;
    private final Duration elapsed;

    private ExportResult(String syncId, List<ExportedObject> objects, Duration elapsed) {
        this.syncId = syncId;
        this.objects = List.copyOf(objects);
        this.elapsed = elapsed;
    }

    /** A result of the given objects. */
    public static ExportResult of(String syncId, List<ExportedObject> objects, Duration elapsed) {
        return new ExportResult(FerryConfigException.requireNonNull(syncId, "syncId"), FerryConfigException.requireNonNull(objects, "objects"),
                FerryConfigException.requireNonNull(elapsed, "elapsed"));
    }

    /** The export run's id, as {@code {{SYNC_ID}}} rendered it. */
    public String syncId() {
        return syncId;
    }

    /** The objects written; unmodifiable; empty when there were no rows and empty objects are off. */
    public List<ExportedObject> objects() {
        return objects;
    }

    /** The number of objects written. */
    public int objectCount() {
        return objects.size();
    }

    /** Rows written, over all objects. */
    public long rows() {
        return objects.stream().mapToLong(ExportedObject::rows).sum();
    }

    /** Bytes written, over all objects. */
    public long bytes() {
        return objects.stream().mapToLong(ExportedObject::bytes).sum();
    }

    /** Time from {@code open} to the end of {@code commit}. */
    public Duration elapsed() {
        return elapsed;
    }

    @Override
    public String toString() {
        return "ExportResult{" + objects.size() + " objects, " + rows() + " rows, " + bytes() + " bytes, "
                + elapsed.toMillis() + " ms}";
    }
}

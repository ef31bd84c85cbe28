package io.ferry.s3.imports;

import io.ferry.core.FerryConfigException;
import java.time.Duration;

/**
 * A snapshot of an import's progress, for progress bars and logs: objects and bytes done out of
 * those selected, rows delivered, time since the run started. Immutable.
 */
public final class ImportProgress {
    private final int objects;
    private final int selectedObjects;
    private final long rows;
    private final long bytes;
    private final long selectedBytes;
    private final Duration elapsed;

    private ImportProgress(int objects, int selectedObjects, long rows, long bytes, long selectedBytes,
                           Duration elapsed) {
        this.objects = objects;
        this.selectedObjects = selectedObjects;
        this.rows = rows;
        this.bytes = bytes;
        this.selectedBytes = selectedBytes;
        this.elapsed = elapsed;
    }

    /**
     * A snapshot of the given counters.
     *
     * @param objects         objects finished
     * @param selectedObjects objects the run selected
     * @param rows            records delivered to the sink
     * @param bytes           stored bytes of the objects finished
     * @param selectedBytes   stored bytes of the objects selected
     * @param elapsed         time since the run started, not null
     * @return the progress
     */
    public static ImportProgress of(int objects, int selectedObjects, long rows, long bytes, long selectedBytes,
                                    Duration elapsed) {
        return new ImportProgress(objects, selectedObjects, rows, bytes, selectedBytes,
                FerryConfigException.requireNonNull(elapsed, "elapsed"));
    }

    /** {@return objects finished so far (every record delivered)} */
    public int objects() {
        return objects;
    }

    /** {@return objects the run selected: {@link #objects()} reaches it when the run is done} */
    public int selectedObjects() {
        return selectedObjects;
    }

    /** {@return records delivered to the sink so far} */
    public long rows() {
        return rows;
    }

    /** {@return stored (compressed) bytes of the objects finished so far} */
    public long bytes() {
        return bytes;
    }

    /** {@return stored (compressed) bytes of all the objects selected} */
    public long selectedBytes() {
        return selectedBytes;
    }

    /** {@return time since the run started, listing included} */
    public Duration elapsed() {
        return elapsed;
    }

    @Override
    public String toString() {
        return objects + "/" + selectedObjects + " objects, " + rows + " rows, " + bytes + "/" + selectedBytes
                + " bytes, " + elapsed.toMillis() + " ms";
    }
}

package io.ferry.s3.export;

/**
 * A snapshot of an export's progress, for progress bars and logs. Immutable.
 */
public final class ExportProgress {
    private final long rows;
    private final long bytes;
    private final long parts;
    private final int objectsStarted;

    private ExportProgress(long rows, long bytes, long parts, int objectsStarted) {
        this.rows = rows;
        this.bytes = bytes;
        this.parts = parts;
        this.objectsStarted = objectsStarted;
    }

    /** A snapshot of the given counters. */
    public static ExportProgress of(long rows, long bytes, long parts, int objectsStarted) {
        return new ExportProgress(rows, bytes, parts, objectsStarted);
    }

    /** Rows written so far. */
    public long rows() {
        return rows;
    }

    /** Encoded (compressed) bytes produced so far. */
    public long bytes() {
        return bytes;
    }

    /** Multipart parts handed to the uploaders so far. */
    public long parts() {
        return parts;
    }

    /** Objects started so far. */
    public int objectsStarted() {
        return objectsStarted;
    }

    @Override
    public String toString() {
        return rows + " rows, " + bytes + " bytes, " + parts + " parts, " + objectsStarted + " objects";
    }
}

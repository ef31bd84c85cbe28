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

    /**
     * A snapshot of the given counters.
     *
     * @param rows the rows written so far
     * @param bytes the bytes produced so far
     * @param parts the parts queued so far
     * @param objectsStarted the objects started so far
     * @return the snapshot
     */
    public static ExportProgress of(long rows, long bytes, long parts, int objectsStarted) {
        return new ExportProgress(rows, bytes, parts, objectsStarted);
    }

    /** {@return rows written so far} */
    public long rows() {
        return rows;
    }

    /** {@return encoded (compressed) bytes produced so far} */
    public long bytes() {
        return bytes;
    }

    /** {@return multipart parts handed to the uploaders so far} */
    public long parts() {
        return parts;
    }

    /** {@return objects started so far} */
    public int objectsStarted() {
        return objectsStarted;
    }

    @Override
    public String toString() {
        return rows + " rows, " + bytes + " bytes, " + parts + " parts, " + objectsStarted + " objects";
    }
}

package io.ferry.s3.export;

/**
 * Receives an export's progress. Every method has an empty default; implement the ones you need.
 * Called on the thread that writes the records; keep it quick. An exception thrown here fails
 * the export.
 *
 * <pre>{@code
 * ExportListener bar = new ExportListener() {
 *     public void progress(ExportProgress p) { System.out.printf("\r%,d rows %,d bytes", p.rows(), p.bytes()); }
 * };
 * }</pre>
 */
public interface ExportListener {
    /** A listener that ignores everything. */
    ExportListener NONE = new ExportListener() { };

    /**
     * An object was started at this key (nothing is visible in the bucket yet).
     *
     * @param bucket the bucket
     * @param key the object key
     */
    default void objectStarted(String bucket, String key) {
    }

    /**
     * Progress: called each time a part is queued for upload and every 10,000 rows.
     *
     * @param progress the counters so far
     */
    default void progress(ExportProgress progress) {
    }

    /**
     * An object was published (at {@code commit}).
     *
     * @param object the published object
     */
    default void objectWritten(ExportedObject object) {
    }
}

package io.ferry.s3.imports;

/**
 * Receives an import's progress during {@link S3Import#run}: each object as it starts and ends,
 * and snapshots of the counters. Every method has an empty default; implement the ones you need.
 * Called on the thread that calls {@code run}, the one that also feeds the sink, one event after
 * another; keep it quick. An exception thrown here fails the import: the sink is aborted and the
 * exception reaches the caller of {@code run} unchanged. {@code guess()} and {@code preview(..)}
 * send no events.
 *
 * <pre>{@code
 * ImportListener bar = new ImportListener() {
 *     public void progress(ImportProgress p) {
 *         System.out.printf("\r%d/%d objects, %,d rows", p.objects(), p.selectedObjects(), p.rows());
 *     }
 * };
 * S3Import imp = S3Import.builder().bucket("logs").parser(parser).listener(bar).build();
 * }</pre>
 */
public interface ImportListener {
    /** A listener that ignores everything. */
    ImportListener NONE = new ImportListener() { };

    /**
     * The import starts reading the object at this key.
     *
     * @param bucket the bucket
     * @param key the object key
     */
    default void objectStarted(String bucket, String key) {
    }

    /**
     * Progress: called once when the objects are selected (before the first object), every
     * 10,000 rows, and after each object.
     *
     * @param progress the figures so far
     */
    default void progress(ImportProgress progress) {
    }

    /**
     * Every record of this object reached the sink (the sink is committed only after the last object).
     *
     * @param object the object imported
     */
    default void objectImported(ImportedObject object) {
    }
}

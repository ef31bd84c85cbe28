package io.ferry.s3.export;

import io.ferry.core.record.Record;

/**
 * Push-style, transactional export of one table: write records, then {@link #commit()} to
 * publish every object at once. {@link #close()} without a successful commit aborts: every
 * multipart upload is aborted and nothing of this export stays visible. Single-threaded.
 *
 * <p>A writer of a two-phase export ends with {@link #prepare()} instead of {@code commit()}: its
 * objects are uploaded but not published, and a coordinator publishes the prepared values of all
 * writers at once with {@link S3Export#publish}.
 *
 * <pre>{@code
 * try (ExportWriter w = export.open("www_access", schema)) {
 *     for (Record r : records) {
 *         w.write(r);
 *     }
 *     ExportResult result = w.commit();
 * }
 * }</pre>
 */
public interface ExportWriter extends AutoCloseable {
    /**
     * Writes one record, bound to the schema given to {@code open}.
     *
     * @param record the record to write
     * @throws io.ferry.core.FerryIoException   naming the object if an upload failed (the export
     *                                          is then aborted)
     * @throws io.ferry.core.FerryDataException if the record does not fit the format
     */
    void write(Record record);

    /** {@return rows written so far} */
    long rowCount();

    /**
     * Finishes and publishes every object, and returns what was written. If publishing fails,
     * the objects this export already published are deleted and the rest aborted.
     *
     * @return what the export wrote
     * @throws io.ferry.core.FerryIoException naming the object that failed
     * @throws io.ferry.core.FerryConfigException (option {@code commit}) if called twice or after a failure
     */
    ExportResult commit();

    /**
     * Finishes the writer as one writer of a two-phase export: uploads every object fully as a
     * multipart upload (a small object too, as one part) and publishes nothing. The returned value
     * goes to the coordinator, which publishes it with the others through {@link S3Export#publish}
     * or discards it with {@link S3Export#abort(java.util.List)}; until then nothing is visible.
     * Afterwards the writer is finished: {@link #close()} releases it and leaves the uploads, which
     * only {@code publish}, {@code abort} or the export's sweep remove. If preparing fails, every
     * upload of this writer is aborted.
     *
     * @return the staged objects with their upload ids, parts, rows and bytes
     * @throws io.ferry.core.FerryIoException naming the object whose upload failed
     * @throws io.ferry.core.FerryConfigException (option {@code prepare}) if called after
     *                                            {@code commit}, {@code abort} or {@code prepare}
     */
    PreparedExport prepare();

    /** {@return the writer's id, as {@code {{WRITER}}} renders it: given to {@code open}, or made up} */
    String writerId();

    /** Discards everything written so far. Idempotent; a no-op after {@link #commit()} or {@link #prepare()}. */
    void abort();

    /**
     * Aborts unless {@link #commit()} or {@link #prepare()} succeeded, then releases the writer.
     * Idempotent; never throws for cleanup failures.
     */
    @Override
    void close();
}

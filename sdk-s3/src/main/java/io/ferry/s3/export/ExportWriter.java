package io.ferry.s3.export;

import io.ferry.core.record.Record;

/**
 * Push-style, transactional export of one table: write records, then {@link #commit()} to
 * publish every object at once. {@link #close()} without a successful commit aborts: every
 * multipart upload is aborted and nothing of this export stays visible. Single-threaded.
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

    /** Discards everything written so far. Idempotent; a no-op after a commit. */
    void abort();

    /** Aborts unless {@link #commit()} succeeded. Idempotent; never throws for cleanup failures. */
    @Override
    void close();
}

package io.ferry.td;

import io.ferry.core.record.Record;

/**
 * One transactional write into a Treasure Data table, from {@link TdWriter#begin} to
 * {@link #commit()} (publishes: the swap of a replace) or {@link #abort()} (the target stays as
 * it was; the temporary table of a replace is deleted). {@link #close()} without a successful
 * commit aborts. Single-threaded; a {@link TdWriter} may run several transactions at once.
 *
 * <pre>{@code
 * try (TdWriteTransaction tx = writer.begin(schema)) {
 *     for (Record r : records) {
 *         tx.write(r);
 *     }
 *     TdWriteResult result = tx.commit();
 * }
 * }</pre>
 *
 * <p>After a failure of {@code write} or {@code commit} the transaction is over and has cleaned
 * up after itself; further calls other than {@code abort} and {@code close} throw a
 * {@link io.ferry.core.FerryConfigException} (option {@code open}).
 */
public interface TdWriteTransaction extends AutoCloseable {
    /**
     * Packs one record, uploading a chunk whenever it is full.
     *
     * @param record the record to write
     * @throws io.ferry.core.FerryConfigException if the record is null, or the transaction is over
     * @throws io.ferry.core.FerryDataException   if the record's schema differs or its time is null
     * @throws io.ferry.core.FerryIoException     if an upload failed (the transaction is then over)
     */
    void write(Record record);

    /** {@return rows written so far} */
    long rowCount();

    /**
     * Uploads the last chunk and publishes; for the replace modes this is the atomic swap.
     *
     * @return what was written
     * @throws io.ferry.core.FerryIoException     if publishing failed (the message says whether the
     *                                            target is untouched or the outcome is unknown)
     * @throws io.ferry.core.FerryConfigException (option {@code open}) if called twice or after a failure
     */
    TdWriteResult commit();

    /** Ends the write without publishing: the target stays as it was. Never throws; a no-op once over. */
    void abort();

    /** Aborts unless {@link #commit()} succeeded. Safe to call twice; never throws for cleanup failures. */
    @Override
    void close();
}

package io.ferry.td;

import io.ferry.core.record.Record;

/**
 * One task's share of a {@link TdStagedWrite}, from {@link TdWriter#openTask(TdStagedWrite, int)}
 * to {@link #finish()}. Rows are packed into msgpack.gz chunks and each full chunk is uploaded at
 * once into the write's upload table with an id derived from (write, partition, chunk number), so
 * another attempt of the same partition re-sends the same ids and Treasure Data keeps one copy.
 * Uploaded chunks stay until the coordinator publishes or aborts the whole write: {@link #abort()}
 * only stops this task. Single-threaded.
 *
 * <pre>{@code
 * try (TdStagedTask task = writer.openTask(staged, partitionId)) {
 *     rows.forEach(task::write);
 *     TdStagedPart part = task.finish();   // send to the coordinator
 * }
 * }</pre>
 */
public interface TdStagedTask extends AutoCloseable {
    /**
     * Packs one record, uploading a chunk whenever it is full.
     *
     * @param record the record, with the staged write's schema
     * @throws io.ferry.core.FerryConfigException if the record is null, or the task is over
     * @throws io.ferry.core.FerryDataException   if the record's schema differs or its time is null
     * @throws io.ferry.core.FerryIoException     if an upload failed (the task is then over)
     */
    void write(Record record);

    /** {@return rows written so far} */
    long rowCount();

    /**
     * Uploads the last chunk and ends the task.
     *
     * @return what this task uploaded, for {@link TdWriter#publish(TdStagedWrite, java.util.List)}
     * @throws io.ferry.core.FerryIoException     if the upload failed
     * @throws io.ferry.core.FerryConfigException (option {@code open}) if called twice or after a failure
     */
    TdStagedPart finish();

    /** Ends the task without uploading its last chunk. Never throws; a no-op once over. */
    void abort();

    /** Aborts unless {@link #finish()} succeeded. Safe to call twice. */
    @Override
    void close();
}

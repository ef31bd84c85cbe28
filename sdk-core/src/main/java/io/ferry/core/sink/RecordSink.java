package io.ferry.core.sink;

import io.ferry.core.record.Record;
import io.ferry.core.record.Schema;

/**
 * Where an import delivers its records. The call sequence is {@code open}, any number of
 * {@code write}, then exactly one of {@code commit} (the import succeeded: publish) or
 * {@code abort} (it failed: leave the destination as it was). A sink is used by one thread.
 *
 * <p>Implementations that publish atomically (a Treasure Data table replace, an S3 object)
 * make nothing visible before {@code commit}.
 */
public interface RecordSink {
    /**
     * Called once before the first record, with the schema every record will have.
     *
     * @param schema the schema of every record that follows
     */
    void open(Schema schema);

    /**
     * Receives one record.
     *
     * @param record the record, bound to the schema given to {@code open}
     */
    void write(Record record);

    /** The import succeeded: make what was written visible. */
    void commit();

    /** The import failed: discard what was written. Must not throw for an unopened sink. */
    void abort();
}

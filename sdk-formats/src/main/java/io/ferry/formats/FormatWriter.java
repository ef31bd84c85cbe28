package io.ferry.formats;

import io.ferry.core.record.Record;

/**
 * Encodes records onto a stream, one at a time, in constant memory (Parquet buffers at most one
 * row group). Single-threaded. {@link #close()} finishes the file (header, footer) and closes
 * the underlying stream; it is safe to call twice.
 */
public interface FormatWriter extends AutoCloseable {
    /**
     * Encodes one record. The record must be bound to the schema the writer was opened with.
     *
     * @param record the record to encode
     * @throws io.ferry.core.FerryIoException if the stream fails
     */
    void write(Record record);

    /** {@return the number of records written so far} */
    long rowCount();

    /**
     * Finishes the file and closes the stream.
     *
     * @throws io.ferry.core.FerryIoException if the stream fails
     */
    @Override
    void close();
}

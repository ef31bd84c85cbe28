package io.ferry.formats.read;

import io.ferry.core.record.Record;
import io.ferry.core.record.Schema;
import java.util.List;

/**
 * Reads records from one decoded file in constant memory. Obtain one from
 * {@link ParserConfig#newReader}. Single-threaded; {@link #close()} closes the stream and is safe
 * to call twice.
 *
 * <pre>{@code
 * try (RecordReader reader = config.newReader("data.csv", in)) {
 *     for (Record r = reader.read(); r != null; r = reader.read()) {
 *         sink.write(r);
 *     }
 *     long skipped = reader.skippedRows();
 * }
 * }</pre>
 */
public interface RecordReader extends AutoCloseable {
    /** {@return the schema of the records} */
    Schema schema();

    /**
     * {@return the next record, or null at the end of the data}
     *
     * @throws io.ferry.core.FerryDataException with the source, line and column of a bad row
     *                                          under {@link BadRowPolicy#FAIL}, or of data that
     *                                          cannot be read any further (an unclosed JSON value)
     * @throws io.ferry.core.FerryIoException   if the stream fails
     */
    Record read();

    /** {@return the 1-based physical line where the last returned record starts; 0 before the first} */
    long line();

    /** {@return the number of rows skipped so far under {@link BadRowPolicy#SKIP}} */
    long skippedRows();

    /** {@return the first skipped rows (at most {@link ParserConfig#badRowSamples()}), in order} */
    List<BadRow> badRows();

    /** Closes the stream. */
    @Override
    void close();
}

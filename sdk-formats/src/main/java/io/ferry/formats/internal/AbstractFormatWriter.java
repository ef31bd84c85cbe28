package io.ferry.formats.internal;

import io.ferry.core.FerryConfigException;
import io.ferry.core.FerryDataException;
import io.ferry.core.record.Record;
import io.ferry.core.record.Schema;
import io.ferry.formats.FormatWriter;

/**
 * The lifecycle every {@link FormatWriter} shares: a record after {@link #close()} is refused, a
 * record of another schema is a {@link FerryDataException}, written records are counted, and
 * {@link #close()} finishes the output once. Subclasses encode one record and finish the output.
 * Single-threaded. Internal.
 */
public abstract class AbstractFormatWriter implements FormatWriter {
    private final Schema schema;
    private final String closedMessage;
    private long rowCount;
    private boolean closed;

    /**
     * A writer of {@code schema}'s records.
     *
     * @param closedMessage the message of the {@link FerryConfigException} (option {@code write}) a write after close throws
     */
    protected AbstractFormatWriter(Schema schema, String closedMessage) {
        this.schema = schema;
        this.closedMessage = closedMessage;
    }

    /** The schema the writer was opened with. */
    protected final Schema schema() {
        return schema;
    }

    /**
     * Checks the record, encodes it and counts it.
     *
     * @throws FerryConfigException if the writer is closed (option {@code write})
     * @throws FerryDataException    if the record has another schema, or a value cannot be encoded
     */
    @Override
    public final void write(Record record) {
        FerryConfigException.requireNonNull(record, "record");
        if (closed) {
            throw new FerryConfigException("write", closedMessage);
        }
        if (record.schema() != schema && !record.schema().equals(schema)) {
            throw wrongSchema(record.schema());
        }
        encode(record);
        rowCount++;
    }

    @Override
    public final long rowCount() {
        return rowCount;
    }

    /** Finishes the output the first time; does nothing after that. */
    @Override
    public final void close() {
        if (closed) {
            return;
        }
        closed = true;
        finish();
    }

    /**
     * The error for a record of schema {@code actual}, on line {@code rowCount() + 1}. By default
     * from source {@code record}, asking for a writer per schema.
     */
    protected FerryDataException wrongSchema(Schema actual) {
        return new FerryDataException("record", rowCount + 1, null, "the record's schema " + actual
                + " is not the writer's schema " + schema + "; open a writer per schema");
    }

    /** Encodes one record of the writer's schema; {@link #rowCount()} does not count it yet. */
    protected abstract void encode(Record record);

    /** Finishes the output and closes the stream; called once. */
    protected abstract void finish();
}

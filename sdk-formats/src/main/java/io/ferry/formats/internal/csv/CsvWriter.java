package io.ferry.formats.internal.csv;

import io.ferry.core.FerryDataException;
import io.ferry.core.FerryIoException;
import io.ferry.core.record.ColumnType;
import io.ferry.core.record.Record;
import io.ferry.core.record.Schema;
import io.ferry.formats.FormatWriter;
import io.ferry.formats.csv.CsvFormat;
import io.ferry.formats.internal.text.CharOutput;
import io.ferry.formats.internal.text.DoubleText;
import io.ferry.formats.internal.text.TimestampText;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;

/** The {@link FormatWriter} of {@link CsvFormat}. Single-threaded. */
public final class CsvWriter implements FormatWriter {
    private final CsvFormat format;
    private final Schema schema;
    private final ColumnType[] types;
    private final CharOutput out;
    private final CsvFieldEncoder encoder;
    private final TimestampText timestamps;
    private final char delimiter;
    private final String newline;
    private long rowCount;
    private boolean closed;

    /**
     * Opens the writer and writes the header line if the format has one.
     *
     * @throws FerryDataException if a column name cannot be written
     */
    public CsvWriter(CsvFormat format, Schema schema, OutputStream out) {
        this.format = format;
        this.schema = schema;
        this.types = schema.columns().stream().map(c -> c.type()).toArray(ColumnType[]::new);
        this.out = new CharOutput(out);
        this.encoder = new CsvFieldEncoder(format, this.out);
        this.timestamps = TimestampText.of(format.timestampPattern(), format.timestampZone(), "timestampPattern");
        this.delimiter = format.delimiter();
        this.newline = format.newline().chars();
        if (format.header()) {
            writeHeader();
        }
    }

    private void writeHeader() {
        int col = 0;
        try {
            for (; col < types.length; col++) {
                if (col > 0) {
                    out.append(delimiter);
                }
                encoder.writeText(schema.column(col).name());
            }
            out.append(newline);
        } catch (IOException e) {
            throw ioFailure(e);
        } catch (UnescapableCharException e) {
            throw unescapable("header", 1, col, e);
        }
    }

    @Override
    public void write(Record record) {
        if (closed) {
            throw new IllegalStateException("this " + format.dialect() + " writer is closed");
        }
        if (record.schema() != schema && !record.schema().equals(schema)) {
            throw new FerryDataException("record", rowCount + 1, null, "the record's schema " + record.schema()
                    + " is not the writer's schema " + schema + "; open a writer per schema");
        }
        int col = 0;
        try {
            for (; col < types.length; col++) {
                if (col > 0) {
                    out.append(delimiter);
                }
                writeValue(types[col], record.get(col));
            }
            out.append(newline);
        } catch (IOException e) {
            throw ioFailure(e);
        } catch (UnescapableCharException e) {
            throw unescapable("record", rowCount + 1, col, e);
        }
        rowCount++;
    }

    private void writeValue(ColumnType type, Object value) throws IOException {
        if (value == null) {
            encoder.writeNull();
            return;
        }
        switch (type) {
            case LONG:
                encoder.writeLong((Long) value);
                break;
            case DOUBLE:
                encoder.writeText(DoubleText.format((Double) value));
                break;
            case BOOLEAN:
                encoder.writeText((Boolean) value ? "true" : "false");
                break;
            case TIMESTAMP:
                encoder.writeText(timestamps.format((Instant) value));
                break;
            default: // STRING, and JSON as its text
                encoder.writeText((String) value);
        }
    }

    private FerryDataException unescapable(String source, long line, int col, UnescapableCharException e) {
        char c = e.character();
        String shown = c == '\r' ? "CR" : c == '\n' ? "LF" : c == '\t' ? "a tab" : "'" + c + "'";
        return new FerryDataException(source, line, schema.column(col).name(), "the value contains " + shown
                + ", which quotePolicy NONE must escape, but no escape character is set; "
                + "set escape(..) (for example '\\\\') or use QuotePolicy.MINIMAL");
    }

    private FerryIoException ioFailure(IOException e) {
        return new FerryIoException("cannot write " + format.dialect() + " output after " + rowCount
                + " records: " + e.getMessage(), e);
    }

    @Override
    public long rowCount() {
        return rowCount;
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            out.close();
        } catch (IOException e) {
            throw ioFailure(e);
        }
    }
}

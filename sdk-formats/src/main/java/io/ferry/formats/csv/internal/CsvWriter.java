package io.ferry.formats.csv.internal;

import io.ferry.core.FerryDataException;
import io.ferry.core.FerryIoException;
import io.ferry.core.record.ColumnType;
import io.ferry.core.record.Record;
import io.ferry.core.record.Schema;
import io.ferry.formats.FormatWriter;
import io.ferry.formats.csv.CsvFormat;
import io.ferry.formats.internal.AbstractFormatWriter;
import io.ferry.formats.text.internal.CharOutput;
import io.ferry.formats.text.internal.DoubleText;
import io.ferry.formats.text.internal.TimestampText;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;

/** The {@link FormatWriter} of {@link CsvFormat}. Single-threaded. */
public final class CsvWriter extends AbstractFormatWriter {
    private final CsvFormat format;
    private final ColumnType[] types;
    private final CharOutput out;
    private final CsvFieldEncoder encoder;
    private final TimestampText timestamps;
    private final char delimiter;
    private final String newline;
    private final boolean defaultTimestamps;
    private final char[] timestampText = new char[TimestampText.DEFAULT_LENGTH];

    /**
     * Opens the writer and writes the header line if the format has one.
     *
     * @throws FerryDataException if a column name cannot be written
     */
    public CsvWriter(CsvFormat format, Schema schema, OutputStream out) {
        super(schema, "this " + format.dialect() + " writer is closed");
        this.format = format;
        this.types = schema.columns().stream().map(c -> c.type()).toArray(ColumnType[]::new);
        this.out = new CharOutput(out);
        this.encoder = new CsvFieldEncoder(format, this.out);
        this.timestamps = TimestampText.of(format.timestampPattern(), format.timestampZone(), "timestampPattern");
        this.delimiter = format.delimiter();
        this.newline = format.newline().chars();
        this.defaultTimestamps = timestamps.isDefault();
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
                encoder.writeText(schema().column(col).name());
            }
            out.append(newline);
        } catch (IOException e) {
            throw ioFailure(e);
        } catch (UnescapableCharException e) {
            throw unescapable("header", 1, col, e);
        }
    }

    @Override
    protected void encode(Record record) {
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
            throw unescapable("record", rowCount() + 1, col, e);
        }
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
                // the default text goes to the buffer with no String in between
                if (defaultTimestamps && TimestampText.formatDefault((Instant) value, timestampText)) {
                    encoder.writeTimestampText(timestampText, TimestampText.DEFAULT_LENGTH);
                } else {
                    encoder.writeText(timestamps.format((Instant) value));
                }
                break;
            default: // STRING, and JSON as its text
                encoder.writeText((String) value);
        }
    }

    private FerryDataException unescapable(String source, long line, int col, UnescapableCharException e) {
        char c = e.character();
        String shown = c == '\r' ? "CR" : c == '\n' ? "LF" : c == '\t' ? "a tab" : "'" + c + "'";
        return new FerryDataException(source, line, schema().column(col).name(), "the value contains " + shown
                + ", which quotePolicy NONE must escape, but no escape character is set; "
                + "set escape(..) (for example '\\\\') or use QuotePolicy.MINIMAL");
    }

    private FerryIoException ioFailure(IOException e) {
        return new FerryIoException("cannot write " + format.dialect() + " output after " + rowCount()
                + " records: " + e.getMessage(), e);
    }

    @Override
    protected void finish() {
        try {
            out.close();
        } catch (IOException e) {
            throw ioFailure(e);
        }
    }
}

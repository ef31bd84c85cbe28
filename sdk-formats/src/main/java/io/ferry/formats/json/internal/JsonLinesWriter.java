package io.ferry.formats.json.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.core.io.SerializedString;
import io.ferry.core.FerryDataException;
import io.ferry.core.FerryIoException;
import io.ferry.core.record.ColumnType;
import io.ferry.core.record.Record;
import io.ferry.core.record.Schema;
import io.ferry.formats.FormatWriter;
import io.ferry.formats.internal.AbstractFormatWriter;
import io.ferry.formats.text.internal.DoubleText;
import io.ferry.formats.text.internal.TimestampText;
import io.ferry.formats.json.JsonLinesFormat;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.time.Instant;

/** The {@link FormatWriter} of {@link JsonLinesFormat}, on jackson's streaming generator. Single-threaded. */
public final class JsonLinesWriter extends AbstractFormatWriter {
    private static final JsonFactory FACTORY = JsonFactory.builder().build();

    private final ColumnType[] types;
    /** Per column, pre-encoded: {@code "key": } after {@code {} or after {@code , }. */
    private final SerializableString[] keys;
    private final SerializableString lineEnd;
    private final JsonGenerator gen;
    private final TimestampText timestamps;
    private final boolean defaultTimestamps;
    private final char[] timestampText = new char[TimestampText.DEFAULT_LENGTH];
    /** A default timestamp as a JSON string: quote, 23 chars that need no escaping, quote. */
    private final char[] quotedTimestamp = new char[TimestampText.DEFAULT_LENGTH + 2];

    /** Opens a writer of {@code schema}'s records onto {@code out}; closing it closes {@code out}. */
    public JsonLinesWriter(JsonLinesFormat format, Schema schema, OutputStream out) {
        super(schema, "this JSON Lines writer is closed");
        this.types = schema.columns().stream().map(c -> c.type()).toArray(ColumnType[]::new);
        this.keys = new SerializableString[types.length];
        for (int i = 0; i < types.length; i++) {
            keys[i] = new SerializedString((i == 0 ? "{\"" : ", \"")
                    + new String(JsonStringEncoder.getInstance().quoteAsString(schema.column(i).name())) + "\": ");
        }
        this.timestamps = TimestampText.of(format.timestampPattern(), format.timestampZone(), "timestampPattern");
        this.defaultTimestamps = timestamps.isDefault();
        quotedTimestamp[0] = '"';
        quotedTimestamp[quotedTimestamp.length - 1] = '"';
        this.lineEnd = new SerializedString((types.length == 0 ? "{}" : "}") + format.newline().chars());
        try {
            this.gen = FACTORY.createGenerator(out);
        } catch (IOException e) {
            throw new FerryIoException("cannot start JSON Lines output: " + e.getMessage(), e);
        }
        // the braces, keys and separators are written raw (pre-encoded, in the spacing of
        // SpacedPrettyPrinter), the values as root values with nothing between them: no pretty
        // printer call and no object context per value
        gen.setRootValueSeparator(null);
    }

    @Override
    protected void encode(Record record) {
        try {
            for (int col = 0; col < types.length; col++) {
                gen.writeRaw(keys[col]);
                writeValue(col, record.get(col));
            }
            gen.writeRaw(lineEnd);
        } catch (IOException e) {
            throw ioFailure(e);
        }
    }

    private void writeValue(int col, Object value) throws IOException {
        if (value == null) {
            gen.writeNull();
            return;
        }
        switch (types[col]) {
            case LONG:
                gen.writeNumber((Long) value);
                break;
            case DOUBLE:
                double d = (Double) value;
                if (DoubleText.isNonFinite(d)) {
                    gen.writeString(DoubleText.format(d));
                } else {
                    gen.writeNumber(DoubleText.format(d));
                }
                break;
            case BOOLEAN:
                gen.writeBoolean((Boolean) value);
                break;
            case TIMESTAMP:
                if (defaultTimestamps && TimestampText.formatDefault((Instant) value, timestampText)) {
                    System.arraycopy(timestampText, 0, quotedTimestamp, 1, timestampText.length);
                    gen.writeRawValue(quotedTimestamp, 0, quotedTimestamp.length);
                } else {
                    gen.writeString(timestamps.format((Instant) value));
                }
                break;
            case JSON:
                gen.writeRawValue(normalizedJson(col, (String) value));
                break;
            default:
                gen.writeString((String) value);
        }
    }

    /**
     * Re-encodes a JSON column's text: checks that it is one valid JSON value, and puts it on one
     * line in the same spacing as the rest of the record (a raw newline would split the line).
     * Numbers keep their exact text.
     */
    private String normalizedJson(int col, String text) {
        try (JsonParser parser = FACTORY.createParser(text);
             StringWriter sw = new StringWriter(text.length());
             JsonGenerator copy = FACTORY.createGenerator(sw)) {
            copy.setPrettyPrinter(SpacedPrettyPrinter.INSTANCE);
            if (parser.nextToken() == null) {
                throw badJson(col, "it is empty", null);
            }
            copyExactly(parser, copy);
            JsonToken extra = parser.nextToken();
            if (extra != null) {
                throw badJson(col, "it has more after the first value (" + extra + ")", null);
            }
            copy.flush();
            return sw.toString();
        } catch (IOException e) {
            throw badJson(col, e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage(), e);
        }
    }

    /** Copies the value at the parser's token; numbers keep their text (no rounding through double). */
    private static void copyExactly(JsonParser parser, JsonGenerator gen) throws IOException {
        int depth = 0;
        JsonToken t = parser.currentToken();
        while (true) {
            switch (t) {
                case START_OBJECT:
                    gen.writeStartObject();
                    depth++;
                    break;
                case START_ARRAY:
                    gen.writeStartArray();
                    depth++;
                    break;
                case END_OBJECT:
                    gen.writeEndObject();
                    depth--;
                    break;
                case END_ARRAY:
                    gen.writeEndArray();
                    depth--;
                    break;
                case FIELD_NAME:
                    gen.writeFieldName(parser.currentName());
                    break;
                case VALUE_STRING:
                    gen.writeString(parser.getTextCharacters(), parser.getTextOffset(), parser.getTextLength());
                    break;
                case VALUE_NUMBER_INT:
                case VALUE_NUMBER_FLOAT:
                    gen.writeNumber(parser.getText());
                    break;
                case VALUE_TRUE:
                case VALUE_FALSE:
                    gen.writeBoolean(t == JsonToken.VALUE_TRUE);
                    break;
                case VALUE_NULL:
                    gen.writeNull();
                    break;
                default:
                    throw new JsonParseException(parser, "unexpected token " + t);
            }
            if (depth == 0) {
                return;
            }
            t = parser.nextToken();
            if (t == null) {
                throw new JsonParseException(parser, "the JSON text ends inside a value");
            }
        }
    }

    private FerryDataException badJson(int col, String why, Throwable cause) {
        return new FerryDataException("record", rowCount() + 1, schema().column(col).name(),
                "the JSON column holds invalid JSON: " + why + "; store one JSON value per field", cause);
    }

    private FerryIoException ioFailure(IOException e) {
        return new FerryIoException("cannot write JSON Lines output after " + rowCount() + " records: "
                + e.getMessage(), e);
    }

    @Override
    protected void finish() {
        try {
            gen.close();
        } catch (IOException e) {
            throw ioFailure(e);
        }
    }
}

package io.ferry.formats.read.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import io.ferry.core.FerryDataException;
import io.ferry.core.record.ColumnType;
import io.ferry.core.record.Record;
import io.ferry.formats.read.ParserConfig;
import io.ferry.formats.read.ParserType;
import io.ferry.formats.text.internal.BadValueException;
import io.ferry.formats.text.internal.ValueConverter;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.CharacterCodingException;
import java.util.HashMap;
import java.util.Map;

/**
 * Reads JSON Lines (one object per physical line; a bad line can be skipped) and JSON (an array
 * of objects or objects one after another; a syntax error ends the file). Object fields map to
 * columns by name; missing fields are null and other fields are ignored.
 */
public final class JsonRecordReader extends AbstractRecordReader {
    private final Reader text;
    private final LineReader lines;
    private final BufferedReader reader;
    private final JsonFactory json;
    private final Map<String, Integer> index = new HashMap<>();
    private JsonParser stream;
    private long physicalLine;

    /** A reader of {@code in} under {@code config}; {@code source} names the data in errors. */
    public JsonRecordReader(ParserConfig config, String source, InputStream in) {
        super(config, source);
        this.text = new InputStreamReader(in, config.charset().newDecoder());
        this.lines = config.type() == ParserType.JSONL ? new LineReader(text, config.maxRecordSize()) : null;
        this.reader = lines == null ? new BufferedReader(text, 1 << 16) : null;
        this.json = RecordLimits.json(config);
        for (int i = 0; i < converters.length; i++) {
            index.put(config.columns().get(i).name(), i);
        }
    }

    @Override
    public Record read() {
        try {
            return config.type() == ParserType.JSONL ? readLine() : readStream();
        } catch (CharacterCodingException e) {
            throw new FerryDataException(source, physicalLine + 1, null, "the bytes are not valid "
                    + config.charset().name() + " text; set the charset option to the file's encoding", e);
        } catch (IOException e) {
            throw readFailure(e);
        }
    }

    private Record readLine() throws IOException {
        while (true) {
            String text = lines.readLine();
            if (text == null) {
                return null;
            }
            physicalLine++;
            if (lines.lastTooLong()) {
                bad.report(source, physicalLine, null,
                        RecordLimits.tooLarge(config, "the line is " + lines.lastLength() + " characters long"));
                continue;
            }
            if (physicalLine == 1 && !text.isEmpty() && text.charAt(0) == '\uFEFF') {
                text = text.substring(1);
            }
            if (text.isBlank()) {
                continue;
            }
            try (JsonParser p = json.createParser(text)) {
                if (p.nextToken() != JsonToken.START_OBJECT) {
                    bad.report(source, physicalLine, null, "the line is not a JSON object");
                    continue;
                }
                Object[] values = readObject(p, physicalLine, -1);
                if (p.nextToken() != null) {
                    bad.report(source, physicalLine, null, "the line holds more than one JSON value");
                    continue;
                }
                if (values != null) {
                    return record(physicalLine, values);
                }
            } catch (JsonProcessingException e) {
                bad.report(source, physicalLine, null, "invalid JSON: " + e.getOriginalMessage());
            }
        }
    }

    private Record readStream() throws IOException {
        if (stream == null) {
            reader.mark(1);
            if (reader.read() != '\uFEFF') {
                reader.reset();
            }
            stream = json.createParser(reader);
        }
        try {
            while (true) {
                JsonToken t = stream.nextToken();
                if (t == null) {
                    return null;
                }
                boolean rootArray = t == JsonToken.START_ARRAY && stream.getParsingContext().getParent().inRoot();
                if (rootArray || (t == JsonToken.END_ARRAY && stream.getParsingContext().inRoot())) {
                    continue;
                }
                JsonLocation where = stream.currentTokenLocation();
                long at = where.getLineNr();
                if (t != JsonToken.START_OBJECT) {
                    stream.skipChildren();
                    bad.report(source, at, null, "a " + t.asString() + " value where a JSON object was expected");
                    continue;
                }
                Object[] values = readObject(stream, at, where.getCharOffset());
                if (values != null) {
                    return record(at, values);
                }
            }
        } catch (JsonProcessingException e) {
            long at = e.getLocation() == null ? stream.currentTokenLocation().getLineNr() : e.getLocation().getLineNr();
            if (e instanceof StreamConstraintsException && e.getOriginalMessage().startsWith("String value length")) {
                throw new FerryDataException(source, at, null, RecordLimits.tooLarge(config, "a JSON value is too"
                        + " large (" + e.getOriginalMessage() + ")") + "; the rest of the file cannot be read", e);
            }
            throw new FerryDataException(source, at, null, "invalid JSON, the rest of the file cannot be read: "
                    + e.getOriginalMessage(), e);
        }
    }

    /**
     * The values of the object whose START_OBJECT is current, or null if a value was bad. With
     * {@code startOffset} 0 or more, an object that runs past the maximum record size from there is
     * read to its end without keeping its values, and is bad.
     */
    private Object[] readObject(JsonParser p, long at, long startOffset) throws IOException {
        Object[] values = new Object[converters.length];
        String badColumn = null;
        String reason = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            Integer i = index.get(p.currentName());
            JsonToken t = p.nextToken();
            if (i == null || reason != null) {
                p.skipChildren();
                continue;
            }
            if (startOffset >= 0 && p.currentLocation().getCharOffset() - startOffset > config.maxRecordSize()) {
                p.skipChildren();
                values = null;
                badColumn = config.columns().get(i).name();
                reason = RecordLimits.longerThanMax(config, "the JSON object");
                continue;
            }
            try {
                values[i] = value(p, t, converters[i], config);
            } catch (BadValueException e) {
                p.skipChildren();
                if (reason == null) {
                    badColumn = config.columns().get(i).name();
                    reason = e.getMessage();
                }
            }
        }
        if (reason == null && startOffset >= 0
                && p.currentLocation().getCharOffset() - startOffset > config.maxRecordSize()) {
            reason = RecordLimits.longerThanMax(config, "the JSON object");
        }
        if (reason != null) {
            bad.report(source, at, badColumn, reason);
            return null;
        }
        return values;
    }

    private static Object value(JsonParser p, JsonToken t, ValueConverter c, ParserConfig config) throws IOException {
        if (t == JsonToken.VALUE_NULL) {
            return null;
        }
        ColumnType type = c.type();
        if (type == ColumnType.JSON || (type == ColumnType.STRING && t.isStructStart())) {
            return jsonText(p, config);
        }
        if (t.isStructStart()) {
            throw new BadValueException("a JSON " + (t == JsonToken.START_OBJECT ? "object" : "array")
                    + " cannot be stored in a " + type.name().toLowerCase(java.util.Locale.ROOT) + " column");
        }
        switch (type) {
            case STRING:
                return p.getText();
            case LONG:
                if (t == JsonToken.VALUE_NUMBER_INT) {
                    if (p.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
                        throw new BadValueException(p.getText() + " is too large for a long");
                    }
                    return p.getLongValue();
                }
                if (t == JsonToken.VALUE_STRING) {
                    return ValueConverter.parseLong(p.getText());
                }
                throw new BadValueException(p.getText() + " is not a long integer");
            case DOUBLE:
                if (t.isNumeric()) {
                    return p.getDoubleValue();
                }
                if (t == JsonToken.VALUE_STRING) {
                    return ValueConverter.parseDouble(p.getText());
                }
                throw new BadValueException(p.getText() + " is not a double");
            case BOOLEAN:
                if (t.isBoolean()) {
                    return t == JsonToken.VALUE_TRUE;
                }
                if (t == JsonToken.VALUE_STRING) {
                    return ValueConverter.parseBoolean(p.getText());
                }
                throw new BadValueException(p.getText() + " is not a boolean");
            case TIMESTAMP:
                if (t.isBoolean()) {
                    throw new BadValueException(p.getText() + " is not a timestamp");
                }
                return c.convert(p.getText());
            default:
                throw new AssertionError(type);
        }
    }

    /** The current value as compact JSON text, at most the maximum record size long (else bad, and skipped). */
    private static String jsonText(JsonParser p, ParserConfig config) throws IOException {
        JsonStreamContext outer = p.currentToken().isStructStart() ? p.getParsingContext().getParent() : null;
        BoundedWriter w = new BoundedWriter(config.maxRecordSize());
        try (JsonGenerator g = ValueConverter.JSON.createGenerator(w)) {
            g.copyCurrentStructure(p);
        } catch (ValueTooLongException e) {
            // stopped inside the value: skip to its end so that reading goes on after it
            while (outer != null && p.getParsingContext() != outer && p.nextToken() != null) {
                p.skipChildren();
            }
            throw new BadValueException(RecordLimits.longerThanMax(config, "the JSON value"));
        }
        return w.toString();
    }

    /** Thrown by {@link BoundedWriter} past its limit. */
    private static final class ValueTooLongException extends IOException {
        private static final long serialVersionUID = 1L;

        ValueTooLongException() {
            super("the value is too long");
        }
    }

    /** A string writer that refuses to grow past a limit. */
    private static final class BoundedWriter extends Writer {
        private final StringBuilder sb = new StringBuilder();
        private final int max;

        BoundedWriter(int max) {
            this.max = max;
        }

        @Override
        public void write(char[] cbuf, int off, int len) throws IOException {
            if (sb.length() + (long) len > max) {
                throw new ValueTooLongException();
            }
            sb.append(cbuf, off, len);
        }

        @Override
        public void write(String str, int off, int len) throws IOException {
            if (sb.length() + (long) len > max) {
                throw new ValueTooLongException();
            }
            sb.append(str, off, off + len);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }

        @Override
        public String toString() {
            return sb.toString();
        }
    }

    @Override
    void closeInput() throws IOException {
        if (stream != null) {
            stream.close();
        }
        text.close();
    }
}

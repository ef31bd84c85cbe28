package io.ferry.formats.read.internal;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import io.ferry.core.record.ColumnType;
import io.ferry.formats.read.ParserConfig;
import io.ferry.formats.text.internal.BadValueException;
import io.ferry.formats.text.internal.ValueConverter;
import java.io.IOException;
import java.io.Writer;

/** Converts the JSON value at a parser's current token into a column's value. */
final class JsonValues {
    private JsonValues() {
    }

    /**
     * The value of the current token for a column of converter {@code c}; a structure is consumed.
     *
     * @throws BadValueException if the value does not fit the column
     */
    static Object value(JsonParser p, JsonToken t, ValueConverter c, ParserConfig config) throws IOException {
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
    static String jsonText(JsonParser p, ParserConfig config) throws IOException {
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
}

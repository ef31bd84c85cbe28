package io.ferry.formats.text.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.ferry.core.record.ColumnType;
import io.ferry.formats.read.ColumnConfig;
import java.io.IOException;
import java.time.ZoneId;
import java.util.Locale;

/** Converts the text of one column's values to the column's Java type. Immutable and thread-safe. */
public final class ValueConverter {
    /** The JSON factory the readers share: stateless once configured, safe across threads. */
    public static final JsonFactory JSON = new JsonFactory();

    private final ColumnType type;
    private final TimestampParser timestamps;

    private ValueConverter(ColumnType type, TimestampParser timestamps) {
        this.type = type;
        this.timestamps = timestamps;
    }

    /** A converter for {@code column}, reading zone-less timestamps in its zone or {@code defaultZone}. */
    public static ValueConverter of(ColumnConfig column, ZoneId defaultZone) {
        TimestampParser ts = column.type() == ColumnType.TIMESTAMP
                ? TimestampParser.of(column.format().orElse(null), column.timeZone().orElse(defaultZone))
                : null;
        return new ValueConverter(column.type(), ts);
    }

    /** The column type. */
    public ColumnType type() {
        return type;
    }

    /**
     * The value of {@code text} (not null).
     *
     * @throws BadValueException saying why the text does not fit
     */
    public Object convert(String text) {
        switch (type) {
            case STRING:
                return text;
            case LONG:
                return parseLong(text);
            case DOUBLE:
                return parseDouble(text);
            case BOOLEAN:
                return parseBoolean(text);
            case TIMESTAMP:
                return timestamps.parse(text);
            case JSON:
                return checkJson(text);
            default:
                throw new AssertionError(type);
        }
    }

    /** The value of {@code text} as a long. */
    public static Long parseLong(String text) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new BadValueException("'" + text + "' is not a long integer");
        }
    }

    /** The value of {@code text} as a double; only decimal and exponent notation, NaN and Infinity. */
    public static Double parseDouble(String text) {
        boolean plain = !text.isEmpty();
        for (int i = 0; i < text.length() && plain; i++) {
            char c = text.charAt(i);
            plain = (c >= '0' && c <= '9') || c == '.' || c == '-' || c == '+' || c == 'e' || c == 'E';
        }
        if (plain || text.equals("NaN") || text.equals("Infinity") || text.equals("-Infinity")) {
            try {
                return Double.parseDouble(text);
            } catch (NumberFormatException e) {
                // fall through to the error below
            }
        }
        throw new BadValueException("'" + text + "' is not a double");
    }

    /** The value of {@code text} as a boolean: true/false, yes/no, y/n, on/off, t/f, 1/0, any case. */
    public static Boolean parseBoolean(String text) {
        switch (text.toLowerCase(Locale.ROOT)) {
            case "true": case "yes": case "y": case "on": case "t": case "1":
                return Boolean.TRUE;
            case "false": case "no": case "n": case "off": case "f": case "0":
                return Boolean.FALSE;
            default:
                throw new BadValueException("'" + text + "' is not a boolean (true/false, yes/no, on/off, 1/0)");
        }
    }

    /** {@code text} if it is one well-formed JSON value. */
    public static String checkJson(String text) {
        try (JsonParser p = JSON.createParser(text)) {
            JsonToken t = p.nextToken();
            if (t == null) {
                throw new BadValueException("an empty value is not JSON");
            }
            p.skipChildren();
            if (p.nextToken() != null) {
                throw new BadValueException("'" + abbreviate(text) + "' holds more than one JSON value");
            }
            return text;
        } catch (IOException e) {
            throw new BadValueException("'" + abbreviate(text) + "' is not valid JSON");
        }
    }

    static String abbreviate(String text) {
        return text.length() <= 60 ? text : text.substring(0, 57) + "...";
    }
}

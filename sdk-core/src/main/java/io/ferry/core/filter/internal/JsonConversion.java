package io.ferry.core.filter.internal;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonToken;
import io.ferry.core.FerryDataException;
import io.ferry.core.record.ColumnType;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/** Turns a {@link JsonValue} into the Java value of a column type; the rules are on JsonField. Internal. */
public final class JsonConversion {
    private static final String LONG = "LONG (a whole number between -2^63 and 2^63-1)";
    private JsonConversion() {
    }

    /**
     * The column value for a JSON value, or null for a missing value or JSON null.
     *
     * @throws FerryDataException (line 0) naming {@code source} and {@code column} if it does not fit
     */
    public static Object convert(JsonValue value, ColumnType type, String source, String column) {
        if (value == null || value.token() == JsonToken.VALUE_NULL) {
            return null;
        }
        switch (type) {
            case JSON:
                return toJsonText(value);
            case STRING:
                return value.text();
            case LONG:
                return toLong(value, source, column);
            case DOUBLE:
                return toDouble(value, source, column);
            case BOOLEAN:
                return toBoolean(value, source, column);
            default:
                return toInstant(value, source, column);
        }
    }

    private static Long toLong(JsonValue v, String source, String column) {
        try {
            switch (v.token()) {
                case VALUE_NUMBER_INT:
                    return Long.parseLong(v.text());
                case VALUE_NUMBER_FLOAT:
                    return new BigDecimal(v.text()).longValueExact();
                case VALUE_STRING:
                    return Long.parseLong(v.text().strip());
                default:
                    break;
            }
        } catch (NumberFormatException | ArithmeticException e) {
            throw misfit(v, LONG, source, column, e);
        }
        throw misfit(v, LONG, source, column, null);
    }

    private static Double toDouble(JsonValue v, String source, String column) {
        if (v.token() == JsonToken.VALUE_NUMBER_INT || v.token() == JsonToken.VALUE_NUMBER_FLOAT) {
            return Double.parseDouble(v.text());
        }
        if (v.token() == JsonToken.VALUE_STRING) {
            try {
                return Double.parseDouble(v.text().strip());
            } catch (NumberFormatException e) {
                throw misfit(v, "DOUBLE", source, column, e);
            }
        }
        throw misfit(v, "DOUBLE", source, column, null);
    }

    private static Boolean toBoolean(JsonValue v, String source, String column) {
        if (v.token() == JsonToken.VALUE_TRUE || v.token() == JsonToken.VALUE_FALSE) {
            return v.token() == JsonToken.VALUE_TRUE;
        }
        if (v.token() == JsonToken.VALUE_STRING) {
            String s = v.text().strip().toLowerCase(Locale.ROOT);
            if (s.equals("true") || s.equals("false")) {
                return s.equals("true");
            }
        }
        throw misfit(v, "BOOLEAN (true or false)", source, column, null);
    }

    private static Instant toInstant(JsonValue v, String source, String column) {
        try {
            if (v.token() == JsonToken.VALUE_NUMBER_INT) {
                return Instant.ofEpochSecond(Long.parseLong(v.text()));
            }
            if (v.token() == JsonToken.VALUE_STRING) {
                return parseTime(v.text().strip());
            }
        } catch (DateTimeException | NumberFormatException e) {
            throw misfit(v, "TIMESTAMP (ISO-8601 text such as 2024-01-02T03:04:05Z, or epoch seconds)",
                    source, column, e);
        }
        throw misfit(v, "TIMESTAMP (ISO-8601 text such as 2024-01-02T03:04:05Z, or epoch seconds)",
                source, column, null);
    }

    private static Instant parseTime(String text) {
        String iso = text.length() > 10 && text.charAt(10) == ' ' ? text.substring(0, 10) + 'T' + text.substring(11) : text;
        try {
            return OffsetDateTime.parse(iso).toInstant();
        } catch (DateTimeParseException e) {
            return LocalDateTime.parse(iso).toInstant(ZoneOffset.UTC);
        }
    }

    private static String toJsonText(JsonValue v) {
        if (v.isStructure() || v.token() != JsonToken.VALUE_STRING) {
            return v.text();
        }
        StringWriter out = new StringWriter();
        try (JsonGenerator g = JsonExtractor.FACTORY.createGenerator(out)) {
            g.writeString(v.text());
        } catch (IOException e) {
            // a StringWriter does not fail
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static FerryDataException misfit(JsonValue v, String expected, String source, String column,
                                             Throwable cause) {
        String shown = v.text().length() > 60 ? v.text().substring(0, 60) + "..." : v.text();
        String kind = v.token() == JsonToken.VALUE_STRING ? "the string \"" + shown + "\"" : shown;
        return new FerryDataException(source, 0, column, kind + " is not a " + expected, cause);
    }
}

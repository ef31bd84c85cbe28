package io.ferry.formats.json;

import io.ferry.core.FerryConfigException;
import io.ferry.core.record.Schema;
import io.ferry.formats.FileFormat;
import io.ferry.formats.FormatWriter;
import io.ferry.formats.Newline;
import io.ferry.formats.json.internal.JsonLinesWriter;
import io.ferry.formats.text.internal.TimestampText;
import java.io.OutputStream;
import java.time.ZoneId;

/**
 * JSON Lines: one JSON object per record and line, UTF-8. Immutable and safe to share; each
 * {@link #newWriter} call returns a single-threaded writer.
 *
 * <pre>{@code
 * try (FormatWriter w = JsonLinesFormat.defaults().newWriter(schema, out)) {
 *     w.write(Record.of(schema, 200L, 4981L));   // {"code": 200, "cnt": 4981}\r\n
 * }
 * }</pre>
 *
 * <p>Keys follow the schema order, with a space after each {@code :} and {@code ,} as in
 * Treasure Data's JSONL export. Values: null is {@code null}; LONG and BOOLEAN are JSON numbers
 * and booleans; DOUBLE is a JSON number in the same text as CSV ({@code 10000000000.0}), and
 * NaN and infinities, which JSON numbers cannot express, are the strings {@code "NaN"},
 * {@code "Infinity"} and {@code "-Infinity"}; TIMESTAMP is a string in the timestamp pattern
 * and zone (default {@code yyyy-MM-dd HH:mm:ss.SSS}, UTC); STRING is a JSON string (non-ASCII
 * characters as UTF-8, not escaped); a JSON column is embedded as JSON, not as a string: its
 * text is parsed, must hold exactly one JSON value (else a {@link io.ferry.core.FerryDataException}),
 * and is re-written on one line in the same spacing.
 */
public final class JsonLinesFormat implements FileFormat {
    private static final JsonLinesFormat DEFAULTS = new Builder().build();

    private final Newline newline;
    private final TimestampText timestamps;

    private JsonLinesFormat(Builder b) {
        this.newline = b.newline;
        this.timestamps = b.timestamps;
    }

    /** {@return CRLF line ends and the default timestamp text, as Treasure Data's export writes} */
    public static JsonLinesFormat defaults() {
        return DEFAULTS;
    }

    /** {@return a builder starting from {@link #defaults()}} */
    public static Builder builder() {
        return new Builder();
    }

    /** {@return a builder starting from this format's settings} */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** {@return the line terminator after every record} */
    public Newline newline() {
        return newline;
    }

    /** {@return the {@link java.time.format.DateTimeFormatter} pattern of TIMESTAMP values} */
    public String timestampPattern() {
        return timestamps.pattern();
    }

    /** {@return the zone TIMESTAMP values are shown in} */
    public ZoneId timestampZone() {
        return timestamps.zone();
    }

    /** {@code jsonl}. */
    @Override
    public String extension() {
        return "jsonl";
    }

    /** {@code application/x-ndjson}. */
    @Override
    public String contentType() {
        return "application/x-ndjson";
    }

    @Override
    public FormatWriter newWriter(Schema schema, OutputStream out) {
        return new JsonLinesWriter(this, FerryConfigException.requireNonNull(schema, "schema"), FerryConfigException.requireNonNull(out, "out"));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof JsonLinesFormat other && other.newline == newline
                && other.timestamps.equals(timestamps);
    }

    @Override
    public int hashCode() {
        return newline.hashCode() * 31 + timestamps.hashCode();
    }

    @Override
    public String toString() {
        return "JsonLinesFormat{newline=" + newline + ", timestamps=" + timestamps + '}';
    }

    /** Builds a {@link JsonLinesFormat}; setters reject bad values at once. */
    public static final class Builder {
        private Newline newline = Newline.CRLF;
        private TimestampText timestamps = TimestampText.defaults();

        private Builder() {
        }

        private Builder(JsonLinesFormat f) {
            newline = f.newline;
            timestamps = f.timestamps;
        }

        /**
         * The line terminator; default {@link Newline#CRLF}.
         *
         * @param newline the line terminator
         * @return this builder
         */
        public Builder newline(Newline newline) {
            this.newline = FerryConfigException.requireNonNull(newline, "newline");
            return this;
        }

        /**
         * The {@link java.time.format.DateTimeFormatter} pattern of TIMESTAMP values; default
         * {@code yyyy-MM-dd HH:mm:ss.SSS}.
         *
         * @param pattern the {@link java.time.format.DateTimeFormatter} pattern of TIMESTAMP values
         * @return this builder
         * @throws io.ferry.core.FerryConfigException if the pattern is invalid
         */
        public Builder timestampPattern(String pattern) {
            this.timestamps = timestamps.withPattern(FerryConfigException.requireNonNull(pattern, "timestampPattern"));
            return this;
        }

        /**
         * The zone TIMESTAMP values are shown in; default UTC.
         *
         * @param zone the zone TIMESTAMP values are shown in
         * @return this builder
         */
        public Builder timestampZone(ZoneId zone) {
            this.timestamps = timestamps.withZone(FerryConfigException.requireNonNull(zone, "timestampZone"));
            return this;
        }

        /**
         * Builds the format.
         *
         * @return the format
         */
        public JsonLinesFormat build() {
            return new JsonLinesFormat(this);
        }
    }
}

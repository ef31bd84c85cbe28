package io.ferry.formats.read;

import io.ferry.core.FerryConfigException;
import io.ferry.core.record.Column;
import io.ferry.core.record.ColumnType;
import io.ferry.formats.text.internal.TimestampParser;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * One column of a {@link ParserConfig}: its name, its type and, for timestamps, the format and
 * time zone of the text. Immutable.
 *
 * <p>A timestamp format is either strftime-style ({@code %Y-%m-%d %H:%M:%S}; {@code %s} is epoch
 * seconds and {@code %Q} epoch milliseconds) or a {@link java.time.format.DateTimeFormatter}
 * pattern ({@code yyyy-MM-dd HH:mm:ss}); a format with a {@code %} is strftime-style. Without a
 * format, ISO-8601 forms are accepted ({@code T} or a space, any fraction or none, {@code Z}, an
 * offset or none): the guess gives ISO-8601 text no format, so that every such form reads.
 *
 * <pre>{@code
 * ColumnConfig id = ColumnConfig.of("id", ColumnType.LONG);
 * ColumnConfig at = ColumnConfig.timestamp("created_at", "%Y-%m-%d %H:%M:%S");
 * }</pre>
 */
public final class ColumnConfig {
    private final String name;
    private final ColumnType type;
    private final String format;
    private final ZoneId timeZone;
    private final String elementAt;

    private ColumnConfig(Builder b) {
        this.name = b.name;
        this.type = b.type;
        this.format = b.format;
        this.timeZone = b.timeZone;
        this.elementAt = b.elementAt;
    }

    /**
     * A column without a format.
     *
     * @param name the column name
     * @param type the column type
     * @return the column config
     */
    public static ColumnConfig of(String name, ColumnType type) {
        return builder().name(name).type(type).build();
    }

    /**
     * A timestamp column with a strftime-style or java.time format.
     *
     * @param name the column name
     * @param format the timestamp format
     * @return the column config
     */
    public static ColumnConfig timestamp(String name, String format) {
        return builder().name(name).type(ColumnType.TIMESTAMP).format(format).build();
    }

    /** {@return a new builder; name and type are required} */
    public static Builder builder() {
        return new Builder();
    }

    /** {@return a builder holding this column's settings} */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.name = name;
        b.type = type;
        b.format = format;
        b.timeZone = timeZone;
        b.elementAt = elementAt;
        return b;
    }

    /** {@return the column name} */
    public String name() {
        return name;
    }

    /** {@return the column type} */
    public ColumnType type() {
        return type;
    }

    /** {@return the timestamp format, if any} */
    public Optional<String> format() {
        return Optional.ofNullable(format);
    }

    /** {@return the time zone of timestamps without an offset, if it differs from the parser's default} */
    public Optional<ZoneId> timeZone() {
        return Optional.ofNullable(timeZone);
    }

    /**
     * {@return the JSON pointer (RFC 6901) to this column's value inside a JSON record, if any;
     * without one the value is the record's field named like the column. The empty pointer is the whole record}
     */
    public Optional<String> elementAt() {
        return Optional.ofNullable(elementAt);
    }

    /** {@return the record column this config produces} */
    public Column toColumn() {
        return Column.of(name, type);
    }

    /**
     * The lower-case type name used in config JSON ({@code long}, {@code timestamp}, ...).
     *
     * @param type a column type
     * @return the config name
     */
    public static String typeName(ColumnType type) {
        return FerryConfigException.requireNonNull(type, "type").name().toLowerCase(Locale.ROOT);
    }

    /**
     * The column type with this config name, case-insensitive.
     *
     * @param name a config name, such as {@code long}
     * @return the column type
     * @throws FerryConfigException naming the allowed values if there is none
     */
    public static ColumnType parseType(String name) {
        for (ColumnType t : ColumnType.values()) {
            if (t.name().equalsIgnoreCase(name)) {
                return t;
            }
        }
        throw new FerryConfigException("columns.type", "unknown column type '" + name
                + "'; use boolean, long, double, string, timestamp or json");
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof ColumnConfig c)) {
            return false;
        }
        return c.name.equals(name) && c.type == type && Objects.equals(c.format, format)
                && Objects.equals(c.timeZone, timeZone) && Objects.equals(c.elementAt, elementAt);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, type, format, timeZone, elementAt);
    }

    @Override
    public String toString() {
        return name + ":" + typeName(type) + (format == null ? "" : " '" + format + "'")
                + (timeZone == null ? "" : " " + timeZone) + (elementAt == null ? "" : " at '" + elementAt + "'");
    }

    /** Builds a {@link ColumnConfig}. Not thread-safe. */
    public static final class Builder {
        private String name;
        private ColumnType type;
        private String format;
        private ZoneId timeZone;
        private String elementAt;

        private Builder() {
        }

        /**
         * The column name; required, not empty.
         *
         * @param name the column name
         * @return this builder
         */
        public Builder name(String name) {
            FerryConfigException.requireNonNull(name, "name");
            if (name.isEmpty()) {
                throw new FerryConfigException("columns.name", "a column name must not be empty");
            }
            this.name = name;
            return this;
        }

        /**
         * The column type; required.
         *
         * @param type the column type
         * @return this builder
         */
        public Builder type(ColumnType type) {
            this.type = FerryConfigException.requireNonNull(type, "type");
            return this;
        }

        /**
         * The timestamp format (strftime-style or java.time); null for none. Only for TIMESTAMP columns.
         *
         * @param format the timestamp format (strftime-style or java.time)
         * @return this builder
         */
        public Builder format(String format) {
            this.format = format;
            return this;
        }

        /**
         * The zone of timestamps without an offset; null to use the parser's default.
         *
         * @param timeZone the zone of timestamps without an offset
         * @return this builder
         */
        public Builder timeZone(ZoneId timeZone) {
            this.timeZone = timeZone;
            return this;
        }

        /**
         * The JSON pointer (RFC 6901) to the value inside a JSON record, such as {@code /user/name}
         * or {@code /tags/0} (Embulk's {@code element_at}); null for none (the default: the field
         * named like the column). A pointer that matches nothing reads null. JSON and JSON Lines only.
         *
         * @param pointer the JSON pointer to the value; {@code ""} is the whole record
         * @return this builder
         */
        public Builder elementAt(String pointer) {
            this.elementAt = pointer == null ? null : JsonOptions.checkPointer(pointer, "columns.element_at");
            return this;
        }

        /**
         * @return the column config
         * @throws FerryConfigException if name or type is missing, a format is given for a
         *                              non-timestamp column, or the format is invalid
         */
        public ColumnConfig build() {
            if (name == null) {
                throw new FerryConfigException("columns.name", "every column needs a name");
            }
            if (type == null) {
                throw new FerryConfigException("columns.type", "column '" + name
                        + "' needs a type: boolean, long, double, string, timestamp or json");
            }
            if (format != null && type != ColumnType.TIMESTAMP) {
                throw new FerryConfigException("columns.format", "column '" + name + "' is " + typeName(type)
                        + "; a format applies only to timestamp columns, remove it");
            }
            if (format != null) {
                TimestampParser.validate(name, format);
            }
            return new ColumnConfig(this);
        }
    }
}

package io.ferry.core.record;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.Date;

/**
 * The types a column can have: the type set of Treasure Data's import guess, plus JSON.
 *
 * <table>
 *   <caption>Java value of each type</caption>
 *   <tr><th>type</th><th>Java value</th><th>also accepted when building a record</th></tr>
 *   <tr><td>BOOLEAN</td><td>{@link Boolean}</td><td></td></tr>
 *   <tr><td>LONG</td><td>{@link Long}</td><td>Integer, Short, Byte</td></tr>
 *   <tr><td>DOUBLE</td><td>{@link Double}</td><td>Float</td></tr>
 *   <tr><td>STRING</td><td>{@link String}</td><td>any CharSequence</td></tr>
 *   <tr><td>TIMESTAMP</td><td>{@link Instant}</td><td>OffsetDateTime, ZonedDateTime, java.util.Date</td></tr>
 *   <tr><td>JSON</td><td>{@link String} holding JSON text</td><td>any CharSequence</td></tr>
 * </table>
 */
public enum ColumnType {
    /** True or false. */
    BOOLEAN(Boolean.class),
    /** A 64-bit signed integer. */
    LONG(Long.class),
    /** A 64-bit floating-point number. */
    DOUBLE(Double.class),
    /** Text. */
    STRING(String.class),
    /** A point in time, held as an {@link Instant}. */
    TIMESTAMP(Instant.class),
    /** A JSON value, held as its text. */
    JSON(String.class);

    private final Class<?> javaType;

    ColumnType(Class<?> javaType) {
        this.javaType = javaType;
    }

    /** {@return the Java class of a non-null value of this type} */
    public Class<?> javaType() {
        return javaType;
    }

    /**
     * Converts a value to this type's Java value without losing information, or returns null
     * when it cannot. {@code null} stays {@code null}; callers check for that first.
     */
    Object normalize(Object value) {
        if (javaType.isInstance(value)) {
            return value;
        }
        switch (this) {
            case LONG:
                if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
                    return ((Number) value).longValue();
                }
                return null;
            case DOUBLE:
                return value instanceof Float f ? Double.valueOf(f.doubleValue()) : null;
            case STRING:
            case JSON:
                return value instanceof CharSequence ? value.toString() : null;
            case TIMESTAMP:
                if (value instanceof OffsetDateTime o) {
                    return o.toInstant();
                }
                if (value instanceof ZonedDateTime z) {
                    return z.toInstant();
                }
                if (value instanceof Date d) {
                    // java.sql.Timestamp keeps nanoseconds; java.sql.Date/Time do not support toInstant().
                    return d instanceof java.sql.Timestamp t ? t.toInstant() : Instant.ofEpochMilli(d.getTime());
                }
                return null;
            default:
                return null;
        }
    }
}

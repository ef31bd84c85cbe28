package io.ferry.core.record;

import io.ferry.core.FerryConfigException;
import io.ferry.core.FerryDataException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;

/**
 * An immutable row bound to a {@link Schema}. Values are checked against their column types
 * when the record is built; any value may be null.
 *
 * <pre>{@code
 * Record row = Record.of(schema, 200L, null);
 * long code = row.getLong("code");
 * boolean missing = row.isNull("cnt");
 * }</pre>
 *
 * <p>See {@link ColumnType} for the Java value of each type and the conversions accepted when
 * building (for example an {@code Integer} for a LONG column is stored as a {@code Long}).
 */
public final class Record {
    private static final String SOURCE = "record";

    private final Schema schema;
    private final Object[] values;

    private Record(Schema schema, Object[] values) {
        this.schema = schema;
        this.values = values;
    }

    /**
     * A record of the given values, one per column in schema order.
     *
     * @param schema the schema the record is bound to
     * @param values the values, one per column
     * @return the record
     * @throws FerryDataException if the count is wrong or a value does not fit its column
     */
    public static Record of(Schema schema, Object... values) {
        FerryConfigException.requireNonNull(schema, "schema");
        // Record.of(schema, null) passes a null array: read it as one null value.
        Object[] given = values == null ? new Object[] {null} : values;
        return create(schema, given, SOURCE, 0);
    }

    /**
     * A record from a map of column name to value. Missing names are null; a name that is not a
     * column is an error (it is usually a typo, and dropping it silently would lose data).
     *
     * @param schema the schema the record is bound to
     * @param values the values by column name
     * @return the record
     * @throws FerryDataException if a key is not a column or a value does not fit its column
     */
    public static Record ofMap(Schema schema, Map<String, ?> values) {
        return fromMap(schema, values, SOURCE, 0);
    }

    static Record fromMap(Schema schema, Map<String, ?> values, String source, long line) {
        FerryConfigException.requireNonNull(schema, "schema");
        FerryConfigException.requireNonNull(values, "values");
        Object[] ordered = new Object[schema.size()];
        for (Map.Entry<String, ?> e : values.entrySet()) {
            int i = schema.indexOf(e.getKey());
            if (i < 0) {
                throw new FerryDataException(source, line, e.getKey(),
                        "not a column of the schema; the columns are " + schema.names());
            }
            ordered[i] = e.getValue();
        }
        return create(schema, ordered, source, line);
    }

    static Record create(Schema schema, Object[] values, String source, long line) {
        if (values.length != schema.size()) {
            throw new FerryDataException(source, line, null,
                    "expected " + schema.size() + " values " + schema.names() + ", got " + values.length);
        }
        Object[] copy = new Object[values.length];
        for (int i = 0; i < values.length; i++) {
            Object v = values[i];
            if (v != null) {
                Column c = schema.column(i);
                Object normalized = c.type().normalize(v);
                if (normalized == null) {
                    throw new FerryDataException(source, line, c.name(),
                            "a " + v.getClass().getSimpleName() + " cannot be stored in a "
                                    + c.type() + " column; expected " + c.type().javaType().getSimpleName());
                }
                v = normalized;
            }
            copy[i] = v;
        }
        return new Record(schema, copy);
    }

    /** {@return the schema this record is bound to} */
    public Schema schema() {
        return schema;
    }

    /** {@return the number of values, equal to the schema's size} */
    public int size() {
        return values.length;
    }

    /**
     * The value at a 0-based column index, or null.
     *
     * @param index a 0-based column index
     * @return the value, or null
     */
    public Object get(int index) {
        return values[index];
    }

    /**
     * The value of the named column, or null.
     *
     * @param column a column name
     * @return the value, or null
     * @throws io.ferry.core.FerryConfigException if there is no such column
     */
    public Object get(String column) {
        return values[schema.requireIndex(column)];
    }

    /**
     * Whether the value at a 0-based index is null.
     *
     * @param index a 0-based column index
     * @return whether the value is null
     */
    public boolean isNull(int index) {
        return values[index] == null;
    }

    /**
     * Whether the value of the named column is null.
     *
     * @param column a column name
     * @return whether the value is null
     */
    public boolean isNull(String column) {
        return get(column) == null;
    }

    /**
     * The LONG value at an index, or null.
     *
     * @param index a 0-based column index
     * @return the value, or null
     */
    public Long getLong(int index) {
        return typed(index, ColumnType.LONG, Long.class);
    }

    /**
     * The LONG value of the named column, or null.
     *
     * @param column a column name
     * @return the value, or null
     */
    public Long getLong(String column) {
        return getLong(schema.requireIndex(column));
    }

    /**
     * The DOUBLE value at an index, or null.
     *
     * @param index a 0-based column index
     * @return the value, or null
     */
    public Double getDouble(int index) {
        return typed(index, ColumnType.DOUBLE, Double.class);
    }

    /**
     * The DOUBLE value of the named column, or null.
     *
     * @param column a column name
     * @return the value, or null
     */
    public Double getDouble(String column) {
        return getDouble(schema.requireIndex(column));
    }

    /**
     * The BOOLEAN value at an index, or null.
     *
     * @param index a 0-based column index
     * @return the value, or null
     */
    public Boolean getBoolean(int index) {
        return typed(index, ColumnType.BOOLEAN, Boolean.class);
    }

    /**
     * The BOOLEAN value of the named column, or null.
     *
     * @param column a column name
     * @return the value, or null
     */
    public Boolean getBoolean(String column) {
        return getBoolean(schema.requireIndex(column));
    }

    /**
     * The TIMESTAMP value at an index, or null.
     *
     * @param index a 0-based column index
     * @return the value, or null
     */
    public Instant getInstant(int index) {
        return typed(index, ColumnType.TIMESTAMP, Instant.class);
    }

    /**
     * The TIMESTAMP value of the named column, or null.
     *
     * @param column a column name
     * @return the value, or null
     */
    public Instant getInstant(String column) {
        return getInstant(schema.requireIndex(column));
    }

    /**
     * The STRING or JSON value at an index (JSON as its text), or null.
     *
     * @param index a 0-based column index
     * @return the value, or null
     */
    public String getString(int index) {
        ColumnType t = schema.column(index).type();
        if (t != ColumnType.STRING && t != ColumnType.JSON) {
            throw wrongType(index, "STRING or JSON");
        }
        return (String) values[index];
    }

    /**
     * The STRING or JSON value of the named column (JSON as its text), or null.
     *
     * @param column a column name
     * @return the value, or null
     */
    public String getString(String column) {
        return getString(schema.requireIndex(column));
    }

    private <T> T typed(int index, ColumnType expected, Class<T> type) {
        if (schema.column(index).type() != expected) {
            throw wrongType(index, expected.name());
        }
        return type.cast(values[index]);
    }

    private FerryConfigException wrongType(int index, String expected) {
        Column c = schema.column(index);
        return new FerryConfigException(c.name(), "column '" + c.name() + "' is " + c.type() + ", not " + expected
                + "; use the getter of its type, or get(...)");
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Record other && other.schema.equals(schema)
                && Arrays.equals(other.values, values);
    }

    @Override
    public int hashCode() {
        return schema.hashCode() * 31 + Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("{");
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                sb.append(", ");
            }
            sb.append(schema.column(i).name()).append('=').append(values[i]);
        }
        return sb.append('}').toString();
    }
}

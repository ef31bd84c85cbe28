package io.ferry.core.filter;

import com.fasterxml.jackson.core.JsonPointer;
import io.ferry.core.FerryConfigException;
import io.ferry.core.record.Column;
import io.ferry.core.record.ColumnType;

/**
 * One column that {@link ExpandJsonFilter} takes out of a JSON value: where (a JSON pointer, RFC
 * 6901, such as {@code /user/id} or {@code /items/0/sku}) and as which column. Immutable.
 *
 * <pre>{@code
 * JsonField.of("/user/id", "user_id", ColumnType.LONG)
 * }</pre>
 *
 * <p>How a JSON value becomes a column value: a missing value or JSON {@code null} gives null.
 * LONG takes integers, decimals without a fraction ({@code 3.0}) and strings holding an integer;
 * DOUBLE numbers and numeric strings; BOOLEAN {@code true}/{@code false} and those strings;
 * STRING any scalar as its text and objects or arrays as JSON text; TIMESTAMP an ISO-8601 string
 * ({@code 2024-01-02T03:04:05Z}, with an offset, or without one read as UTC, {@code T} or a space
 * between date and time) or an integer of epoch seconds; JSON any value as JSON text. Anything
 * else is a {@link io.ferry.core.FerryDataException} naming the column.
 */
public final class JsonField {
    private final String pointer;
    private final Column column;

    private JsonField(String pointer, Column column) {
        this.pointer = pointer;
        this.column = column;
    }

    /**
     * A field at {@code pointer} giving the column {@code name} of type {@code type}.
     *
     * @param pointer the JSON pointer of the field, e.g. {@code /user/id}
     * @param name the name of the new column
     * @param type the type of the new column
     * @return the field
     * @throws FerryConfigException (option {@code expandJson}) if the pointer is malformed
     */
    public static JsonField of(String pointer, String name, ColumnType type) {
        return of(pointer, Column.of(name, type));
    }

    /**
     * A field at {@code pointer} giving {@code column}.
     *
     * @param pointer the JSON pointer of the field, e.g. {@code /user/id}
     * @param column the new column
     * @return the field
     * @throws FerryConfigException (option {@code expandJson}) if the pointer is malformed
     */
    public static JsonField of(String pointer, Column column) {
        FerryConfigException.requireNonNull(pointer, "pointer");
        FerryConfigException.requireNonNull(column, "column");
        try {
            JsonPointer.compile(pointer);
        } catch (IllegalArgumentException e) {
            throw new FerryConfigException("expandJson", "'" + pointer + "' is not a JSON pointer; write a '/' "
                    + "before each key or array index, as in /user/id or /items/0 (~1 stands for '/' and ~0 for "
                    + "'~' inside a key)", e);
        }
        return new JsonField(pointer, column);
    }

    /** {@return the JSON pointer, as given} */
    public String pointer() {
        return pointer;
    }

    /** {@return the column the value goes to} */
    public Column column() {
        return column;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof JsonField other && other.pointer.equals(pointer)
                && other.column.equals(column);
    }

    @Override
    public int hashCode() {
        return pointer.hashCode() * 31 + column.hashCode();
    }

    @Override
    public String toString() {
        return pointer + "->" + column;
    }
}

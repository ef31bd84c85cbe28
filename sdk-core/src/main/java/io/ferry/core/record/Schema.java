package io.ferry.core.record;

import io.ferry.core.FerryConfigException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * An ordered list of uniquely named columns. Immutable and safe to share.
 *
 * <pre>{@code
 * Schema schema = Schema.of(Column.of("code", ColumnType.LONG), Column.of("cnt", ColumnType.LONG));
 * int i = schema.indexOf("cnt"); // 1
 * }</pre>
 */
public final class Schema {
    private final List<Column> columns;
    private final Map<String, Integer> indexByName;

    private Schema(List<Column> columns) {
        this.columns = List.copyOf(columns);
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < this.columns.size(); i++) {
            Column c = this.columns.get(i);
            if (index.putIfAbsent(c.name(), i) != null) {
                throw new FerryConfigException("schema",
                        "column name '" + c.name() + "' appears twice; column names must be unique");
            }
        }
        this.indexByName = Map.copyOf(index);
    }

    /**
     * A schema of the given columns, in order. Names must be unique.
     *
     * @param columns the columns
     * @return the schema
     */
    public static Schema of(Column... columns) {
        return new Schema(Arrays.asList(FerryConfigException.requireNonNull(columns, "columns")));
    }

    /**
     * A schema of the given columns, in order. Names must be unique.
     *
     * @param columns the columns
     * @return the schema
     */
    public static Schema of(List<Column> columns) {
        FerryConfigException.requireNonNull(columns, "columns");
        return new Schema(columns);
    }

    /** {@return the columns, in order; an unmodifiable list} */
    public List<Column> columns() {
        return columns;
    }

    /** {@return the column names, in order} */
    public List<String> names() {
        return columns.stream().map(Column::name).collect(Collectors.toUnmodifiableList());
    }

    /** {@return the number of columns} */
    public int size() {
        return columns.size();
    }

    /**
     * The column at a 0-based index.
     *
     * @param index a 0-based column index
     * @return the column
     */
    public Column column(int index) {
        return columns.get(index);
    }

    /**
     * The column with this name.
     *
     * @param name a column name
     * @return the column
     * @throws FerryConfigException naming the column and the ones that exist, if there is none
     */
    public Column column(String name) {
        return columns.get(requireIndex(name));
    }

    /**
     * The column with this name, if any.
     *
     * @param name a column name
     * @return the column, or empty
     */
    public Optional<Column> findColumn(String name) {
        int i = indexOf(name);
        return i < 0 ? Optional.empty() : Optional.of(columns.get(i));
    }

    /**
     * The 0-based index of the column with this name, or -1.
     *
     * @param name a column name
     * @return the index, or -1
     */
    public int indexOf(String name) {
        FerryConfigException.requireNonNull(name, "column");
        Integer i = indexByName.get(name);
        return i == null ? -1 : i;
    }

    /**
     * The 0-based index of the column with this name.
     *
     * @param name a column name
     * @return the index
     * @throws FerryConfigException naming the column and the ones that exist, if there is none
     */
    public int requireIndex(String name) {
        int i = indexOf(name);
        if (i < 0) {
            throw new FerryConfigException("column",
                    "no column named '" + name + "'; the columns are " + names());
        }
        return i;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Schema other && other.columns.equals(columns);
    }

    @Override
    public int hashCode() {
        return columns.hashCode();
    }

    @Override
    public String toString() {
        return columns.toString();
    }
}

package io.ferry.core.filter;

import io.ferry.core.FerryConfigException;
import io.ferry.core.record.Column;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Factories for the built-in {@link RecordFilter}s, the filters of Treasure Data's import
 * connectors as a Java API. Combine them with {@link FilterChain#of}.
 *
 * <pre>{@code
 * FilterChain chain = FilterChain.of(
 *         Filters.expandJson("payload", List.of(JsonField.of("/user/email", "email", ColumnType.STRING))),
 *         Filters.digest("email", Optional.of(pepper)),
 *         Filters.drop("debug"),
 *         Filters.add(Column.of("source", ColumnType.STRING), "s3"),
 *         Filters.addTime(Clock.systemUTC()));
 * }</pre>
 */
public final class Filters {
    private Filters() {
    }

    /** Keeps only these columns, in this order. See {@link RetainColumnsFilter}. */
    public static RetainColumnsFilter retain(String... columns) {
        return RetainColumnsFilter.of(Arrays.asList(FerryConfigException.requireNonNull(columns, "retain")));
    }

    /** Keeps only these columns, in this order. See {@link RetainColumnsFilter}. */
    public static RetainColumnsFilter retain(List<String> columns) {
        return RetainColumnsFilter.of(columns);
    }

    /** Removes these columns. See {@link DropColumnsFilter}. */
    public static DropColumnsFilter drop(String... columns) {
        return DropColumnsFilter.of(Arrays.asList(FerryConfigException.requireNonNull(columns, "drop")));
    }

    /** Removes these columns. See {@link DropColumnsFilter}. */
    public static DropColumnsFilter drop(List<String> columns) {
        return DropColumnsFilter.of(columns);
    }

    /**
     * Appends a column with a constant value (null allowed) that must fit the column's type.
     * See {@link AddColumnFilter}.
     *
     * @throws io.ferry.core.FerryConfigException (option {@code add}) if the value does not fit
     */
    public static AddColumnFilter add(Column column, Object value) {
        return AddColumnFilter.of(column, value);
    }

    /** Takes typed columns out of a JSON column by JSON pointer. See {@link ExpandJsonFilter}. */
    public static ExpandJsonFilter expandJson(String column, List<JsonField> fields) {
        return ExpandJsonFilter.of(column, fields);
    }

    /** Replaces a column by its SHA-256 hex, of {@code salt + value} when salted. See {@link DigestFilter}. */
    public static DigestFilter digest(String column, Optional<String> salt) {
        return DigestFilter.of(column, salt);
    }

    /** Replaces a column by its unsalted SHA-256 hex. See {@link DigestFilter}. */
    public static DigestFilter digest(String column) {
        return DigestFilter.of(column, Optional.empty());
    }

    /**
     * Adds a {@code time} LONG column holding the upload time in epoch seconds, read from the
     * clock now and at each {@link RecordFilter#forRun()}. See {@link AddTimeFilter}.
     */
    public static AddTimeFilter addTime(Clock clock) {
        return AddTimeFilter.uploadTime(clock);
    }

    /**
     * Adds a {@code time} LONG column from a TIMESTAMP or LONG (epoch seconds) column. See
     * {@link AddTimeFilter}.
     */
    public static AddTimeFilter addTime(String sourceColumn) {
        return AddTimeFilter.fromColumn(sourceColumn);
    }
}

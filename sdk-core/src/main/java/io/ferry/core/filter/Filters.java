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

    /**
     * Keeps only these columns, in this order. See {@link RetainColumnsFilter}.
     *
     * @param columns the columns to keep
     * @return the filter
     */
    public static RetainColumnsFilter retain(String... columns) {
        return RetainColumnsFilter.of(Arrays.asList(FerryConfigException.requireNonNull(columns, "retain")));
    }

    /**
     * Keeps only these columns, in this order. See {@link RetainColumnsFilter}.
     *
     * @param columns the columns to keep
     * @return the filter
     */
    public static RetainColumnsFilter retain(List<String> columns) {
        return RetainColumnsFilter.of(columns);
    }

    /**
     * Removes these columns. See {@link DropColumnsFilter}.
     *
     * @param columns the columns to remove
     * @return the filter
     */
    public static DropColumnsFilter drop(String... columns) {
        return DropColumnsFilter.of(Arrays.asList(FerryConfigException.requireNonNull(columns, "drop")));
    }

    /**
     * Removes these columns. See {@link DropColumnsFilter}.
     *
     * @param columns the columns to remove
     * @return the filter
     */
    public static DropColumnsFilter drop(List<String> columns) {
        return DropColumnsFilter.of(columns);
    }

    /**
     * Appends a column with a constant value (null allowed) that must fit the column's type.
     * See {@link AddColumnFilter}.
     *
     * @param column the column to append
     * @param value the value every record gets in it, or null
     * @return the filter
     * @throws io.ferry.core.FerryConfigException (option {@code add}) if the value does not fit
     */
    public static AddColumnFilter add(Column column, Object value) {
        return AddColumnFilter.of(column, value);
    }

    /**
     * Takes typed columns out of a JSON column by JSON pointer. See {@link ExpandJsonFilter}.
     *
     * @param column the JSON column to read
     * @param fields the fields to take out, one new column each
     * @return the filter
     */
    public static ExpandJsonFilter expandJson(String column, List<JsonField> fields) {
        return ExpandJsonFilter.of(column, fields);
    }

    /**
     * Replaces a column by its SHA-256 hex, of {@code salt + value} when salted. See {@link DigestFilter}.
     *
     * @param column the column to replace
     * @param salt the salt put before each value, or empty for none
     * @return the filter
     */
    public static DigestFilter digest(String column, Optional<String> salt) {
        return DigestFilter.of(column, salt);
    }

    /**
     * Replaces a column by its unsalted SHA-256 hex. See {@link DigestFilter}.
     *
     * @param column the column to replace
     * @return the filter
     */
    public static DigestFilter digest(String column) {
        return DigestFilter.of(column, Optional.empty());
    }

    /**
     * Adds a {@code time} LONG column holding the upload time in epoch seconds, read from the
     * clock now and at each {@link RecordFilter#forRun()}. See {@link AddTimeFilter}.
     *
     * @param clock the clock the upload time is read from
     * @return the filter
     */
    public static AddTimeFilter addTime(Clock clock) {
        return AddTimeFilter.uploadTime(clock);
    }

    /**
     * Adds a {@code time} LONG column from a TIMESTAMP or LONG (epoch seconds) column. See
     * {@link AddTimeFilter}.
     *
     * @param sourceColumn the TIMESTAMP or LONG column the time is copied from
     * @return the filter
     */
    public static AddTimeFilter addTime(String sourceColumn) {
        return AddTimeFilter.fromColumn(sourceColumn);
    }
}

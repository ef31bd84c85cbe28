package io.ferry.core.filter;

import io.ferry.core.FerryConfigException;
import io.ferry.core.filter.internal.ColumnChecks;
import io.ferry.core.filter.internal.FilterPlan;
import io.ferry.core.record.Column;
import io.ferry.core.record.ColumnType;
import io.ferry.core.record.Record;
import io.ferry.core.record.Schema;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Adds a LONG column of epoch seconds, named {@code time} unless {@link #named renamed}, as
 * Treasure Data tables expect. The time comes either from the upload time (one instant read from
 * a {@link Clock} when the filter is made and again at each {@link #forRun()}, so every row of a
 * run gets the same value) or from a TIMESTAMP column (its epoch second, rounded down) or LONG
 * column (taken as epoch seconds); a null source value gives a null time.
 *
 * <p>The column is appended; when it has the source column's name it replaces that column in
 * place. Configuration errors (option {@code addTime}): a missing source column, a source that is
 * neither TIMESTAMP nor LONG, a target name that another column already has. Immutable and
 * thread-safe; made by {@link Filters#addTime(Clock)} and {@link Filters#addTime(String)}.
 */
public final class AddTimeFilter extends PlannedFilter {
    /** The default name of the added column. */
    public static final String DEFAULT_NAME = "time";

    private final String name;
    private final String sourceColumn;
    private final Clock clock;
    private final Instant uploadTime;

    private AddTimeFilter(String name, String sourceColumn, Clock clock, Instant uploadTime) {
        this.name = name;
        this.sourceColumn = sourceColumn;
        this.clock = clock;
        this.uploadTime = uploadTime;
    }

    static AddTimeFilter uploadTime(Clock clock) {
        FerryConfigException.requireNonNull(clock, "clock");
        return new AddTimeFilter(DEFAULT_NAME, null, clock, clock.instant());
    }

    static AddTimeFilter fromColumn(String column) {
        FerryConfigException.requireNonNull(column, "column");
        if (column.isEmpty()) {
            throw new FerryConfigException("addTime", "the source column name must not be empty");
        }
        return new AddTimeFilter(DEFAULT_NAME, column, null, null);
    }

    /**
     * A copy that names the added column {@code name} instead of {@value #DEFAULT_NAME}.
     *
     * @param name the name of the added column
     * @return the copy
     */
    public AddTimeFilter named(String name) {
        FerryConfigException.requireNonNull(name, "name");
        if (name.isEmpty()) {
            throw new FerryConfigException("addTime", "the time column name must not be empty");
        }
        return new AddTimeFilter(name, sourceColumn, clock, uploadTime);
    }

    /** {@return the name of the added column} */
    public String columnName() {
        return name;
    }

    /** {@return the column the time comes from, or empty for the upload time} */
    public Optional<String> sourceColumn() {
        return Optional.ofNullable(sourceColumn);
    }

    /** {@return the upload time every row gets, or empty when the time comes from a column} */
    public Optional<Instant> uploadTime() {
        return Optional.ofNullable(uploadTime);
    }

    /** For the upload time: a copy holding a fresh instant from the clock; otherwise this filter. */
    @Override
    public AddTimeFilter forRun() {
        return clock == null ? this : new AddTimeFilter(name, null, clock, clock.instant());
    }

    @Override
    FilterPlan plan(Schema input) {
        List<Column> columns = new ArrayList<>(input.columns());
        Column time = Column.of(name, ColumnType.LONG);
        if (sourceColumn == null) {
            ColumnChecks.requireAbsent(input, name, "addTime");
            columns.add(time);
            return new Plan(-1, columns.size() - 1, Schema.of(columns));
        }
        int source = ColumnChecks.require(input, sourceColumn, "addTime", "take the time from");
        ColumnType type = input.column(source).type();
        if (type != ColumnType.TIMESTAMP && type != ColumnType.LONG) {
            throw new FerryConfigException("addTime", "column '" + sourceColumn + "' is " + type
                    + "; the time comes from a TIMESTAMP or LONG (epoch seconds) column");
        }
        if (name.equals(sourceColumn)) {
            columns.set(source, time);
            return new Plan(source, source, Schema.of(columns));
        }
        ColumnChecks.requireAbsent(input, name, "addTime");
        columns.add(time);
        return new Plan(source, columns.size() - 1, Schema.of(columns));
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof AddTimeFilter a)) {
            return false;
        }
        return a.name.equals(name) && Objects.equals(a.sourceColumn, sourceColumn)
                && Objects.equals(a.uploadTime, uploadTime);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, sourceColumn, uploadTime);
    }

    @Override
    public String toString() {
        return "addTime[" + name + " from " + (sourceColumn == null ? "upload time " + uploadTime : sourceColumn) + "]";
    }

    private final class Plan extends FilterPlan {
        private final int source;
        private final int target;

        Plan(int source, int target, Schema output) {
            super(output);
            this.source = source;
            this.target = target;
        }

        @Override
        public Record apply(Record record) {
            Object[] values = copyValues(record, output().size());
            Long time;
            if (source < 0) {
                time = uploadTime.getEpochSecond();
            } else {
                Object v = record.get(source);
                time = v instanceof Instant i ? Long.valueOf(i.getEpochSecond()) : (Long) v;
            }
            values[target] = time;
            return Record.of(output(), values);
        }
    }
}

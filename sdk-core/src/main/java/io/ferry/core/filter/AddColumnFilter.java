package io.ferry.core.filter;

import io.ferry.core.FerryConfigException;
import io.ferry.core.FerryDataException;
import io.ferry.core.filter.internal.ColumnChecks;
import io.ferry.core.filter.internal.FilterPlan;
import io.ferry.core.record.Column;
import io.ferry.core.record.Record;
import io.ferry.core.record.Schema;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Appends a column holding the same typed constant (or null) in every record. The value must fit
 * the column's type as when building a {@link Record} (an {@code Integer} for a LONG column is
 * stored as a {@code Long}); a column of that name already in the input is a configuration error
 * (option {@code add}). Immutable and thread-safe; made by {@link Filters#add}.
 */
public final class AddColumnFilter extends PlannedFilter {
    private final Column column;
    private final Object value;

    private AddColumnFilter(Column column, Object value) {
        this.column = column;
        this.value = value;
    }

    static AddColumnFilter of(Column column, Object value) {
        FerryConfigException.requireNonNull(column, "column");
        try {
            return new AddColumnFilter(column, Record.of(Schema.of(column), value).get(0));
        } catch (FerryDataException e) {
            throw new FerryConfigException("add", "the value for column '" + column.name() + "' does not fit: "
                    + e.reason(), e);
        }
    }

    /** {@return the added column} */
    public Column column() {
        return column;
    }

    /** {@return the constant value, in the column type's Java class, or null} */
    public Object value() {
        return value;
    }

    @Override
    FilterPlan plan(Schema input) {
        ColumnChecks.requireAbsent(input, column.name(), "add");
        List<Column> columns = new ArrayList<>(input.columns());
        columns.add(column);
        return new Plan(Schema.of(columns));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AddColumnFilter other && other.column.equals(column)
                && Objects.equals(other.value, value);
    }

    @Override
    public int hashCode() {
        return column.hashCode() * 31 + Objects.hashCode(value);
    }

    @Override
    public String toString() {
        return "add[" + column + "=" + value + "]";
    }

    private final class Plan extends FilterPlan {
        Plan(Schema output) {
            super(output);
        }

        @Override
        public Record apply(Record record) {
            Object[] values = copyValues(record, record.size() + 1);
            values[record.size()] = value;
            return Record.of(output(), values);
        }
    }
}

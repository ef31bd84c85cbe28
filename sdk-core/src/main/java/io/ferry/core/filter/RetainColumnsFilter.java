package io.ferry.core.filter;

import io.ferry.core.filter.internal.ColumnChecks;
import io.ferry.core.filter.internal.Projection;
import io.ferry.core.record.Schema;
import java.util.List;

/**
 * Keeps only the named columns, in the order they are named. A name that is not a column is a
 * configuration error (option {@code retain}). Immutable and thread-safe; made by
 * {@link Filters#retain}.
 */
public final class RetainColumnsFilter extends PlannedFilter {
    private final List<String> columns;

    private RetainColumnsFilter(List<String> columns) {
        this.columns = columns;
    }

    static RetainColumnsFilter of(List<String> columns) {
        return new RetainColumnsFilter(ColumnChecks.names(columns, "retain"));
    }

    /** {@return the columns kept, in output order} */
    public List<String> columns() {
        return columns;
    }

    @Override
    Projection plan(Schema input) {
        int[] indexes = new int[columns.size()];
        for (int i = 0; i < indexes.length; i++) {
            indexes[i] = ColumnChecks.require(input, columns.get(i), "retain", "retain");
        }
        return new Projection(input, indexes);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RetainColumnsFilter other && other.columns.equals(columns);
    }

    @Override
    public int hashCode() {
        return columns.hashCode();
    }

    @Override
    public String toString() {
        return "retain" + columns;
    }
}

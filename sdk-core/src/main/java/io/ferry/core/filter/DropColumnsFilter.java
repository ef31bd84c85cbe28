package io.ferry.core.filter;

import io.ferry.core.FerryConfigException;
import io.ferry.core.filter.internal.ColumnChecks;
import io.ferry.core.filter.internal.Projection;
import io.ferry.core.record.Schema;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Removes the named columns; the others keep their order. A name that is not a column, or
 * dropping every column, is a configuration error (option {@code drop}). Immutable and
 * thread-safe; made by {@link Filters#drop}.
 */
public final class DropColumnsFilter extends PlannedFilter {
    private final List<String> columns;

    private DropColumnsFilter(List<String> columns) {
        this.columns = columns;
    }

    static DropColumnsFilter of(List<String> columns) {
        return new DropColumnsFilter(ColumnChecks.names(columns, "drop"));
    }

    /** {@return the columns removed} */
    public List<String> columns() {
        return columns;
    }

    @Override
    Projection plan(Schema input) {
        Set<Integer> dropped = new HashSet<>();
        for (String column : columns) {
            dropped.add(ColumnChecks.require(input, column, "drop", "drop"));
        }
        if (dropped.size() == input.size()) {
            throw new FerryConfigException("drop", "dropping " + columns + " would leave no column; "
                    + "keep at least one");
        }
        int[] kept = new int[input.size() - dropped.size()];
        int k = 0;
        for (int i = 0; i < input.size(); i++) {
            if (!dropped.contains(i)) {
                kept[k++] = i;
            }
        }
        return new Projection(input, kept);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DropColumnsFilter other && other.columns.equals(columns);
    }

    @Override
    public int hashCode() {
        return columns.hashCode();
    }

    @Override
    public String toString() {
        return "drop" + columns;
    }
}

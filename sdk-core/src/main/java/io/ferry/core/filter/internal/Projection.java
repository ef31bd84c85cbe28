package io.ferry.core.filter.internal;

import io.ferry.core.record.Column;
import io.ferry.core.record.Record;
import io.ferry.core.record.Schema;
import java.util.ArrayList;
import java.util.List;

/** A plan that keeps some input columns, by index, in a given order. Immutable. Internal. */
public final class Projection extends FilterPlan {
    private final int[] indexes;

    /** Keeps the input columns at these indexes, in this order. */
    public Projection(Schema input, int[] indexes) {
        super(project(input, indexes));
        this.indexes = indexes.clone();
    }

    private static Schema project(Schema input, int[] indexes) {
        List<Column> columns = new ArrayList<>(indexes.length);
        for (int i : indexes) {
            columns.add(input.column(i));
        }
        return Schema.of(columns);
    }

    /** The projected record. */
    @Override
    public Record apply(Record record) {
        Object[] values = new Object[indexes.length];
        for (int i = 0; i < indexes.length; i++) {
            values[i] = record.get(indexes[i]);
        }
        return Record.of(output(), values);
    }
}

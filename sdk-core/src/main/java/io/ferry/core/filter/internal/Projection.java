package io.ferry.core.filter.internal;

import io.ferry.core.record.Column;
import io.ferry.core.record.Record;
import io.ferry.core.record.Schema;
import java.util.ArrayList;
import java.util.List;

/** A plan that keeps some input columns, by index, in a given order. Immutable. Internal. */
public final class Projection {
    private final int[] indexes;
    private final Schema output;

    /** Keeps the input columns at these indexes, in this order. */
    public Projection(Schema input, int[] indexes) {
        this.indexes = indexes.clone();
        List<Column> columns = new ArrayList<>(indexes.length);
        for (int i : indexes) {
            columns.add(input.column(i));
        }
        this.output = Schema.of(columns);
    }

    /** The schema of projected records. */
    public Schema output() {
        return output;
    }

    /** The projected record. */
    public Record apply(Record record) {
        Object[] values = new Object[indexes.length];
        for (int i = 0; i < indexes.length; i++) {
            values[i] = record.get(indexes[i]);
        }
        return Record.of(output, values);
    }
}

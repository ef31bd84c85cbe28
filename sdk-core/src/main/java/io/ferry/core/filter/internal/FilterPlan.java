package io.ferry.core.filter.internal;

import io.ferry.core.record.Record;
import io.ferry.core.record.Schema;

/**
 * What a filter decided for one input schema: the output schema, and how to turn a record of the
 * input schema into a record of the output schema. Made once per schema and cached by
 * {@link PlanCache}; immutable. Internal.
 */
public abstract class FilterPlan {
    private final Schema output;

    /** A plan whose records have schema {@code output}. */
    protected FilterPlan(Schema output) {
        this.output = output;
    }

    /** The schema of the records {@link #apply} makes. */
    public final Schema output() {
        return output;
    }

    /** The record of {@link #output()} made from {@code record}, a record of the planned input schema. */
    public abstract Record apply(Record record);

    /** The values of {@code record} at the start of a new array of {@code length}; the rest are null. */
    protected static Object[] copyValues(Record record, int length) {
        Object[] values = new Object[length];
        for (int i = 0; i < record.size(); i++) {
            values[i] = record.get(i);
        }
        return values;
    }
}

package io.ferry.core.filter.internal;

import io.ferry.core.FerryConfigException;
import io.ferry.core.record.Schema;
import java.util.function.Function;

/**
 * Remembers the plan a filter made for the last input schema it saw, so that applying a filter
 * to a stream of records of one schema plans once. Thread-safe: the entry is immutable and
 * published through a volatile field; two threads may plan the same schema twice, harmlessly.
 * Internal.
 *
 * @param <P> the plan type
 */
public final class PlanCache<P> {
    private final Function<Schema, P> planner;
    private volatile Entry<P> last;

    /** A cache over a planner, a pure function of the input schema. */
    public PlanCache(Function<Schema, P> planner) {
        this.planner = FerryConfigException.requireNonNull(planner, "planner");
    }

    /** The plan for this schema. */
    public P get(Schema schema) {
        Entry<P> e = last;
        if (e != null && (e.schema == schema || e.schema.equals(schema))) {
            return e.plan;
        }
        P plan = planner.apply(schema);
        last = new Entry<>(schema, plan);
        return plan;
    }

    private static final class Entry<P> {
        final Schema schema;
        final P plan;

        Entry(Schema schema, P plan) {
            this.schema = schema;
            this.plan = plan;
        }
    }
}

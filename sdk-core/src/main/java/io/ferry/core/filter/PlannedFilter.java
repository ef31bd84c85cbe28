package io.ferry.core.filter;

import io.ferry.core.FerryConfigException;
import io.ferry.core.filter.internal.FilterPlan;
import io.ferry.core.filter.internal.PlanCache;
import io.ferry.core.record.Record;
import io.ferry.core.record.Schema;

/**
 * The part every Ferry filter shares: it plans once per input schema (checking its configuration
 * against the schema) and applies the cached plan to each record. Package-private on purpose:
 * the public filters stay final classes whose API is {@link RecordFilter}'s.
 */
abstract class PlannedFilter implements RecordFilter {
    private final PlanCache<FilterPlan> plans = new PlanCache<>(this::plan);

    /**
     * The plan for records of {@code input}; a pure function of the schema.
     *
     * @throws io.ferry.core.FerryConfigException if the filter does not fit the schema
     */
    abstract FilterPlan plan(Schema input);

    @Override
    public final Schema outputSchema(Schema input) {
        return plans.get(FerryConfigException.requireNonNull(input, "input")).output();
    }

    @Override
    public final Record apply(Record record) {
        return plans.get(FerryConfigException.requireNonNull(record, "record").schema()).apply(record);
    }
}

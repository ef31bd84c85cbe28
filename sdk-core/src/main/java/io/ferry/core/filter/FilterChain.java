package io.ferry.core.filter;

import io.ferry.core.FerryConfigException;
import io.ferry.core.filter.internal.FilteringSink;
import io.ferry.core.record.Record;
import io.ferry.core.record.Schema;
import io.ferry.core.sink.RecordSink;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Filters applied in order, each to the output of the one before; itself a {@link RecordFilter}.
 * An empty chain passes records through. Immutable and thread-safe.
 *
 * <pre>{@code
 * FilterChain chain = FilterChain.of(Filters.drop("debug"), Filters.addTime("created_at"));
 * Schema out = chain.outputSchema(in);       // every filter checked against the schema it will see
 * RecordSink sink = chain.wrap(tableWriter); // records are filtered on their way into tableWriter
 * }</pre>
 */
public final class FilterChain implements RecordFilter {
    private static final FilterChain EMPTY = new FilterChain(List.of());

    private final List<RecordFilter> filters;

    private FilterChain(List<RecordFilter> filters) {
        this.filters = filters;
    }

    /**
     * A chain of these filters, applied in this order.
     *
     * @param filters the filters, applied in this order
     * @return the chain
     */
    public static FilterChain of(RecordFilter... filters) {
        return of(Arrays.asList(FerryConfigException.requireNonNull(filters, "filters")));
    }

    /**
     * A chain of these filters, applied in this order; the list is copied.
     *
     * @param filters the filters, applied in this order
     * @return the chain
     */
    public static FilterChain of(List<? extends RecordFilter> filters) {
        FerryConfigException.requireNonNull(filters, "filters");
        List<RecordFilter> copy = new ArrayList<>(filters.size());
        for (RecordFilter f : filters) {
            copy.add(FerryConfigException.requireNonNull(f, "filter"));
        }
        return copy.isEmpty() ? EMPTY : new FilterChain(List.copyOf(copy));
    }

    /** {@return the chain that changes nothing} */
    public static FilterChain empty() {
        return EMPTY;
    }

    /** {@return the filters, in order; unmodifiable} */
    public List<RecordFilter> filters() {
        return filters;
    }

    /**
     * A copy with {@code filter} added at the end.
     *
     * @param filter the filter to add
     * @return the new chain
     */
    public FilterChain then(RecordFilter filter) {
        List<RecordFilter> more = new ArrayList<>(filters);
        more.add(FerryConfigException.requireNonNull(filter, "filter"));
        return new FilterChain(List.copyOf(more));
    }

    /**
     * The schema after every filter; each filter is checked against the schema the previous one
     * produces.
     *
     * @throws io.ferry.core.FerryConfigException from the first filter that does not fit
     */
    @Override
    public Schema outputSchema(Schema input) {
        Schema schema = FerryConfigException.requireNonNull(input, "input");
        for (RecordFilter f : filters) {
            schema = f.outputSchema(schema);
        }
        return schema;
    }

    @Override
    public Record apply(Record record) {
        Record r = FerryConfigException.requireNonNull(record, "record");
        for (RecordFilter f : filters) {
            r = f.apply(r);
        }
        return r;
    }

    /** The chain with {@link RecordFilter#forRun()} applied to every filter. */
    @Override
    public FilterChain forRun() {
        List<RecordFilter> fresh = new ArrayList<>(filters.size());
        boolean changed = false;
        for (RecordFilter f : filters) {
            RecordFilter r = f.forRun();
            changed |= r != f;
            fresh.add(r);
        }
        return changed ? new FilterChain(List.copyOf(fresh)) : this;
    }

    /**
     * A sink that filters records on their way into {@code sink}. Its {@code open(schema)} takes
     * {@link #forRun()} of this chain, checks it against the schema (a configuration error there
     * leaves {@code sink} unopened) and opens {@code sink} with the output schema; {@code write}
     * passes on the filtered record, and fills the 1-based record number into a
     * {@link io.ferry.core.FerryDataException} from a filter; {@code commit} and {@code abort}
     * pass through. Like any sink, used by one thread.
     *
     * @param sink the sink that receives the filtered records
     * @return the filtering sink
     */
    public RecordSink wrap(RecordSink sink) {
        return new FilteringSink(this, FerryConfigException.requireNonNull(sink, "sink"));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FilterChain other && other.filters.equals(filters);
    }

    @Override
    public int hashCode() {
        return filters.hashCode();
    }

    @Override
    public String toString() {
        return "FilterChain" + filters;
    }
}

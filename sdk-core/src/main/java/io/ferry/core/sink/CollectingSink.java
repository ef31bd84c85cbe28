package io.ferry.core.sink;

import io.ferry.core.FerryConfigException;
import io.ferry.core.record.Record;
import io.ferry.core.record.Schema;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@link RecordSink} that keeps the records in memory: for tests, previews and small imports.
 * Records become visible through {@link #records()} only after {@link #commit()}; after
 * {@link #abort()} it holds none. Single-threaded, like every sink.
 *
 * <pre>{@code
 * CollectingSink sink = new CollectingSink();
 * imp.run(sink);
 * List<Record> rows = sink.records();
 * }</pre>
 */
public final class CollectingSink implements RecordSink {
    /** Where the sink is in its life cycle. */
    public enum State {
        /** Not opened yet. */
        NEW,
        /** Opened, receiving records. */
        OPEN,
        /** Committed: {@link #records()} holds what was written. */
        COMMITTED,
        /** Aborted: nothing was kept. */
        ABORTED
    }

    private final List<Record> pending = new ArrayList<>();
    private List<Record> committed = List.of();
    private Schema schema;
    private State state = State.NEW;

    /** A new, unopened sink. */
    public CollectingSink() {
        // nothing to set up
    }

    @Override
    public void open(Schema schema) {
        if (state != State.NEW) {
            throw new FerryConfigException("open", "the sink was already opened (state " + state + "); use a new sink");
        }
        this.schema = FerryConfigException.requireNonNull(schema, "schema");
        state = State.OPEN;
    }

    @Override
    public void write(Record record) {
        if (state != State.OPEN) {
            throw new FerryConfigException("write", "write() needs an open sink (state " + state + "); call open(schema) first");
        }
        pending.add(FerryConfigException.requireNonNull(record, "record"));
    }

    @Override
    public void commit() {
        if (state != State.OPEN) {
            throw new FerryConfigException("commit", "commit() needs an open sink (state " + state + "); call open(schema) first");
        }
        committed = List.copyOf(pending);
        pending.clear();
        state = State.COMMITTED;
    }

    @Override
    public void abort() {
        pending.clear();
        committed = List.of();
        state = State.ABORTED;
    }

    /** {@return the schema given to {@link #open}, or null before} */
    public Schema schema() {
        return schema;
    }

    /** {@return the committed records, in order; empty before commit and after abort} */
    public List<Record> records() {
        return committed;
    }

    /** {@return the life-cycle state} */
    public State state() {
        return state;
    }
}

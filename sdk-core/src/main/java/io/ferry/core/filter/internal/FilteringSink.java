package io.ferry.core.filter.internal;

import io.ferry.core.FerryConfigException;
import io.ferry.core.FerryDataException;
import io.ferry.core.filter.RecordFilter;
import io.ferry.core.record.Record;
import io.ferry.core.record.Schema;
import io.ferry.core.sink.RecordSink;

/** The sink returned by {@code FilterChain.wrap}; behaviour documented there. Internal. */
public final class FilteringSink implements RecordSink {
    private final RecordFilter chain;
    private final RecordSink sink;
    private RecordFilter run;
    private long count;

    /** Filters with {@code chain} into {@code sink}. */
    public FilteringSink(RecordFilter chain, RecordSink sink) {
        this.chain = chain;
        this.sink = sink;
    }

    @Override
    public void open(Schema schema) {
        RecordFilter fresh = chain.forRun();
        Schema output = fresh.outputSchema(schema);
        run = fresh;
        count = 0;
        sink.open(output);
    }

    @Override
    public void write(Record record) {
        if (run == null) {
            throw new FerryConfigException("write", "write() before open(schema); call open(schema) first");
        }
        count++;
        Record filtered;
        try {
            filtered = run.apply(record);
        } catch (FerryDataException e) {
            if (e.line() > 0) {
                throw e;
            }
            throw new FerryDataException(e.source(), count, e.column(), e.reason(), e);
        }
        sink.write(filtered);
    }

    @Override
    public void commit() {
        sink.commit();
    }

    @Override
    public void abort() {
        sink.abort();
    }

    @Override
    public String toString() {
        return "FilteringSink[" + chain + " -> " + sink + "]";
    }
}

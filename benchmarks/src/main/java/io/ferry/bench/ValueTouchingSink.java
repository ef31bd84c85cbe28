package io.ferry.bench;

import io.ferry.core.record.Record;
import io.ferry.core.record.Schema;
import io.ferry.core.sink.RecordSink;

/** Counts records and touches every value, like a sink that does real work would. */
final class ValueTouchingSink implements RecordSink {
    long rows;
    long hash;

    @Override
    public void open(Schema schema) {
        // nothing to prepare
    }

    @Override
    public void write(Record record) {
        rows++;
        for (int i = 0; i < record.size(); i++) {
            Object v = record.get(i);
            hash += v == null ? 1 : v.hashCode();
        }
    }

    @Override
    public void commit() {
        // nothing to publish
    }

    @Override
    public void abort() {
        // nothing to undo
    }
}

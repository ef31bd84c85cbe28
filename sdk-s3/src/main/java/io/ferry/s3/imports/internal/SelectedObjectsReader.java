package io.ferry.s3.imports.internal;

import io.ferry.core.FerryConfigException;
import io.ferry.core.FerryDataException;
import io.ferry.core.filter.RecordFilter;
import io.ferry.core.incremental.ListedObject;
import io.ferry.core.record.Record;
import io.ferry.core.record.Schema;
import io.ferry.formats.decode.DecodedInput;
import io.ferry.formats.read.BadRow;
import io.ferry.formats.read.ParserConfig;
import io.ferry.formats.read.RecordReader;
import io.ferry.s3.internal.S3ClientLease;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.http.Abortable;

/**
 * Pulls the records of given objects, object by object in the given order, each decoded and
 * parsed and then passed through the import's filters. The next small objects download ahead
 * through an {@link ObjectFetcher}, as in a run. Owns its S3 client lease. Single-threaded;
 * {@link #close()} is safe twice and stops the downloads.
 */
final class SelectedObjectsReader implements RecordReader {
    private final ImportPlan plan;
    private final ParserConfig parser;
    private final List<ListedObject> objects;
    private final RecordFilter filters;
    private final Schema schema;
    private final S3ClientLease lease;
    private final ObjectFetcher fetcher;
    private final List<BadRow> badRows = new ArrayList<>();
    private int index = -1;
    private InputStream raw;
    private DecodedInput input;
    private RecordReader part;
    private long skippedRows;
    private boolean closed;

    SelectedObjectsReader(ImportPlan plan, ParserConfig parser, List<ListedObject> objects) {
        this.plan = plan;
        this.parser = parser;
        this.objects = List.copyOf(objects);
        this.filters = plan.filters().forRun();
        this.schema = filters.outputSchema(parser.schema());
        this.lease = S3ClientLease.open(plan.connection());
        try {
            this.fetcher = new ObjectFetcher(lease.client(), plan.bucket(), this.objects, plan.concurrency(),
                    plan.maxBufferedBytes(), ImportRun.SMALL_OBJECT_LIMIT, plan.readAttempts());
        } catch (RuntimeException e) {
            lease.close();
            throw e;
        }
    }

    @Override
    public Schema schema() {
        return schema;
    }

    @Override
    public Record read() {
        if (closed) {
            throw new FerryConfigException("read", "read() after close(); open a new reader");
        }
        try {
            while (true) {
                if (part != null) {
                    Record r = part.read();
                    if (r != null) {
                        return filter(r);
                    }
                    finishPart();
                }
                if (input != null && input.nextPart()) {
                    part = parser.newReader(input.partName(), input.part());
                    continue;
                }
                if (!nextObject()) {
                    return null;
                }
            }
        } catch (RuntimeException e) {
            abortDownload();
            throw e;
        }
    }

    private Record filter(Record r) {
        try {
            return filters.apply(r);
        } catch (FerryDataException e) {
            if (e.line() > 0) {
                throw e;
            }
            throw new FerryDataException(objects.get(index).key(), part.line(), e.column(), e.reason(), e);
        }
    }

    private void finishPart() {
        skippedRows += part.skippedRows();
        for (BadRow b : part.badRows()) {
            if (badRows.size() < parser.badRowSamples()) {
                badRows.add(b);
            }
        }
        part.close();
        part = null;
    }

    /** Closes the current object and opens the next; false at the end. */
    private boolean nextObject() {
        if (input != null) {
            input.close();
            input = null;
            raw = null;
            fetcher.release(index);
        }
        if (index + 1 >= objects.size()) {
            return false;
        }
        index++;
        ListedObject o = objects.get(index);
        raw = fetcher.open(index);
        input = DecodedInput.open(plan.decoder(), o.key(), raw);
        return true;
    }

    /** Drops a half-read download instead of letting close() read the rest of it. */
    private void abortDownload() {
        if (raw instanceof Abortable a) {
            a.abort();
        }
    }

    @Override
    public long line() {
        return part == null ? 0 : part.line();
    }

    @Override
    public long skippedRows() {
        return skippedRows + (part == null ? 0 : part.skippedRows());
    }

    @Override
    public List<BadRow> badRows() {
        return List.copyOf(badRows);
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            if (part != null || input != null) {
                abortDownload();
            }
            if (part != null) {
                part.close();
            }
            if (input != null) {
                input.close();
            }
        } finally {
            fetcher.close();
            lease.close();
        }
    }
}

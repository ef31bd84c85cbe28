package io.ferry.s3.imports.internal;

import io.ferry.core.FerryDataException;
import io.ferry.core.FerryIoException;
import io.ferry.core.filter.FilterChain;
import io.ferry.core.incremental.ListedObject;
import io.ferry.core.incremental.ObjectSelector;
import io.ferry.core.incremental.Selection;
import io.ferry.core.record.Record;
import io.ferry.core.record.Schema;
import io.ferry.core.sink.RecordSink;
import io.ferry.formats.decode.Decoder;
import io.ferry.formats.guess.FormatGuesser;
import io.ferry.formats.guess.GuessResult;
import io.ferry.formats.read.BadRow;
import io.ferry.formats.read.BadRowPolicy;
import io.ferry.formats.read.ParserConfig;
import io.ferry.formats.read.Preview;
import io.ferry.s3.S3Connection;
import io.ferry.s3.export.internal.S3Errors;
import io.ferry.s3.imports.ImportedObject;
import io.ferry.s3.imports.S3Import;
import io.ferry.s3.internal.S3ClientLease;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;

/** The work behind {@code S3Import}: list, select, guess, preview and run. Immutable. */
public final class ImportEngine {
    private static final Logger LOG = LoggerFactory.getLogger(ImportEngine.class);

    private final S3Connection connection;
    private final String bucket;
    private final String prefix;
    private final ObjectSelector selector;
    private final boolean failOnNoFiles;
    private final ParserConfig parser;
    private final BadRowPolicy badRows;
    private final Decoder decoder;
    private final FilterChain filters;
    private final long maxBufferedBytes;
    private final int readAttempts;
    private final Clock clock;

    /** What a run did. */
    public static final class Outcome {
        private final Selection selection;
        private final List<ImportedObject> objects;
        private final long skippedRows;
        private final List<BadRow> badRows;

        Outcome(Selection selection, List<ImportedObject> objects, long skippedRows, List<BadRow> badRows) {
            this.selection = selection;
            this.objects = objects;
            this.skippedRows = skippedRows;
            this.badRows = badRows;
        }

        /** The selection the run read. */
        public Selection selection() {
            return selection;
        }

        /** The objects read, in key order. */
        public List<ImportedObject> objects() {
            return objects;
        }

        /** Bad rows skipped. */
        public long skippedRows() {
            return skippedRows;
        }

        /** The first bad rows skipped. */
        public List<BadRow> badRows() {
            return badRows;
        }
    }

    /**
     * An engine for one import's settings; {@code parser} null means guess at each call;
     * {@code readAttempts} bounds the GetObject calls per object when connections break.
     */
    public ImportEngine(S3Connection connection, String bucket, String prefix, ObjectSelector selector,
                        boolean failOnNoFiles, ParserConfig parser, BadRowPolicy badRows, Decoder decoder,
                        FilterChain filters, long maxBufferedBytes, int readAttempts, Clock clock) {
        this.connection = connection;
        this.bucket = bucket;
        this.prefix = prefix;
        this.selector = selector;
        this.failOnNoFiles = failOnNoFiles;
        this.parser = parser;
        this.badRows = badRows;
        this.decoder = decoder;
        this.filters = filters;
        this.maxBufferedBytes = maxBufferedBytes;
        this.readAttempts = readAttempts;
        this.clock = clock;
    }

    /** Guesses from the first selected object. */
    public GuessResult guess() {
        try (S3ClientLease lease = S3ClientLease.open(connection)) {
            Selection s = select(lease.client());
            if (s.selected().isEmpty()) {
                throw noFiles();
            }
            return guess(lease.client(), s.selected().get(0));
        }
    }

    /** The first {@code rows} records. */
    public Preview preview(int rows) {
        try (S3ClientLease lease = S3ClientLease.open(connection)) {
            Selection s = select(lease.client());
            ParserConfig p = parserFor(lease.client(), s);
            List<Record> records = new ArrayList<>();
            ListSink sink = new ListSink(records);
            RecordSink target = filters.filters().isEmpty() ? sink : filters.wrap(sink);
            target.open(p.schema());
            new ImportRun(lease.client(), bucket, decoder, p, connection.maxConcurrency(), maxBufferedBytes,
                    readAttempts)
                    .read(s.selected(), target, rows);
            return Preview.of(sink.schema == null ? p.schema() : sink.schema, records);
        }
    }

    /**
     * Imports into {@code sink}; on any failure (listing included, before the sink was opened)
     * aborts it and rethrows.
     */
    public Outcome run(RecordSink sink) {
        RecordSink target = filters.filters().isEmpty() ? sink : filters.wrap(sink);
        try (S3ClientLease lease = S3ClientLease.open(connection)) {
            Selection s = select(lease.client());
            s.skippedArchived().forEach(o -> LOG.warn("skipped s3://{}/{}: storage class {} needs a restore",
                    bucket, o.key(), o.storageClass()));
            if (s.selected().isEmpty() && failOnNoFiles) {
                throw noFiles();
            }
            if (s.selected().size() > 10_000) {
                LOG.info("importing {} objects from s3://{}/{}", s.selected().size(), bucket, prefix);
            }
            if (s.selected().isEmpty() && parser == null) {
                return new Outcome(s, List.of(), 0, List.of());
            }
            ParserConfig p = parserFor(lease.client(), s);
            ImportRun run = new ImportRun(lease.client(), bucket, decoder, p, connection.maxConcurrency(),
                    maxBufferedBytes, readAttempts);
            target.open(p.schema());
            run.read(s.selected(), target, 0);
            target.commit();
            return new Outcome(s, run.imported(), run.skippedRows(), run.badRows());
        } catch (RuntimeException e) {
            try {
                target.abort();
            } catch (RuntimeException abortFailure) {
                e.addSuppressed(abortFailure);
            }
            throw e;
        }
    }

    private Selection select(S3Client client) {
        Instant listedAt = clock.instant();
        String after = selector.listStartAfter().orElse(null);
        return selector.select(ObjectLister.list(client, bucket, prefix, after, readAttempts), listedAt);
    }

    private ParserConfig parserFor(S3Client client, Selection s) {
        ParserConfig p = parser;
        if (p == null) {
            if (s.selected().isEmpty()) {
                throw noFiles();
            }
            p = guess(client, s.selected().get(0)).parser();
        }
        return badRows == null ? p : p.toBuilder().badRows(badRows).build();
    }

    private GuessResult guess(S3Client client, ListedObject first) {
        byte[] head;
        try {
            head = client.getObjectAsBytes(r -> r.bucket(bucket).key(first.key())
                    .range("bytes=0-" + (S3Import.GUESS_RAW_BYTES - 1))).asByteArray();
        } catch (SdkException e) {
            throw new FerryIoException("cannot read s3://" + bucket + "/" + first.key() + ": " + S3Errors.describe(e),
                    e, S3Errors.retryable(e));
        }
        return FormatGuesser.guess(first.key(), head, first.size() <= head.length);
    }

    private FerryDataException noFiles() {
        return new FerryDataException("s3://" + bucket + "/" + prefix, 0, null, "no object matches"
                + selector.pathMatchPattern().map(p -> " the pattern '" + p + "'").orElse("")
                + selector.state().map(st -> " after the state " + st.toJson()).orElse("")
                + "; check pathPrefix, pathMatchPattern and the start point");
    }

    /** Collects preview records. */
    private static final class ListSink implements RecordSink {
        private final List<Record> records;
        private Schema schema;

        ListSink(List<Record> records) {
            this.records = records;
        }

        @Override
        public void open(Schema schema) {
            this.schema = schema;
        }

        @Override
        public void write(Record record) {
            records.add(record);
        }

        @Override
        public void commit() {
            // nothing to publish
        }

        @Override
        public void abort() {
            records.clear();
        }
    }
}

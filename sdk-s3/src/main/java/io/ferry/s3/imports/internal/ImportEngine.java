package io.ferry.s3.imports.internal;

import io.ferry.core.FerryDataException;
import io.ferry.core.incremental.ListedObject;
import io.ferry.core.incremental.ObjectSelector;
import io.ferry.core.incremental.Selection;
import io.ferry.core.sink.CollectingSink;
import io.ferry.core.sink.RecordSink;
import io.ferry.formats.guess.FormatGuesser;
import io.ferry.formats.guess.GuessResult;
import io.ferry.formats.read.ParserConfig;
import io.ferry.formats.read.Preview;
import io.ferry.s3.imports.ImportListener;
import io.ferry.s3.imports.ImportResult;
import io.ferry.s3.imports.S3Import;
import io.ferry.s3.internal.S3ClientLease;
import io.ferry.s3.internal.S3Errors;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;

/** The work behind {@code S3Import}: list, select, guess, preview and run. Immutable. */
public final class ImportEngine {
    private static final Logger LOG = LoggerFactory.getLogger(ImportEngine.class);

    private final ImportPlan plan;

    /** An engine for one import's plan. */
    public ImportEngine(ImportPlan plan) {
        this.plan = plan;
    }

    /** Guesses from the first selected object. */
    public GuessResult guess() {
        try (S3ClientLease lease = S3ClientLease.open(plan.connection())) {
            Selection s = select(lease.client());
            if (s.selected().isEmpty()) {
                throw noFiles();
            }
            return guess(lease.client(), s.selected().get(0));
        }
    }

    /** The first {@code rows} records. */
    public Preview preview(int rows) {
        try (S3ClientLease lease = S3ClientLease.open(plan.connection())) {
            Selection s = select(lease.client());
            ParserConfig p = parserFor(lease.client(), s);
            CollectingSink sink = new CollectingSink();
            RecordSink target = filtered(sink);
            target.open(p.schema());
            new ImportRun(lease.client(), plan, p, ImportListener.NONE, System.nanoTime()).read(s.selected(), target, rows);
            target.commit();
            return Preview.of(sink.schema(), sink.records());
        }
    }

    /**
     * Imports into {@code sink}; on any failure (listing included, before the sink was opened)
     * aborts it and rethrows.
     */
    public ImportResult run(RecordSink sink) {
        long start = System.nanoTime();
        RecordSink target = filtered(sink);
        try (S3ClientLease lease = S3ClientLease.open(plan.connection())) {
            Selection s = select(lease.client());
            s.skippedArchived().forEach(o -> LOG.warn("skipped s3://{}/{}: storage class {} needs a restore",
                    plan.bucket(), o.key(), o.storageClass()));
            if (s.selected().isEmpty() && plan.failOnNoFiles()) {
                throw noFiles();
            }
            if (s.selected().size() > 10_000) {
                LOG.info("importing {} objects from s3://{}/{}", s.selected().size(), plan.bucket(), plan.prefix());
            }
            ImportResult.Builder result = ImportResult.builder()
                    .skippedArchived(s.skippedArchived().stream().map(ListedObject::key).toList())
                    .nextState(plan.incremental() ? s.nextState().orElse(null) : null);
            if (s.selected().isEmpty() && plan.parser() == null) {
                return result.duration(Duration.ofNanos(System.nanoTime() - start)).build();
            }
            ParserConfig p = parserFor(lease.client(), s);
            ImportRun run = new ImportRun(lease.client(), plan, p, plan.listener(), start);
            target.open(p.schema());
            run.read(s.selected(), target, 0);
            target.commit();
            return result.objects(run.imported()).skippedRows(run.skippedRows()).badRows(run.badRows())
                    .duration(Duration.ofNanos(System.nanoTime() - start)).build();
        } catch (RuntimeException e) {
            try {
                target.abort();
            } catch (RuntimeException abortFailure) {
                e.addSuppressed(abortFailure);
            }
            throw e;
        }
    }

    private RecordSink filtered(RecordSink sink) {
        return plan.filters().filters().isEmpty() ? sink : plan.filters().wrap(sink);
    }

    private Selection select(S3Client client) {
        Instant listedAt = plan.clock().instant();
        ObjectSelector selector = plan.selector();
        String after = selector.listStartAfter().orElse(null);
        return selector.select(ObjectLister.list(client, plan.bucket(), selector.prefix(), after,
                plan.readAttempts()), listedAt);
    }

    /** The plan's parser config with its bad-row override, or one guessed from the first selected object. */
    ParserConfig parserFor(S3Client client, Selection s) {
        ParserConfig p = plan.parser();
        if (p == null) {
            if (s.selected().isEmpty()) {
                throw noFiles();
            }
            p = guess(client, s.selected().get(0)).parser();
        }
        return plan.badRows() == null ? p : p.toBuilder().badRows(plan.badRows()).build();
    }

    private GuessResult guess(S3Client client, ListedObject first) {
        byte[] head;
        try {
            head = client.getObjectAsBytes(r -> r.bucket(plan.bucket()).key(first.key())
                    .range("bytes=0-" + (S3Import.GUESS_RAW_BYTES - 1))).asByteArray();
        } catch (SdkException e) {
            throw S3Errors.cannot("read", plan.bucket(), first.key(), e);
        }
        return FormatGuesser.guess(first.key(), head, first.size() <= head.length);
    }

    /** The error of a run that selects nothing with {@code failOnNoFiles}. */
    FerryDataException noFiles() {
        ObjectSelector selector = plan.selector();
        return new FerryDataException("s3://" + plan.bucket() + "/" + plan.prefix(), 0, null, "no object matches"
                + selector.pathMatchPattern().map(p -> " the pattern '" + p + "'").orElse("")
                + selector.state().map(st -> " after the state " + st.toJson()).orElse("")
                + "; check pathPrefix, pathMatchPattern and the start point");
    }
}

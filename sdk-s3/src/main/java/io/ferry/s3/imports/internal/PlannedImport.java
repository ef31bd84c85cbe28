package io.ferry.s3.imports.internal;

import io.ferry.core.incremental.ListedObject;
import io.ferry.core.incremental.ObjectSelector;
import io.ferry.core.incremental.Selection;
import io.ferry.core.record.Schema;
import io.ferry.core.sink.RecordSink;
import io.ferry.formats.read.ParserConfig;
import io.ferry.formats.read.RecordReader;
import io.ferry.s3.imports.ImportResult;
import io.ferry.s3.imports.ImportSelection;
import io.ferry.s3.imports.SelectedObject;
import io.ferry.s3.internal.S3ClientLease;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * The split form of an import for parallel runners: {@link #plan()} lists, selects and guesses
 * once; {@link #read} and {@link #open} read a given part of the selection with the import's
 * decoder, parser overrides and filters. Immutable.
 */
public final class PlannedImport {
    private static final Logger LOG = LoggerFactory.getLogger(PlannedImport.class);

    private final ImportPlan plan;
    private final ImportEngine engine;

    /** The split form of {@code plan}; {@code engine} is the same import's engine. */
    public PlannedImport(ImportPlan plan, ImportEngine engine) {
        this.plan = plan;
        this.engine = engine;
    }

    /** Lists and selects once, guesses the parser when the plan has none and something was selected. */
    public ImportSelection plan() {
        try (S3ClientLease lease = S3ClientLease.open(plan.connection())) {
            S3Client client = lease.client();
            ObjectSelector selector = plan.selector();
            Instant listedAt = plan.clock().instant();
            List<S3Object> listing = ObjectLister.listObjects(client, plan.bucket(), selector.prefix(),
                    selector.listStartAfter().orElse(null), plan.readAttempts());
            Map<String, String> eTags = new HashMap<>();
            listing.forEach(o -> eTags.put(o.key(), o.eTag()));
            Selection s = selector.select(listing.stream().map(ObjectLister::toListed).toList(), listedAt);
            s.skippedArchived().forEach(o -> LOG.warn("skipped s3://{}/{}: storage class {} needs a restore",
                    plan.bucket(), o.key(), o.storageClass()));
            if (s.selected().isEmpty() && plan.failOnNoFiles()) {
                throw engine.noFiles();
            }
            ParserConfig parser = s.selected().isEmpty() && plan.parser() == null ? null : engine.parserFor(client, s);
            Schema schema = parser == null ? null : plan.filters().outputSchema(parser.schema());
            List<SelectedObject> objects = s.selected().stream()
                    .map(o -> SelectedObject.of(o.key(), o.size(), eTags.get(o.key()), o.lastModified()))
                    .toList();
            return ImportSelection.of(plan.bucket(), objects,
                    s.skippedArchived().stream().map(ListedObject::key).toList(), parser, schema,
                    plan.incremental() ? s.nextState().orElse(null) : null);
        }
    }

    /** Reads {@code objects} into {@code sink} (open, records, commit; abort and rethrow on failure). */
    public ImportResult read(List<SelectedObject> objects, ParserConfig parser, RecordSink sink) {
        long start = System.nanoTime();
        ParserConfig p = withOverrides(parser);
        RecordSink target = plan.filters().filters().isEmpty() ? sink : plan.filters().wrap(sink);
        try (S3ClientLease lease = S3ClientLease.open(plan.connection())) {
            ImportRun run = new ImportRun(lease.client(), plan, p, plan.listener(), start);
            target.open(p.schema());
            run.read(listed(objects), target, 0);
            target.commit();
            return ImportResult.builder().objects(run.imported()).skippedRows(run.skippedRows())
                    .badRows(run.badRows()).duration(Duration.ofNanos(System.nanoTime() - start)).build();
        } catch (RuntimeException e) {
            try {
                target.abort();
            } catch (RuntimeException abortFailure) {
                e.addSuppressed(abortFailure);
            }
            throw e;
        }
    }

    /** A reader of the records of {@code objects}, in order, after the filters. */
    public RecordReader open(List<SelectedObject> objects, ParserConfig parser) {
        ParserConfig p = withOverrides(parser);
        return new SelectedObjectsReader(plan, p, listed(objects));
    }

    private ParserConfig withOverrides(ParserConfig parser) {
        return plan.badRows() == null ? parser : parser.toBuilder().badRows(plan.badRows()).build();
    }

    private static List<ListedObject> listed(List<SelectedObject> objects) {
        return objects.stream().map(o -> ListedObject.of(o.key(), o.size(), o.lastModified(), null)).toList();
    }
}

package io.ferry.s3.export.internal;

import io.ferry.core.FerryConfigException;
import io.ferry.core.Secrets;
import io.ferry.core.record.Record;
import io.ferry.core.record.Schema;
import io.ferry.core.template.BoundKeyTemplate;
import io.ferry.core.template.KeyContext;
import io.ferry.core.template.PartitionKey;
import io.ferry.s3.export.ExportProgress;
import io.ferry.s3.export.ExportResult;
import io.ferry.s3.export.ExportWriter;
import io.ferry.s3.export.ExportedObject;
import io.ferry.s3.export.PreparedExport;
import io.ferry.s3.export.PreparedObject;
import io.ferry.s3.internal.S3ClientLease;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * One run of an export, following its {@link ExportPlan}: the {@link ObjectRouter} routes each
 * record to the object of its partition and rotates objects, the {@link KeyAllocator} gives each
 * object its key, and at commit the {@link Publisher} publishes everything (and rolls back a
 * failed commit). Objects retired by rotation are sealed (all parts uploaded) but published only
 * at commit, so a failed export leaves nothing visible. Single-threaded; part uploads run on the
 * run's {@link UploadPool}. Every object carries a write id of its own in its metadata, so the run
 * recognises its own writes whose answers were lost. At the end of every run, committed or not,
 * the {@link UploadSweep} aborts uploads a lost CreateMultipartUpload answer left behind, and a
 * probe object that could not be deleted at the start is deleted again. {@link #prepare()} ends a
 * writer of a two-phase export instead: every object is staged (all parts uploaded, nothing
 * visible), and the uploads are left for {@code S3Export.publish} or {@code abort}.
 */
public final class ExportSession implements ExportWriter {
    private static final Logger LOG = LoggerFactory.getLogger(ExportSession.class);
    private static final int PROGRESS_EVERY_ROWS = 10_000;

    private enum State { OPEN, COMMITTED, PREPARED, ABORTED }

    private final ExportPlan plan;
    private final String syncId;
    private final String table;
    private final String writerId;
    private final String exportToken;
    private final S3ClientLease lease;
    private final S3Client s3;
    private final UploadPool pool;
    private final KeyAllocator keys;
    private final ObjectRouter router;
    private final long startNanos = System.nanoTime();
    // wall time, not the export's clock: compared with the store's upload initiation times
    private final Instant startedAt = Instant.now();

    private String probeLeft;
    private boolean swept;
    private long rows;
    private long parts;
    private State state = State.OPEN;

    /**
     * Opens the run: binds the key template, builds the client, and runs the write probe.
     *
     * @param writerId    the writer's id for {@code {{WRITER}}}; null for one of its own, and a
     *                    sync id of its own; given, the writer belongs to the two-phase export of
     *                    {@code exportToken}, which is then its sync id
     * @param exportToken the export's token
     */
    public ExportSession(ExportPlan plan, String table, Schema schema, String writerId, String exportToken) {
        this.plan = plan;
        BoundKeyTemplate template = plan.path().bind(schema, plan.format().extension(), plan.compression().suffix());
        this.syncId = writerId == null ? UUID.randomUUID().toString() : exportToken;
        this.table = table;
        this.writerId = writerId == null ? UUID.randomUUID().toString().substring(0, 8) : writerId;
        this.exportToken = exportToken;
        KeyContext.Builder context = KeyContext.builder().table(table).syncId(syncId);
        if (writerId != null || plan.path().hasWriter()) {
            // in the write ids too, which must differ between the writers of a two-phase export (one sync id)
            context.writer(this.writerId);
        }
        KeyContext run = context.build();
        ObjectOptions options = plan.objectOptions();
        BufferLedger ledger = new BufferLedger(plan.maxBufferedBytes());
        this.lease = S3ClientLease.open(plan.connection());
        this.s3 = lease.client();
        try {
            if (plan.testWrite()) {
                probeLeft = WriteProbe.run(s3, plan.bucket(), plan.prefix(), options);
            }
        } catch (RuntimeException e) {
            lease.close();
            throw e;
        }
        this.pool = new UploadPool(plan.connection().maxConcurrency(), plan.partSize());
        this.keys = new KeyAllocator(s3, plan.bucket(), "." + template.format(), !plan.replace());
        this.router = new ObjectRouter(plan, schema, template, run, keys, s3, options, pool, ledger,
                this::partQueued);
    }

    @Override
    public void write(Record record) {
        if (state != State.OPEN) {
            throw new FerryConfigException("write", "this export was " + state.name().toLowerCase() + "; open a new writer");
        }
        try {
            OpenObject o = router.route(record, rows);
            o.writer.write(record);
            o.rows++;
            rows++;
            router.relieveMemory();
            if (rows % PROGRESS_EVERY_ROWS == 0) {
                plan.listener().progress(progress());
            }
        } catch (RuntimeException e) {
            abort();
            throw e;
        }
    }

    private void partQueued(int partNumber, long size) {
        parts++;
        plan.listener().progress(progress());
    }

    private ExportProgress progress() {
        return ExportProgress.of(rows, router.bytes(), parts, router.started().size());
    }

    @Override
    public long rowCount() {
        return rows;
    }

    @Override
    public ExportResult commit() {
        if (state != State.OPEN) {
            throw new FerryConfigException("commit", "this export was already " + state.name().toLowerCase());
        }
        Publisher publisher = new Publisher(s3, plan.bucket(), plan.replace(), plan.connection().maxConcurrency(),
                keys);
        try {
            if (rows == 0 && plan.writeEmptyObjects() && !plan.path().isPartitioned()) {
                router.start(PartitionKey.NONE);
            }
            List<OpenObject> all = router.closeAll();
            // before anything is published: on some stores (S3Mock) aborting an upload deletes the object at its key
            swept = sweep(true) >= 0;
            List<ExportedObject> published = publisher.publish(all);
            for (ExportedObject done : published) {
                plan.listener().objectWritten(done);
            }
            state = State.COMMITTED;
            return ExportResult.builder().syncId(syncId).objects(published)
                    .duration(Duration.ofNanos(System.nanoTime() - startNanos)).build();
        } catch (RuntimeException e) {
            RuntimeException failure = publisher.rollBack(router.started(), e);
            abort();
            throw failure;
        } finally {
            if (state == State.COMMITTED) {
                finish();
                release();
            }
        }
    }

    @Override
    public PreparedExport prepare() {
        if (state != State.OPEN) {
            throw new FerryConfigException("prepare", "this export was already " + state.name().toLowerCase());
        }
        try {
            if (rows == 0 && plan.writeEmptyObjects() && !plan.path().isPartitioned()) {
                router.start(PartitionKey.NONE);
            }
            List<OpenObject> all = router.closeAll();
            for (OpenObject o : all) {
                // hands every last part to the pool first, so the objects' last parts upload in parallel
                o.out.finishEarly();
            }
            List<PreparedObject> staged = new ArrayList<>(all.size());
            for (OpenObject o : all) {
                staged.add(o.out.stage(o.rows));
            }
            // a writer of a two-phase export leaves its strays to the sweep of publish or abort: one listing of the
            // export's prefix there instead of one per writer (thousands of writers would list it thousands of times)
            swept = exportToken.equals(syncId) || sweep(true) >= 0;
            state = State.PREPARED;
            return PreparedExport.builder().exportToken(exportToken).writerId(writerId).table(table)
                    .bucket(plan.bucket()).objects(staged).build();
        } catch (RuntimeException e) {
            abort();
            throw e;
        } finally {
            if (state == State.PREPARED) {
                finish();
                release();
            }
        }
    }

    @Override
    public String writerId() {
        return writerId;
    }

    @Override
    public void abort() {
        if (state != State.OPEN) {
            return;
        }
        state = State.ABORTED;
        for (OpenObject o : router.takeAll()) {
            // abort the upload first, so closing the encoder cannot start new parts
            o.out.abort();
            try {
                o.closeWriter();
            } catch (RuntimeException e) {
                LOG.debug("closing the encoder of aborted s3://{}/{} failed", plan.bucket(), o.out.key(),
                        Secrets.redact(e));
            }
        }
        finish();
        release();
    }

    /**
     * The end of every run: sweeps the multipart uploads a lost CreateMultipartUpload answer may
     * have left, and deletes a probe that could not be deleted at the start. Never throws.
     */
    private void finish() {
        if (state == State.PREPARED) {
            if (!swept) {
                sweep(true);
            }
        } else if (state != State.COMMITTED || !swept) {
            sweep(false);
        }
        if (probeLeft != null) {
            WriteProbe.cleanUp(s3, plan.bucket(), probeLeft);
            probeLeft = null;
        }
    }

    /**
     * Aborts uploads of this run's keys that it does not know (left by retried
     * CreateMultipartUploads), keeping its live uploads or only its completed ones.
     */
    private int sweep(boolean keepLive) {
        Set<String> uploadKeys = new HashSet<>();
        Set<String> keep = new HashSet<>();
        for (OpenObject o : router.started()) {
            if (o.out.multipartStarted()) {
                uploadKeys.add(o.out.key());
            }
            String id = keepLive ? o.out.liveUploadId() : o.out.completedUploadId();
            if (id != null) {
                keep.add(id);
            }
        }
        return UploadSweep.run(s3, plan.bucket(), plan.prefix(), uploadKeys, keep, startedAt);
    }

    private void release() {
        pool.close();
        lease.close();
    }

    @Override
    public void close() {
        abort();
    }
}

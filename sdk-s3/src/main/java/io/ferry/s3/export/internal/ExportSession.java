package io.ferry.s3.export.internal;

import io.ferry.core.FerryIoException;
import io.ferry.core.record.Record;
import io.ferry.core.record.Schema;
import io.ferry.core.template.BoundKeyTemplate;
import io.ferry.core.template.KeyContext;
import io.ferry.core.template.PartitionKey;
import io.ferry.formats.FormatWriter;
import io.ferry.s3.export.ExportListener;
import io.ferry.s3.export.ExportProgress;
import io.ferry.s3.export.ExportResult;
import io.ferry.s3.export.ExportWriter;
import io.ferry.s3.export.ExportedObject;
import io.ferry.s3.export.S3Export;
import io.ferry.s3.export.WriteStrategy;
import io.ferry.s3.internal.S3ClientLease;
import io.ferry.s3.internal.S3Errors;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * One run of an {@link S3Export}: routes each record to the object of its partition, rotates
 * objects, and publishes everything at commit. Objects retired by rotation are sealed (all parts
 * uploaded) but published only at commit, so a failed export leaves nothing visible.
 * Single-threaded; part uploads run on the export's {@link UploadPool}, and commit publishes up to
 * maxConcurrency objects at once on threads of its own (see {@link Publisher}, which also rolls
 * back a failed commit). Every object carries a write id of its own in its metadata, so the run
 * recognises its own writes whose answers were lost. At the end of every run, committed or not,
 * the {@link UploadSweep} aborts uploads a lost CreateMultipartUpload answer left behind, and a
 * probe object that could not be deleted at the start is deleted again.
 */
public final class ExportSession implements ExportWriter {
    private static final Logger LOG = LoggerFactory.getLogger(ExportSession.class);
    private static final int PROGRESS_EVERY_ROWS = 10_000;
    private static final int MAX_SUFFIX = 10_000;

    private enum State { OPEN, COMMITTED, ABORTED }

    private final S3Export export;
    private final Schema schema;
    private final S3ClientLease lease;
    private final S3Client s3;
    private final UploadPool pool;
    private final BoundKeyTemplate keys;
    private final KeyContext run;
    private final String extension;
    private final ObjectOptions options;
    private final Rotation rotation;
    private final ExportListener listener;
    private final long partSize;
    private final BufferLedger ledger;
    private final long startNanos = System.nanoTime();
    // wall time, not the export's clock: compared with the store's upload initiation times
    private final Instant startedAt = Instant.now();

    private final Map<PartitionKey, OpenObject> open = new LinkedHashMap<>();
    private final List<OpenObject> retired = new ArrayList<>();
    private final Set<String> usedKeys = new HashSet<>();
    private final List<OpenObject> started = new ArrayList<>();
    private String probeLeft;
    private boolean swept;
    private long rows;
    private long parts;
    private int objectsStarted;
    private int earlyFinished;
    private State state = State.OPEN;

    /** Opens the run: binds the key template, builds the client, and runs the write probe. */
    public ExportSession(S3Export export, String table, Schema schema) {
        this.export = export;
        this.schema = schema;
        this.keys = export.path().bind(schema, export.format().extension(), export.compression().suffix());
        this.extension = "." + keys.format();
        this.run = KeyContext.builder().table(table).syncId(UUID.randomUUID().toString()).build();
        this.options = new ObjectOptions(ContentTypes.of(export.format(), export.compression()),
                export.sse().orElse(null), export.acl().orElse(null),
                export.writeStrategy() == WriteStrategy.CREATE_NEW)
                .withChecksums(S3ClientLease.requestChecksums(export.connection()));
        this.rotation = Rotation.of(export.maxRowsPerObject(), export.maxBytesPerObject(),
                export.rotateInterval().orElse(null));
        this.listener = export.listener();
        this.partSize = (long) export.partSizeMb() << 20;
        this.ledger = new BufferLedger(export.maxBufferedBytes());
        this.lease = S3ClientLease.open(export.connection());
        this.s3 = lease.client();
        try {
            if (export.testWrite()) {
                probeLeft = WriteProbe.run(s3, export.bucket(), WriteProbe.prefixOf(export.path().template()), options);
            }
        } catch (RuntimeException e) {
            lease.close();
            throw e;
        }
        this.pool = new UploadPool(export.connection().maxConcurrency(), partSize);
    }

    @Override
    public void write(Record record) {
        if (state != State.OPEN) {
            throw new io.ferry.core.FerryConfigException("write", "this export was " + state.name().toLowerCase() + "; open a new writer");
        }
        try {
            PartitionKey partition = keys.partitionOf(record, rows);
            OpenObject o = open.get(partition);
            if (o != null && rotation.enabled()
                    && rotation.shouldRotate(o.rows, o.out.bytes(), o.startedAt, export.clock().instant())) {
                retire(partition, o);
                o = null;
            }
            if (o == null) {
                o = start(partition);
            }
            o.writer.write(record);
            o.rows++;
            rows++;
            if (ledger.over()) {
                relieveMemory();
            }
            if (rows % PROGRESS_EVERY_ROWS == 0) {
                listener.progress(progress());
            }
        } catch (RuntimeException e) {
            abort();
            throw e;
        }
    }

    private OpenObject start(PartitionKey partition) {
        Instant now = export.clock().instant();
        String candidate = keys.render(partition, run.toBuilder().uuid(UUID.randomUUID()).startedAt(now).build());
        String key = freeKey(candidate, 0);
        MultipartObjectOutput out = new MultipartObjectOutput(s3, export.bucket(), key,
                options.withWriteId(OwnWrites.writeId(run.syncId().orElseThrow(), started.size() + 1)), partSize, pool,
                this::partQueued, ledger);
        FormatWriter writer = export.format().newWriter(schema, export.compression().wrap(out));
        OpenObject o = new OpenObject(out, writer, now, candidate);
        open.put(partition, o);
        started.add(o);
        objectsStarted++;
        listener.objectStarted(export.bucket(), key);
        return o;
    }

    private void retire(PartitionKey partition, OpenObject o) {
        open.remove(partition);
        retired.add(o);
        o.closeWriter();
        o.out.seal();
    }

    /**
     * Brings the open objects' buffers back under the budget, largest first: a buffer that holds
     * a whole part (S3's minimum) goes to the upload pool early; a smaller one cannot be a part
     * that more data follows, so its object is finished now and the partition continues in a new
     * object (published at commit like the rest).
     */
    private void relieveMemory() {
        while (ledger.over()) {
            PartitionKey largest = null;
            long most = 0;
            for (Map.Entry<PartitionKey, OpenObject> e : open.entrySet()) {
                long held = e.getValue().out.bufferedBytes();
                if (held > most) {
                    most = held;
                    largest = e.getKey();
                }
            }
            if (largest == null) {
                return;
            }
            OpenObject o = open.get(largest);
            if (o.out.pendingBytes() >= PartSizes.MIN_PART_SIZE) {
                o.out.flushPart();
            } else {
                if (earlyFinished == 0) {
                    LOG.info("the open objects' buffers reached maxBufferedBytes ({} bytes): finishing the largest"
                            + " objects early, their partitions continue in new objects; raise maxBufferedBytes for"
                            + " fewer, larger objects", ledger.budget());
                }
                open.remove(largest);
                retired.add(o);
                o.closeWriter();
                o.out.finishEarly();
                earlyFinished++;
            }
        }
    }

    private void partQueued(int partNumber, long size) {
        parts++;
        listener.progress(progress());
    }

    private ExportProgress progress() {
        long bytes = 0;
        for (OpenObject o : retired) {
            bytes += o.out.bytes();
        }
        for (OpenObject o : open.values()) {
            bytes += o.out.bytes();
        }
        return ExportProgress.of(rows, bytes, parts, objectsStarted);
    }

    /**
     * The first key from {@code candidate} with suffix {@code from} or higher that this run has
     * not used and, under CREATE_NEW, that does not exist in the bucket.
     */
    private synchronized String freeKey(String candidate, int from) {
        for (int n = from; n <= MAX_SUFFIX; n++) {
            String key = UniqueKeys.suffixed(candidate, extension, n);
            if (usedKeys.contains(key)) {
                continue;
            }
            if (export.writeStrategy() == WriteStrategy.CREATE_NEW && exists(key)) {
                continue;
            }
            usedKeys.add(key);
            return key;
        }
        throw new FerryIoException("s3://" + export.bucket() + "/" + candidate + " and its " + MAX_SUFFIX
                + " suffixed alternatives all exist; choose another path or use WriteStrategy.REPLACE", null);
    }

    private boolean exists(String key) {
        try {
            s3.headObject(b -> b.bucket(export.bucket()).key(key));
            return true;
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return false;
            }
            if (e.statusCode() == 403) {
                // without s3:GetObject a HEAD says 403 for any key: rely on the conditional write
                LOG.debug("cannot check whether s3://{}/{} exists (403); the write stays conditional", export.bucket(),
                        key);
                return false;
            }
            throw new FerryIoException("cannot check whether s3://" + export.bucket() + "/" + key + " exists: "
                    + S3Errors.describe(e), e, S3Errors.retryable(e));
        } catch (SdkException | UncheckedIOException e) {
            throw new FerryIoException("cannot check whether s3://" + export.bucket() + "/" + key + " exists: "
                    + S3Errors.describe(e), e, S3Errors.retryable(e));
        }
    }

    @Override
    public long rowCount() {
        return rows;
    }

    @Override
    public ExportResult commit() {
        if (state != State.OPEN) {
            throw new io.ferry.core.FerryConfigException("commit", "this export was already " + state.name().toLowerCase());
        }
        Publisher publisher = new Publisher(s3, export.bucket(), export.writeStrategy() == WriteStrategy.REPLACE,
                export.connection().maxConcurrency(), this::freeKey);
        try {
            if (rows == 0 && export.writeEmptyObjects() && !export.path().isPartitioned()) {
                start(PartitionKey.NONE);
            }
            List<OpenObject> all = new ArrayList<>(retired);
            all.addAll(open.values());
            for (OpenObject o : open.values()) {
                o.closeWriter();
            }
            // before anything is published: on some stores (S3Mock) aborting an upload deletes the object at its key
            swept = sweep(true) >= 0;
            List<ExportedObject> published = publisher.publish(all);
            for (ExportedObject done : published) {
                listener.objectWritten(done);
            }
            state = State.COMMITTED;
            return ExportResult.of(run.syncId().orElseThrow(), published, Duration.ofNanos(System.nanoTime() - startNanos));
        } catch (RuntimeException e) {
            RuntimeException failure = publisher.rollBack(started, e);
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
    public void abort() {
        if (state != State.OPEN) {
            return;
        }
        state = State.ABORTED;
        List<OpenObject> all = new ArrayList<>(retired);
        all.addAll(open.values());
        for (OpenObject o : all) {
            // abort the upload first, so closing the encoder cannot start new parts
            o.out.abort();
            try {
                o.closeWriter();
            } catch (RuntimeException e) {
                LOG.debug("closing the encoder of aborted s3://{}/{} failed", export.bucket(), o.out.key(),
                        io.ferry.core.Secrets.redact(e));
            }
        }
        open.clear();
        retired.clear();
        finish();
        release();
    }

    /**
     * The end of every run: sweeps the multipart uploads a lost CreateMultipartUpload answer may
     * have left, and deletes a probe that could not be deleted at the start. Never throws.
     */
    private void finish() {
        if (state != State.COMMITTED || !swept) {
            sweep(false);
        }
        if (probeLeft != null) {
            WriteProbe.cleanUp(s3, export.bucket(), probeLeft);
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
        for (OpenObject o : started) {
            if (o.out.multipartStarted()) {
                uploadKeys.add(o.out.key());
            }
            String id = keepLive ? o.out.liveUploadId() : o.out.completedUploadId();
            if (id != null) {
                keep.add(id);
            }
        }
        return UploadSweep.run(s3, export.bucket(), WriteProbe.prefixOf(export.path().template()), uploadKeys, keep,
                startedAt);
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

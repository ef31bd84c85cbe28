package io.ferry.td.internal;

import io.ferry.core.FerryConfigException;
import io.ferry.core.FerryIoException;
import io.ferry.core.record.Record;
import io.ferry.core.record.Schema;
import io.ferry.td.TdWriteProgress;
import io.ferry.td.TdWriteResult;
import io.ferry.td.TdWriteTransaction;
import java.time.Duration;
import java.time.Instant;

/**
 * One write into one table, from open to commit or abort: {@link ChunkUploader} packs and
 * uploads the rows, {@link TargetTables} creates the tables and runs the replace protocol
 * (temporary table, swap, delete). The temporary table is created only when the first chunk is
 * ready, so a REPLACE_ON_NEW_DATA without rows sends no request at all. Single-threaded; after a
 * failure the session is over (it has cleaned up after itself). The plan's listener is called on
 * the writing thread, inside the same guard as the work, so a listener that throws fails the
 * write like any other failure.
 */
public final class TdWriteSession implements TdWriteTransaction {
    /** Rows between two progress events. */
    static final int PROGRESS_EVERY_ROWS = 10_000;

    private final TdWritePlan plan;
    private final Instant started;
    private final ChunkUploader uploader;
    private final TargetTables tables;
    private boolean over;

    private TdWriteSession(TdApiClient api, TdWritePlan plan, Schema schema) {
        this.plan = plan;
        this.started = plan.clock().instant();
        this.uploader = new ChunkUploader(api, plan, TdRowEncoder.of(schema, plan.timeColumn(), plan.timeValue(),
                started, plan.source()));
        this.tables = new TargetTables(api, plan);
    }

    /**
     * Checks the time rules against the schema, then prepares the destination: APPEND creates the
     * target (and the database when allowed); the replace modes only choose the temporary
     * table's name and create it when the first chunk is ready.
     *
     * @param api    the client to call the API with
     * @param plan   what to write where
     * @param schema the schema every record is bound to
     * @return the open session
     */
    public static TdWriteSession open(TdApiClient api, TdWritePlan plan, Schema schema) {
        FerryConfigException.requireNonNull(api, "api");
        FerryConfigException.requireNonNull(plan, "plan");
        FerryConfigException.requireNonNull(schema, "schema");
        TdWriteSession s = new TdWriteSession(api, plan, schema);
        s.guard(s.tables::prepare);
        return s;
    }

    /** Packs one record; uploads the chunk when it reaches the chunk size. */
    @Override
    public void write(Record record) {
        FerryConfigException.requireNonNull(record, "record");
        guard(() -> {
            boolean full = uploader.add(record);
            if (uploader.rows() % PROGRESS_EVERY_ROWS == 0) {
                plan.listener().progress(progress());
            }
            if (full) {
                upload();
            }
        });
    }

    @Override
    public long rowCount() {
        return uploader.rows();
    }

    /** Uploads the last chunk and publishes: nothing more for APPEND, swap + delete for the replace modes. */
    @Override
    public TdWriteResult commit() {
        boolean[] published = {false};
        guard(() -> {
            upload();
            published[0] = tables.publish(uploader.rows());
        });
        over = true;
        return TdWriteResult.builder().database(plan.database()).table(plan.table()).mode(plan.mode())
                .rows(uploader.rows()).chunks(uploader.chunks()).bytes(uploader.bytes())
                .uncompressedBytes(uploader.uncompressedBytes()).tablesTouched(tables.touched())
                .published(published[0]).duration(Duration.between(started, plan.clock().instant())).build();
    }

    /** Discards what was written: deletes the temporary table of a replace. Never throws. */
    @Override
    public void abort() {
        if (over) {
            return;
        }
        over = true;
        uploader.discard();
        tables.abort();
    }

    /** Aborts unless committed; after a commit, an abort or a failure this does nothing. */
    @Override
    public void close() {
        abort();
    }

    private void upload() {
        if (uploader.isEmpty()) {
            return;
        }
        String destination = tables.uploadDestination();
        ChunkUploader.Uploaded chunk = uploader.upload(destination);
        tables.imported(destination);
        plan.listener().chunkUploaded(plan.database() + "." + destination, chunk.number(), chunk.rows(),
                chunk.bytes());
        plan.listener().progress(progress());
    }

    private TdWriteProgress progress() {
        return TdWriteProgress.of(uploader.rows(), uploader.chunks(), uploader.bytes(),
                Duration.between(started, plan.clock().instant()));
    }

    private void guard(Runnable step) {
        if (over) {
            throw new FerryConfigException("open", "this write is over (committed, aborted or failed); open a new one");
        }
        try {
            step.run();
        } catch (RuntimeException e) {
            over = true;
            uploader.discard();
            throw exposed(tables.cleanUpAfter(e));
        }
    }

    /**
     * The exception as callers see it: a {@link TdHttpException} (an internal type) becomes a
     * plain {@link FerryIoException} with the same message, retryability and suppressed exceptions.
     */
    static RuntimeException exposed(RuntimeException e) {
        if (!(e instanceof TdHttpException http)) {
            return e;
        }
        FerryIoException plain = new FerryIoException(http.getMessage(), http.getCause(), http.retryable());
        plain.setStackTrace(http.getStackTrace());
        for (Throwable s : http.getSuppressed()) {
            plain.addSuppressed(s);
        }
        return plain;
    }
}

package io.ferry.td.internal;

import io.ferry.core.FerryConfigException;
import io.ferry.core.record.Record;
import io.ferry.td.TdStagedPart;
import io.ferry.td.TdStagedTask;
import io.ferry.td.TdStagedWrite;
import io.ferry.td.TdWriteListener;
import java.time.Clock;

/**
 * One task of a staged write: a {@link ChunkUploader} whose chunk ids come from the write's id
 * prefix, the task's partition and the chunk number, uploading into the write's upload table.
 * It creates and deletes no table: the coordinator did and will. Single-threaded; after a failure
 * the task is over.
 */
public final class StagedTaskSession implements TdStagedTask {
    private final TdStagedWrite staged;
    private final int partition;
    private final TdWritePlan plan;
    private final ChunkUploader uploader;
    private boolean over;

    private StagedTaskSession(TdApiClient api, TdStagedWrite staged, int partition, Clock clock,
                              TdWriteListener listener) {
        this.staged = staged;
        this.partition = partition;
        this.plan = new TdWritePlan(staged.database(), staged.table(), staged.mode(), false, staged.chunkSize(),
                staged.timeColumn(), staged.timeValue(), clock, listener);
        TdRowEncoder encoder = TdRowEncoder.of(staged.schema(), staged.timeColumn(), staged.timeValue(),
                staged.stagedAt(), plan.source());
        this.uploader = new ChunkUploader(api, plan, encoder,
                chunk -> TdNames.stagedImportId(staged.idPrefix(), partition, chunk));
    }

    /**
     * A task of {@code staged} for {@code partition}; the writer's clock and listener serve it.
     *
     * @param api the executor's client (its own key and endpoint)
     * @return the open task
     */
    public static StagedTaskSession open(TdApiClient api, TdStagedWrite staged, int partition, Clock clock,
                                         TdWriteListener listener) {
        return new StagedTaskSession(api, staged, partition, clock, listener);
    }

    @Override
    public void write(Record record) {
        FerryConfigException.requireNonNull(record, "record");
        guard(() -> {
            if (uploader.add(record)) {
                upload();
            }
        });
    }

    @Override
    public long rowCount() {
        return uploader.rows();
    }

    @Override
    public TdStagedPart finish() {
        guard(this::upload);
        over = true;
        return TdStagedPart.of(partition, uploader.rows(), uploader.chunks(), uploader.bytes(),
                uploader.uncompressedBytes());
    }

    @Override
    public void abort() {
        if (!over) {
            over = true;
            uploader.discard();
        }
    }

    @Override
    public void close() {
        abort();
    }

    private void upload() {
        if (uploader.isEmpty()) {
            return;
        }
        String table = staged.uploadTable();
        ChunkUploader.Uploaded chunk = uploader.upload(table);
        plan.listener().chunkUploaded(plan.database() + "." + table, chunk.number(), chunk.rows(), chunk.bytes());
    }

    private void guard(Runnable step) {
        if (over) {
            throw new FerryConfigException("open", "this task of " + plan.target() + " is over (finished, aborted or"
                    + " failed); open a new task");
        }
        try {
            step.run();
        } catch (RuntimeException e) {
            over = true;
            uploader.discard();
            throw TdWriteSession.exposed(e);
        }
    }
}

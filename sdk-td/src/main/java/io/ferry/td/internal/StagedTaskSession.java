package io.ferry.td.internal;

import io.ferry.core.FerryConfigException;
import io.ferry.core.record.Record;
import io.ferry.td.TdStagedPart;
import io.ferry.td.TdStagedTask;
import io.ferry.td.TdStagedWrite;

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

    private StagedTaskSession(TdApiClient api, TdStagedWrite staged, int partition, TdWritePlan writer) {
        this.staged = staged;
        this.partition = partition;
        this.plan = new TdWritePlan(staged.database(), staged.table(), staged.mode(), false, staged.chunkSize(),
                staged.timeColumn(), staged.timeValue(), writer.clock(), writer.listener(), writer.compressionLevel(),
                writer.compressionThreads());
        TdRowEncoder encoder = TdRowEncoder.of(staged.schema(), staged.timeColumn(), staged.timeValue(),
                staged.stagedAt(), plan.source());
        this.uploader = new ChunkUploader(api, plan, encoder,
                chunk -> TdNames.stagedImportId(staged.idPrefix(), partition, chunk));
    }

    /**
     * A task of {@code staged} for {@code partition}; the executor's writer lends its clock, listener
     * and compression settings.
     *
     * @param api the executor's client (its own key and endpoint)
     * @param staged    the staged write
     * @param partition the task's partition
     * @param writer    the plan of the executor's writer
     * @return the open task
     */
    public static StagedTaskSession open(TdApiClient api, TdStagedWrite staged, int partition, TdWritePlan writer) {
        return new StagedTaskSession(api, staged, partition, writer);
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
        uploader.discard();
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

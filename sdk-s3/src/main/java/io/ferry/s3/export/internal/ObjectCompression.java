package io.ferry.s3.export.internal;

import io.ferry.core.compress.internal.DeflatePool;
import io.ferry.core.compress.internal.ParallelGzipOutputStream;
import io.ferry.formats.Compression;
import java.io.OutputStream;

/**
 * How one run of an export compresses its objects: gzip on a {@link DeflatePool} shared by all
 * the run's open objects when the plan gives it more than one thread, else the codec on the
 * writer's thread at the plan's level. Close it after the objects' encoders. Thread-safe.
 */
final class ObjectCompression implements AutoCloseable {
    private final Compression compression;
    private final int level;
    private final DeflatePool pool;

    private ObjectCompression(Compression compression, int level, DeflatePool pool) {
        this.compression = compression;
        this.level = level;
        this.pool = pool;
    }

    /** The compression of a run of {@code plan}; starts its gzip threads when it has some. */
    static ObjectCompression of(ExportPlan plan) {
        DeflatePool pool = plan.compression() == Compression.GZIP && plan.compressionThreads() > 1
                ? new DeflatePool(plan.compressionThreads(), plan.compressionLevel(), DeflatePool.DEFAULT_BLOCK_SIZE,
                        "ferry-s3-gzip")
                : null;
        return new ObjectCompression(plan.compression(), plan.compressionLevel(), pool);
    }

    /** {@code out} wrapped so that what is written to the result reaches it compressed. */
    OutputStream wrap(OutputStream out) {
        return pool != null ? new ParallelGzipOutputStream(out, pool) : compression.wrap(out, level);
    }

    /** Stops the gzip threads. Safe to call twice. */
    @Override
    public void close() {
        if (pool != null) {
            pool.close();
        }
    }
}

package io.ferry.td.internal;

import io.ferry.core.FerryIoException;
import io.ferry.core.record.Record;
import java.io.IOException;
import java.util.function.IntFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Packs the records of one write into msgpack.gz chunks and uploads each with its own
 * {@code import_with_id} id, so a retried upload is never imported twice. Memory holds one
 * compressed chunk. Counts rows, chunks and bytes for the result. Single-threaded.
 */
final class ChunkUploader {
    private static final Logger LOG = LoggerFactory.getLogger(ChunkUploader.class);

    private final TdApiClient api;
    private final IntFunction<String> ids;
    private final TdWritePlan plan;
    private final TdRowEncoder encoder;
    private final String source;
    private MsgpackGzChunk chunk;
    private long rows;
    private int chunks;
    private long bytes;
    private long uncompressedBytes;

    ChunkUploader(TdApiClient api, TdWritePlan plan, TdRowEncoder encoder) {
        this(api, plan, encoder, chunk -> TdNames.uniqueImportId());
    }

    /**
     * An uploader whose chunk {@code n} (from 1) is imported with the id {@code ids.apply(n)}.
     */
    ChunkUploader(TdApiClient api, TdWritePlan plan, TdRowEncoder encoder, IntFunction<String> ids) {
        this.ids = ids;
        this.api = api;
        this.plan = plan;
        this.encoder = encoder;
        this.source = plan.source();
        this.chunk = newChunk();
    }

    /**
     * Packs one record into the current chunk.
     *
     * @return true when the chunk has reached the chunk size and should be uploaded
     */
    boolean add(Record record) {
        try {
            encoder.encode(record, rows + 1, chunk.packer());
        } catch (IOException e) {
            throw new FerryIoException("cannot encode record " + (rows + 1) + " for " + source, e, false);
        }
        chunk.rowWritten();
        rows++;
        return chunk.uncompressedBytes() >= plan.chunkSize();
    }

    /** Whether the current chunk holds no row. */
    boolean isEmpty() {
        return chunk.rows() == 0;
    }

    /** One chunk imported: its number (from 1), rows and compressed bytes. */
    record Uploaded(int number, long rows, long bytes) {
    }

    /** Uploads the current chunk into {@code table} of the plan's database and starts a new chunk. */
    Uploaded upload(String table) {
        byte[] body;
        try {
            body = chunk.finish();
        } catch (IOException e) {
            throw new FerryIoException("cannot compress chunk " + (chunks + 1) + " for " + source, e, false);
        }
        String id = ids.apply(chunks + 1);
        long chunkRows = chunk.rows();
        uncompressedBytes += chunk.uncompressedBytes();
        chunk = newChunk();
        api.importWithId(plan.database(), table, id, body);
        chunks++;
        bytes += body.length;
        LOG.debug("imported chunk {} ({} rows, {} bytes) into {}.{}", chunks, chunkRows, body.length,
                plan.database(), table);
        return new Uploaded(chunks, chunkRows, body.length);
    }

    /** Drops the buffered chunk (after a failure or an abort), so its memory can go. */
    void discard() {
        chunk = null;
    }

    long rows() {
        return rows;
    }

    int chunks() {
        return chunks;
    }

    long bytes() {
        return bytes;
    }

    long uncompressedBytes() {
        return uncompressedBytes;
    }

    private MsgpackGzChunk newChunk() {
        return new MsgpackGzChunk((int) Math.min(plan.chunkSize() / 4, 16L * 1024 * 1024));
    }
}

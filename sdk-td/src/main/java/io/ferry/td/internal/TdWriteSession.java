package io.ferry.td.internal;

import io.ferry.core.FerryConfigException;
import io.ferry.core.FerryException;
import io.ferry.core.FerryIoException;
import io.ferry.core.record.Record;
import io.ferry.core.record.Schema;
import io.ferry.td.TdWriteMode;
import io.ferry.td.TdWriteResult;
import io.ferry.td.TdWriteTransaction;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One write into one table, from open to commit or abort. APPEND imports into the target.
 * The replace modes import into a fresh temporary table and, at commit, swap it with the target
 * and delete it, so readers see the old rows or the new ones, never a mix. The temporary table
 * is created only when the first chunk is ready (or at commit for an empty REPLACE), so a
 * REPLACE_ON_NEW_DATA without rows sends no request at all. Any failure before the swap
 * deletes the temporary table and leaves the target as it was. Single-threaded; after a
 * failure the session is over (it has cleaned up after itself).
 */
public final class TdWriteSession implements TdWriteTransaction {
    private static final Logger LOG = LoggerFactory.getLogger(TdWriteSession.class);

    private final TdApiClient api;
    private final String database;
    private final String table;
    private final TdWriteMode mode;
    private final boolean createDatabaseIfMissing;
    private final long chunkSize;
    private final String timeColumn;
    private final Long timeValue;
    private final Clock clock;
    private final String source;

    private final Set<String> touched = new LinkedHashSet<>();
    private TdRowEncoder encoder;
    private MsgpackGzChunk chunk;
    /** The name the temporary table gets when it is needed; null for APPEND. */
    private String temporaryName;
    /** The temporary table once created (and until deleted or swapped), else null. */
    private String temporaryTable;
    private Instant started;
    private long rows;
    private int chunks;
    private long bytes;
    private long uncompressedBytes;
    private boolean over;
    private boolean swapOutcomeUnknown;

    /**
     * @param chunkSize  bytes of msgpack (before compression) after which a chunk is uploaded
     * @param timeColumn the column copied into {@code time}, or null
     * @param timeValue  the fixed {@code time} in unix seconds, or null
     * @param clock      gives the upload time and the duration
     */
    public TdWriteSession(TdApiClient api, String database, String table, TdWriteMode mode,
                          boolean createDatabaseIfMissing, long chunkSize, String timeColumn, Long timeValue,
                          Clock clock) {
        this.api = FerryConfigException.requireNonNull(api, "api");
        this.database = FerryConfigException.requireNonNull(database, "database");
        this.table = FerryConfigException.requireNonNull(table, "table");
        this.mode = FerryConfigException.requireNonNull(mode, "mode");
        this.createDatabaseIfMissing = createDatabaseIfMissing;
        this.chunkSize = chunkSize;
        this.timeColumn = timeColumn;
        this.timeValue = timeValue;
        this.clock = FerryConfigException.requireNonNull(clock, "clock");
        this.source = "td:" + database + "." + table;
    }

    /**
     * Checks the time rules against the schema, then prepares the destination: APPEND creates the
     * target (and the database when allowed); the replace modes only choose the temporary
     * table's name and create it when the first chunk is ready.
     */
    public void open(Schema schema) {
        started = clock.instant();
        encoder = TdRowEncoder.of(schema, timeColumn, timeValue, started, source);
        guard(() -> {
            if (mode == TdWriteMode.APPEND) {
                ensureTable(table);
            } else {
                temporaryName = TdNames.temporaryTable(table);
            }
            chunk = newChunk();
        });
    }

    /** Packs one record; uploads the chunk when it reaches the chunk size. */
    @Override
    public void write(Record record) {
        FerryConfigException.requireNonNull(record, "record");
        guard(() -> {
            if (encoder == null) {
                throw new FerryConfigException("write", "open(schema) must be called before write(record)");
            }
            try {
                encoder.encode(record, rows + 1, chunk.packer());
            } catch (IOException e) {
                throw new FerryIoException("cannot encode record " + (rows + 1) + " for " + source, e, false);
            }
            chunk.rowWritten();
            rows++;
            if (chunk.uncompressedBytes() >= chunkSize) {
                upload();
            }
        });
    }

    @Override
    public long rowCount() {
        return rows;
    }

    /** Uploads the last chunk and publishes: nothing more for APPEND, swap + delete for the replace modes. */
    @Override
    public TdWriteResult commit() {
        boolean[] published = {false};
        guard(() -> {
            if (encoder == null) {
                throw new FerryConfigException("commit", "open(schema) must be called before commit()");
            }
            upload();
            if (mode == TdWriteMode.APPEND) {
                published[0] = true;
            } else if (mode == TdWriteMode.REPLACE_ON_NEW_DATA && rows == 0) {
                LOG.info("no rows arrived: {}.{} is left untouched", database, table);
            } else {
                ensureTemporaryTable();
                ensureTable(table);
                swap();
                published[0] = true;
                deleteSwappedOutTable();
            }
        });
        over = true;
        return TdWriteResult.builder().database(database).table(table).mode(mode).rows(rows).chunks(chunks)
                .bytes(bytes).uncompressedBytes(uncompressedBytes).tablesTouched(new ArrayList<>(touched))
                .published(published[0]).duration(Duration.between(started, clock.instant())).build();
    }

    /** Discards what was written: deletes the temporary table of a replace. Never throws. */
    @Override
    public void abort() {
        if (over) {
            return;
        }
        over = true;
        chunk = null;
        if (temporaryTable != null) {
            try {
                deleteTemporaryTable();
            } catch (FerryException e) {
                LOG.warn("aborted write: the temporary table {}.{} could not be deleted ({}); delete it yourself",
                        database, temporaryTable, e.getMessage());
            }
        }
    }

    /** Aborts unless committed; after a commit, an abort or a failure this does nothing. */
    @Override
    public void close() {
        abort();
    }

    private void guard(Runnable step) {
        if (over) {
            throw new FerryConfigException("open", "this write is over (committed, aborted or failed); open a new one");
        }
        try {
            step.run();
        } catch (RuntimeException e) {
            over = true;
            chunk = null;
            throw exposed(cleanUpAfter(e));
        }
    }

    /**
     * The exception as callers see it: a {@link TdHttpException} (an internal type) becomes a
     * plain {@link FerryIoException} with the same message, retryability and suppressed exceptions.
     */
    private static RuntimeException exposed(RuntimeException e) {
        if (!(e instanceof TdHttpException)) {
            return e;
        }
        TdHttpException http = (TdHttpException) e;
        FerryIoException plain = new FerryIoException(http.getMessage(), http.getCause(), http.retryable());
        plain.setStackTrace(http.getStackTrace());
        for (Throwable s : http.getSuppressed()) {
            plain.addSuppressed(s);
        }
        return plain;
    }

    /** Deletes the temporary table after a failure; names it in the error when that fails too. */
    private RuntimeException cleanUpAfter(RuntimeException failure) {
        if (temporaryTable == null) {
            return failure;
        }
        String target = swapOutcomeUnknown
                ? "the target " + database + "." + table + " holds either its old rows or the new ones"
                : "the target " + database + "." + table + " is untouched";
        try {
            deleteTemporaryTable();
            return failure;
        } catch (FerryException cleanup) {
            String message = failure.getMessage() + "; " + target + ", but the temporary table " + database + "."
                    + temporaryTable + " could not be deleted (" + cleanup.getMessage() + "): delete it with a"
                    + " key that may delete tables";
            LOG.warn("temporary table {}.{} could not be deleted: {}", database, temporaryTable, cleanup.getMessage());
            if (failure instanceof FerryIoException) {
                FerryIoException io = (FerryIoException) failure;
                FerryIoException combined = new FerryIoException(message, failure.getCause(), io.retryable());
                combined.addSuppressed(cleanup);
                return combined;
            }
            failure.addSuppressed(new FerryIoException(message, cleanup, false));
            return failure;
        }
    }

    private void upload() {
        if (chunk.rows() == 0) {
            return;
        }
        ensureTemporaryTable();
        String destination = temporaryTable != null ? temporaryTable : table;
        byte[] body;
        try {
            body = chunk.finish();
        } catch (IOException e) {
            throw new FerryIoException("cannot compress chunk " + (chunks + 1) + " for " + source, e, false);
        }
        String id = TdNames.uniqueImportId();
        long chunkRows = chunk.rows();
        uncompressedBytes += chunk.uncompressedBytes();
        chunk = newChunk();
        api.importWithId(database, destination, id, body);
        touched.add(database + "." + destination);
        chunks++;
        bytes += body.length;
        LOG.debug("imported chunk {} ({} rows, {} bytes) into {}.{}", chunks, chunkRows, body.length,
                database, destination);
    }

    /** Creates the temporary table of a replace, once. */
    private void ensureTemporaryTable() {
        if (temporaryName == null || temporaryTable != null) {
            return;
        }
        ensureTable(temporaryName);
        temporaryTable = temporaryName;
        LOG.info("writing {} into temporary table {}.{}", mode, database, temporaryTable);
    }

    private MsgpackGzChunk newChunk() {
        return new MsgpackGzChunk((int) Math.min(chunkSize / 4, 16L * 1024 * 1024));
    }

    private void ensureTable(String name) {
        boolean created;
        try {
            created = api.createTable(database, name);
        } catch (TdHttpException e) {
            if (e.status() != 404) {
                throw e;
            }
            if (!createDatabaseIfMissing) {
                throw missingDatabase(e);
            }
            api.createDatabase(database);
            LOG.info("created database {}", database);
            touched.add(database);
            created = api.createTable(database, name);
        }
        if (created) {
            LOG.info("created table {}.{}", database, name);
            touched.add(database + "." + name);
        }
    }

    private FerryConfigException missingDatabase(TdHttpException e) {
        String known = api.databaseNames()
                .map(names -> names.isEmpty() ? "; this key sees no database" : "; this key sees " + names)
                .orElse("");
        return new FerryConfigException("database", "database '" + database + "' does not exist at " + api.base()
                + known + "; create it, or set createDatabaseIfMissing(true)", e);
    }

    private void swap() {
        try {
            api.swapTables(database, table, temporaryTable);
        } catch (TdHttpException e) {
            if (e.status() == 403) {
                throw new FerryIoException(e.getMessage() + ". " + mode + " needs a key that may swap and delete"
                        + " tables (a master key); a write-only key can only APPEND", e, false);
            }
            swapOutcomeUnknown = e.status() >= 500 || e.status() == 408;
            throw e;
        } catch (FerryIoException e) {
            swapOutcomeUnknown = true;
            throw e;
        }
        touched.add(database + "." + table);
        LOG.info("swapped {}.{} with {}.{}", database, table, database, temporaryTable);
    }

    /** After the swap the temporary name holds the old rows; failing to delete it does not undo the publish. */
    private void deleteSwappedOutTable() {
        String old = temporaryTable;
        temporaryTable = null;
        temporaryName = null;
        try {
            api.deleteTable(database, old);
        } catch (FerryException e) {
            LOG.warn("{}.{} now holds the new rows, but the table {}.{} with the old rows could not be deleted ({});"
                    + " delete it yourself", database, table, database, old, e.getMessage());
        }
    }

    private void deleteTemporaryTable() {
        api.deleteTable(database, temporaryTable);
        touched.add(database + "." + temporaryTable);
        temporaryTable = null;
        temporaryName = null;
    }
}

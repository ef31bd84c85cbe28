package io.ferry.td.internal;

import io.ferry.core.FerryConfigException;
import io.ferry.core.FerryException;
import io.ferry.core.FerryIoException;
import io.ferry.td.TdWriteMode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The tables of one write. APPEND creates the target (and the database when allowed) at open
 * and imports into it. The replace modes import into a fresh temporary table, created only when
 * the first chunk is ready (or at commit for an empty REPLACE); at commit it is swapped with the
 * target and deleted, so readers see the old rows or the new ones, never a mix. Any failure
 * before the swap deletes the temporary table and leaves the target as it was. Keeps the list
 * of tables touched for the result. Single-threaded.
 */
final class TargetTables {
    private static final Logger LOG = LoggerFactory.getLogger(TargetTables.class);

    private final TdApiClient api;
    private final TdWritePlan plan;
    private final String database;
    private final Set<String> touched = new LinkedHashSet<>();
    /** The name the temporary table gets when it is needed; null for APPEND. */
    private String temporaryName;
    /** The temporary table once created (and until deleted or swapped), else null. */
    private String temporaryTable;
    private boolean swapOutcomeUnknown;

    TargetTables(TdApiClient api, TdWritePlan plan) {
        this.api = api;
        this.plan = plan;
        this.database = plan.database();
    }

    /**
     * The tables of a staged write whose temporary table {@code stagingTable} (null for APPEND)
     * was created by an earlier {@link #uploadDestination()}, possibly in another process.
     */
    static TargetTables staged(TdApiClient api, TdWritePlan plan, String stagingTable) {
        TargetTables t = new TargetTables(api, plan);
        t.temporaryName = stagingTable;
        t.temporaryTable = stagingTable;
        return t;
    }

    /** At open: APPEND creates the target; the replace modes only choose the temporary table's name. */
    void prepare() {
        if (plan.mode() == TdWriteMode.APPEND) {
            ensureTable(plan.table());
        } else {
            temporaryName = TdNames.temporaryTable(plan.table());
        }
    }

    /** The table the next chunk goes into; creates the temporary table of a replace on first use. */
    String uploadDestination() {
        ensureTemporaryTable();
        return temporaryTable != null ? temporaryTable : plan.table();
    }

    /** Notes a chunk imported into {@code table}. */
    void imported(String table) {
        touched.add(database + "." + table);
    }

    /**
     * After the last chunk: nothing more for APPEND; swap and delete for the replace modes,
     * except a REPLACE_ON_NEW_DATA without rows, which leaves the target untouched.
     *
     * @return whether the rows became visible in the target
     */
    boolean publish(long rows) {
        if (plan.mode() == TdWriteMode.APPEND) {
            return true;
        }
        if (plan.mode() == TdWriteMode.REPLACE_ON_NEW_DATA && rows == 0) {
            LOG.info("no rows arrived: {}.{} is left untouched", database, plan.table());
            return false;
        }
        ensureTemporaryTable();
        ensureTable(plan.table());
        swap();
        deleteSwappedOutTable();
        return true;
    }

    /** Deletes the temporary table of an aborted replace, if any. Never throws. */
    void abort() {
        if (temporaryTable == null) {
            return;
        }
        try {
            deleteTemporaryTable();
        } catch (FerryException e) {
            LOG.warn("aborted write: the temporary table {}.{} could not be deleted ({}); delete it yourself",
                    database, temporaryTable, e.getMessage());
        }
    }

    /** Deletes the temporary table after a failure; names it in the error when that fails too. */
    RuntimeException cleanUpAfter(RuntimeException failure) {
        if (temporaryTable == null) {
            return failure;
        }
        String target = swapOutcomeUnknown
                ? "the target " + plan.target() + " holds either its old rows or the new ones"
                : "the target " + plan.target() + " is untouched";
        try {
            deleteTemporaryTable();
            return failure;
        } catch (FerryException cleanup) {
            String message = failure.getMessage() + "; " + target + ", but the temporary table " + database + "."
                    + temporaryTable + " could not be deleted (" + cleanup.getMessage() + "): delete it with a"
                    + " key that may delete tables";
            LOG.warn("temporary table {}.{} could not be deleted: {}", database, temporaryTable, cleanup.getMessage());
            if (failure instanceof FerryIoException io) {
                FerryIoException combined = new FerryIoException(message, failure.getCause(), io.retryable());
                combined.addSuppressed(cleanup);
                return combined;
            }
            failure.addSuppressed(new FerryIoException(message, cleanup, false));
            return failure;
        }
    }

    /** The tables created, imported into, swapped or deleted, as {@code db.table}, in the order first touched. */
    List<String> touched() {
        return new ArrayList<>(touched);
    }

    /** Creates the temporary table of a replace, once. */
    private void ensureTemporaryTable() {
        if (temporaryName == null || temporaryTable != null) {
            return;
        }
        ensureTable(temporaryName);
        temporaryTable = temporaryName;
        LOG.info("writing {} into temporary table {}.{}", plan.mode(), database, temporaryTable);
    }

    private void ensureTable(String name) {
        boolean created;
        try {
            created = api.createTable(database, name);
        } catch (TdHttpException e) {
            if (e.status() != 404) {
                throw e;
            }
            if (!plan.createDatabaseIfMissing()) {
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
        String table = plan.table();
        try {
            api.swapTables(database, table, temporaryTable);
        } catch (TdHttpException e) {
            if (e.status() == 403) {
                throw new FerryIoException(e.getMessage() + ". " + plan.mode() + " needs a key that may swap and delete"
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
                    + " delete it yourself", database, plan.table(), database, old, e.getMessage());
        }
    }

    private void deleteTemporaryTable() {
        api.deleteTable(database, temporaryTable);
        touched.add(database + "." + temporaryTable);
        temporaryTable = null;
        temporaryName = null;
    }
}

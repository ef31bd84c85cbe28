package io.ferry.td;

import io.ferry.core.FerryConfigException;
import io.ferry.core.record.Column;
import io.ferry.core.record.ColumnType;
import io.ferry.core.record.Schema;
import java.io.Serial;
import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A write into one Treasure Data table shared by many tasks (Spark tasks, workers of any
 * orchestrator): made by {@link TdWriter#stage(Schema)} on the coordinator, handed to every task,
 * which writes its share with {@link TdWriter#openTask(TdStagedWrite, int)}, and ended by
 * {@link TdWriter#publish(TdStagedWrite, List)} or {@link TdWriter#abort(TdStagedWrite)} on the
 * coordinator. Immutable and {@link Serializable}; it holds no API key: each task builds its own
 * {@link TdWriter} (endpoint and key from its options or {@code TD_API_KEY}).
 *
 * <p>It fixes what every task must do alike: the table the chunks go into (the temporary table of
 * a replace, the target itself for APPEND), the schema, the time rules (the fallback row time is
 * the time of {@code stage}, not of each task), the chunk size, and the prefix of the
 * {@code import_with_id} ids. Chunk {@code n} of task partition {@code p} always gets the same
 * id, so when a task is retried or run twice (speculation), Treasure Data imports each chunk
 * number of a partition once. That holds when every attempt of a partition writes the same
 * records in the same order (as a re-read of the same input does).
 */
public final class TdStagedWrite implements Serializable {
    @Serial
    private static final long serialVersionUID = 1L;

    /** The target database. */
    private final String database;
    /** The target table. */
    private final String table;
    /** The write mode. */
    private final TdWriteMode mode;
    /** The temporary table, or null for APPEND. */
    private final String stagingTable;
    /** The schema's column names. */
    private final List<String> columnNames;
    /** The schema's column types. */
    private final List<ColumnType> columnTypes;
    /** The column copied into time, or null. */
    private final String timeColumn;
    /** The fixed time, or null. */
    private final Long timeValue;
    /** When the write was staged. */
    private final Instant stagedAt;
    /** The chunk size of every task. */
    private final long chunkSize;
    /** The prefix of the chunk ids. */
    private final String idPrefix;

    private TdStagedWrite(String database, String table, TdWriteMode mode, String stagingTable, Schema schema,
                          String timeColumn, Long timeValue, Instant stagedAt, long chunkSize, String idPrefix) {
        this.database = database;
        this.table = table;
        this.mode = mode;
        this.stagingTable = stagingTable;
        this.columnNames = schema.names();
        this.columnTypes = schema.columns().stream().map(Column::type).toList();
        this.timeColumn = timeColumn;
        this.timeValue = timeValue;
        this.stagedAt = stagedAt;
        this.chunkSize = chunkSize;
        this.idPrefix = idPrefix;
    }

    /** Made by {@link TdWriter#stage(Schema)}; arguments are checked there. */
    static TdStagedWrite of(String database, String table, TdWriteMode mode, String stagingTable, Schema schema,
                            String timeColumn, Long timeValue, Instant stagedAt, long chunkSize, String idPrefix) {
        return new TdStagedWrite(database, table, mode, stagingTable, schema, timeColumn, timeValue, stagedAt,
                chunkSize, idPrefix);
    }

    /** {@return the target database} */
    public String database() {
        return database;
    }

    /** {@return the target table} */
    public String table() {
        return table;
    }

    /** {@return the write mode} */
    public TdWriteMode mode() {
        return mode;
    }

    /** {@return the temporary table the tasks upload into for REPLACE and REPLACE_ON_NEW_DATA; null for APPEND} */
    public String stagingTable() {
        return stagingTable;
    }

    /** {@return the table the tasks' chunks go into: the staging table, or the target for APPEND} */
    public String uploadTable() {
        return stagingTable != null ? stagingTable : table;
    }

    /** {@return the schema every task's records must have} */
    public Schema schema() {
        Column[] columns = new Column[columnNames.size()];
        for (int i = 0; i < columns.length; i++) {
            columns[i] = Column.of(columnNames.get(i), columnTypes.get(i));
        }
        return Schema.of(columns);
    }

    /** {@return the column copied into {@code time}, or null} */
    public String timeColumn() {
        return timeColumn;
    }

    /** {@return the fixed {@code time} in unix seconds, or null} */
    public Long timeValue() {
        return timeValue;
    }

    /** {@return when the write was staged: the row time when neither a time column nor a time value applies} */
    public Instant stagedAt() {
        return stagedAt;
    }

    /** {@return the chunk size every task uses, bytes of msgpack before compression} */
    public long chunkSize() {
        return chunkSize;
    }

    /** {@return the random prefix the tasks' {@code import_with_id} ids are derived from} */
    public String idPrefix() {
        return idPrefix;
    }

    /** Checks that a writer aims at this write's target. */
    void requireTarget(String writerDatabase, String writerTable) {
        if (!database.equals(writerDatabase) || !table.equals(writerTable)) {
            throw new FerryConfigException("table", "this writer writes into " + writerDatabase + "." + writerTable
                    + " but the staged write is for " + database + "." + table
                    + "; build the task's writer with database(\"" + database + "\") and table(\"" + table + "\")");
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TdStagedWrite x && x.database.equals(database) && x.table.equals(table) && x.mode == mode
                && Objects.equals(x.stagingTable, stagingTable) && x.columnNames.equals(columnNames)
                && x.columnTypes.equals(columnTypes) && Objects.equals(x.timeColumn, timeColumn)
                && Objects.equals(x.timeValue, timeValue) && x.stagedAt.equals(stagedAt) && x.chunkSize == chunkSize
                && x.idPrefix.equals(idPrefix);
    }

    @Override
    public int hashCode() {
        return Objects.hash(database, table, mode, stagingTable, idPrefix);
    }

    @Override
    public String toString() {
        return "TdStagedWrite{" + database + "." + table + ", mode=" + mode.uriValue() + ", uploadTable="
                + uploadTable() + ", columns=" + columnNames + ", idPrefix=" + idPrefix + "}";
    }
}

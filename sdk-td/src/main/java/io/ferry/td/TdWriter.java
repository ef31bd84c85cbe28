package io.ferry.td;

import io.ferry.core.FerryConfigException;
import io.ferry.core.Secrets;
import io.ferry.core.record.Record;
import io.ferry.core.record.RecordSource;
import io.ferry.core.record.Schema;
import io.ferry.core.sink.RecordSink;
import io.ferry.td.internal.ApiKey;
import io.ferry.td.internal.RetryPolicy;
import io.ferry.td.internal.Sleeper;
import io.ferry.td.internal.StagedTaskSession;
import io.ferry.td.internal.StagedWrites;
import io.ferry.td.internal.TdApiClient;
import io.ferry.td.internal.TdNames;
import io.ferry.td.internal.TdRowEncoder;
import io.ferry.td.internal.TdWritePlan;
import io.ferry.td.internal.TdWriteSession;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Writes records into a Treasure Data table: {@link TdWriteMode#APPEND append},
 * {@link TdWriteMode#REPLACE atomic replace} or {@link TdWriteMode#REPLACE_ON_NEW_DATA replace on
 * new data}. Rows are streamed in msgpack.gz chunks of bounded size, each uploaded once with its
 * own {@code import_with_id} id, so memory does not grow with the data and a retried upload is
 * never imported twice.
 *
 * <pre>{@code
 * TdWriter w = TdWriter.builder()
 *     .apiKey(System.getenv("TD_API_KEY"))   // the default
 *     .endpoint(TdEndpoint.US)               // the default; or a host or URI
 *     .database("testdb").table("output_table")
 *     .mode(TdWriteMode.REPLACE)
 *     .timeColumn("created_at")
 *     .build();
 * TdWriteResult r = w.write(schema, records);
 *
 * try (TdWriteTransaction tx = w.begin(schema)) {   // push-style
 *     records.forEach(tx::write);
 *     TdWriteResult result = tx.commit();
 * }
 *
 * TdWriter.fromUri("td://@/testdb/output_table?mode=replace").write(source);
 * }</pre>
 *
 * <p>The settings are immutable and the writer is safe to share: {@link #begin(Schema)} and the
 * one-shot {@link #write(Schema, Iterable)} may run from several threads at once, each in its own
 * transaction. {@link #toString()} prints the key as {@code ****}.
 *
 * <p>As a {@link RecordSink} (for example {@code S3Import.run(writer)}) the sequence is
 * {@link #open(Schema)}, {@link #write(Record)}..., then {@link #commit()} (publishes) or
 * {@link #abort()} (the target stays as it was). These four calls drive one transaction held by
 * the writer, so that form is used by one thread at a time, one write after another; its result
 * is {@link #lastResult()}.
 */
public final class TdWriter implements RecordSink {
    /** The environment variable read for the API key when none is given. */
    public static final String API_KEY_ENV = "TD_API_KEY";
    /** Default chunk size: 32 MB of msgpack before compression. */
    public static final long DEFAULT_CHUNK_SIZE = 32L * 1024 * 1024;
    /** Smallest chunk size allowed: 1 KB. */
    public static final long MIN_CHUNK_SIZE = 1024;
    /** Largest chunk size allowed: 256 MB. */
    public static final long MAX_CHUNK_SIZE = 256L * 1024 * 1024;

    private final ApiKey apiKey;
    private final TdEndpoint endpoint;
    /** Target, mode, chunking, time rules and clock: handed to every transaction. */
    private final TdWritePlan plan;
    private final int maxAttempts;
    private final Duration initialBackoff;
    private final Duration maxBackoff;
    private final Duration requestTimeout;
    private final Duration connectTimeout;
    /** The client the user gave, or null; kept apart from {@link #api} for {@link #toBuilder()}. */
    private final HttpClient httpClient;
    private final TdApiClient api;
    /** The transaction of the RecordSink form, between open and commit/abort. */
    private final AtomicReference<TdWriteTransaction> sinkTransaction = new AtomicReference<>();
    private final AtomicReference<TdWriteResult> lastResult = new AtomicReference<>();

    private TdWriter(TdWriterBuilder b, ApiKey apiKey) {
        this.apiKey = apiKey;
        this.endpoint = b.endpoint;
        this.plan = new TdWritePlan(b.database, b.table, b.mode, b.createDatabaseIfMissing, b.chunkSize,
                b.timeColumn, b.timeValue, b.clock, b.listener);
        this.maxAttempts = b.maxAttempts;
        this.initialBackoff = b.initialBackoff;
        this.maxBackoff = b.maxBackoff;
        this.requestTimeout = b.requestTimeout;
        this.connectTimeout = b.connectTimeout;
        this.httpClient = b.httpClient;
        HttpClient http = httpClient != null ? httpClient
                : HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(connectTimeout).build();
        this.api = new TdApiClient(http, endpoint.uri(), apiKey, requestTimeout,
                RetryPolicy.of(maxAttempts, initialBackoff, maxBackoff), Sleeper.THREAD, plan.clock());
    }

    static TdWriter create(TdWriterBuilder b, ApiKey apiKey) {
        return new TdWriter(b, apiKey);
    }

    /** {@return a builder with the defaults: US endpoint, APPEND, 32 MB chunks, 5 attempts} */
    public static TdWriterBuilder builder() {
        return new TdWriterBuilder();
    }

    /**
     * A writer configured by a {@code td://} URI (see {@link TdUri}), with the defaults for
     * everything else; the key comes from the URI or else from {@code TD_API_KEY}.
     *
     * @param uri the {@code td://} URI
     * @return the writer
     * @throws FerryConfigException if the URI is malformed or no key is found
     */
    public static TdWriter fromUri(String uri) {
        return builder().uri(uri).build();
    }

    /** {@return a builder holding this writer's settings (and key)} */
    public TdWriterBuilder toBuilder() {
        TdWriterBuilder b = new TdWriterBuilder();
        b.apiKey = apiKey;
        b.endpoint = endpoint;
        b.database = plan.database();
        b.table = plan.table();
        b.mode = plan.mode();
        b.timeColumn = plan.timeColumn();
        b.timeValue = plan.timeValue();
        b.createDatabaseIfMissing = plan.createDatabaseIfMissing();
        b.chunkSize = plan.chunkSize();
        b.maxAttempts = maxAttempts;
        b.initialBackoff = initialBackoff;
        b.maxBackoff = maxBackoff;
        b.requestTimeout = requestTimeout;
        b.connectTimeout = connectTimeout;
        b.clock = plan.clock();
        b.httpClient = httpClient;
        b.listener = plan.listener();
        return b;
    }

    /**
     * Starts a transaction: checks the time rules against the schema, then creates the target
     * table (APPEND; the replace modes create their temporary table when the first chunk is
     * ready), and the database if allowed. Thread-safe; each call is a transaction of its own.
     *
     * @param schema the schema every record is bound to
     * @return the open transaction; commit it, or close it to abort
     * @throws FerryConfigException if the time rules do not fit the schema, or the database is missing
     */
    public TdWriteTransaction begin(Schema schema) {
        FerryConfigException.requireNonNull(schema, "schema");
        return TdWriteSession.open(api, plan, schema);
    }

    /**
     * Writes all records in one transaction: begin, write each, commit; on any failure abort
     * (the target stays as it was) and rethrow. The result is also kept as {@link #lastResult()}.
     *
     * @param schema  the schema every record is bound to
     * @param records the records; iterated once
     * @return what was written
     */
    public TdWriteResult write(Schema schema, Iterable<Record> records) {
        FerryConfigException.requireNonNull(schema, "schema");
        FerryConfigException.requireNonNull(records, "records");
        TdWriteResult result;
        try (TdWriteTransaction tx = begin(schema)) {
            for (Record r : records) {
                tx.write(r);
            }
            result = tx.commit();
        }
        lastResult.set(result);
        return result;
    }

    /**
     * Writes all records of a source in one transaction; see {@link #write(Schema, Iterable)}.
     *
     * @param source the records and their schema
     * @return what was written
     */
    public TdWriteResult write(RecordSource source) {
        FerryConfigException.requireNonNull(source, "source");
        return write(source.schema(), source);
    }

    /**
     * RecordSink form: starts the writer's transaction; see {@link #begin(Schema)}.
     *
     * @throws FerryConfigException  (option {@code open}) if a write is already open
     * @throws FerryConfigException  if the time rules do not fit the schema, or the database is missing
     */
    @Override
    public void open(Schema schema) {
        FerryConfigException.requireNonNull(schema, "schema");
        if (sinkTransaction.get() != null) {
            throw alreadyOpen();
        }
        TdWriteTransaction tx = begin(schema);
        if (!sinkTransaction.compareAndSet(null, tx)) {
            tx.abort();
            throw alreadyOpen();
        }
    }

    /**
     * RecordSink form: packs one record, uploading a chunk whenever it is full. After a failure
     * the write is over (the temporary table of a replace is already deleted); call {@link #abort()}.
     *
     * @throws io.ferry.core.FerryDataException if the record's schema differs or its time is null
     */
    @Override
    public void write(Record record) {
        FerryConfigException.requireNonNull(record, "record");
        requireOpen("write(record)").write(record);
    }

    /**
     * RecordSink form: uploads the last chunk and publishes; for the replace modes this is the
     * atomic swap. The result is then {@link #lastResult()}.
     */
    @Override
    public void commit() {
        TdWriteTransaction tx = requireOpen("commit()");
        sinkTransaction.set(null);
        lastResult.set(tx.commit());
    }

    /** RecordSink form: ends the open write without publishing; the target stays as it was. Safe when nothing is open. */
    @Override
    public void abort() {
        TdWriteTransaction tx = sinkTransaction.getAndSet(null);
        if (tx != null) {
            tx.abort();
        }
    }

    private FerryConfigException alreadyOpen() {
        return new FerryConfigException("open", "a write into " + plan.database() + "." + plan.table()
                + " is already open; commit or abort it first");
    }

    private TdWriteTransaction requireOpen(String call) {
        TdWriteTransaction tx = sinkTransaction.get();
        if (tx == null) {
            throw new FerryConfigException(call.substring(0, call.indexOf('(')), call + " needs an open write; call open(schema) first");
        }
        return tx;
    }

    /**
     * Starts a write shared by many tasks (Spark tasks, workers of another orchestrator), on the
     * coordinator: checks the time rules against the schema, then creates the table the tasks
     * upload into: for REPLACE and REPLACE_ON_NEW_DATA a fresh temporary table (the target is not
     * touched before {@link #publish}), for APPEND the target itself (and the database when
     * allowed). Each task then builds its own writer (same database and table; endpoint and key
     * from its own options) and calls {@link #openTask}; the coordinator ends the write with
     * {@link #publish} or {@link #abort(TdStagedWrite)}.
     *
     * <pre>{@code
     * TdStagedWrite staged = writer.stage(schema);                     // coordinator
     * TdStagedPart part;                                               // each task p:
     * try (TdStagedTask task = taskWriter.openTask(staged, p)) {
     *     rows.forEach(task::write);
     *     part = task.finish();
     * }
     * TdWriteResult r = writer.publish(staged, partsOfEverySucceededTask);   // coordinator
     * }</pre>
     *
     * <p>What each mode promises: REPLACE and REPLACE_ON_NEW_DATA publish atomically (one swap), so
     * a failed or aborted job leaves the target as it was. APPEND has no temporary table to swap
     * (the REST API offers no insert from another table), so every chunk is visible in the target
     * as soon as a task uploads it, and an aborted or failed job leaves the chunks already
     * imported. In every mode a retried or speculative task attempt does not add rows twice,
     * provided it writes the same records in the same order.
     *
     * @param schema the schema of every task's records
     * @return the staged write, to hand to every task
     * @throws FerryConfigException if the time rules do not fit the schema, or the database is missing
     * @throws io.ferry.core.FerryIoException if a table cannot be created
     */
    public TdStagedWrite stage(Schema schema) {
        FerryConfigException.requireNonNull(schema, "schema");
        Instant now = plan.clock().instant();
        TdRowEncoder.of(schema, plan.timeColumn(), plan.timeValue(), now, plan.source());
        String stagingTable = StagedWrites.stage(api, plan);
        return TdStagedWrite.of(plan.database(), plan.table(), plan.mode(), stagingTable, schema, plan.timeColumn(),
                plan.timeValue(), now, plan.chunkSize(), TdNames.uniqueImportId());
    }

    /**
     * Opens one task's share of a staged write, on a worker. The task uploads into the staged
     * write's table with its schema, time rules and chunk size; this writer gives the endpoint,
     * key, retries, clock and listener. Chunk ids derive from the write, {@code partition} and the
     * chunk number, so give every attempt of one partition the same number and different
     * partitions different numbers. Thread-safe; each call is a task of its own.
     *
     * @param staged    the write from {@link #stage(Schema)}
     * @param partition the task's partition number, 0 or more
     * @return the open task; finish it, or close it to abort
     * @throws FerryConfigException if this writer aims at another table, or {@code partition} is negative
     */
    public TdStagedTask openTask(TdStagedWrite staged, int partition) {
        FerryConfigException.requireNonNull(staged, "staged");
        if (partition < 0) {
            throw new FerryConfigException("partition", "partition must be 0 or more, was " + partition);
        }
        staged.requireTarget(plan.database(), plan.table());
        return StagedTaskSession.open(api, staged, partition, plan.clock(), plan.listener());
    }

    /**
     * Publishes a staged write once its tasks finished, on the coordinator: REPLACE and
     * REPLACE_ON_NEW_DATA swap the temporary table with the target and delete it (with no row,
     * REPLACE_ON_NEW_DATA deletes it and leaves the target untouched); APPEND has nothing left to
     * do. Call it once. A failure deletes the temporary table and says whether the target changed.
     *
     * @param staged the write from {@link #stage(Schema)}
     * @param parts  the part of every task that succeeded (one per partition; a repeated equal part counts once)
     * @return the rows, chunks and bytes of all parts, the tables touched, and whether rows became visible
     * @throws FerryConfigException if this writer aims at another table, or two parts of one partition differ
     * @throws io.ferry.core.FerryIoException if the swap or a table call fails
     */
    public TdWriteResult publish(TdStagedWrite staged, List<TdStagedPart> parts) {
        FerryConfigException.requireNonNull(staged, "staged");
        FerryConfigException.requireNonNull(parts, "parts");
        staged.requireTarget(plan.database(), plan.table());
        return StagedWrites.publish(api, stagedPlan(staged), staged, parts);
    }

    /**
     * Aborts a staged write, on the coordinator: deletes the temporary table of a replace, so the
     * target stays as it was. For APPEND the chunks already imported stay (logged as a warning).
     * Never throws for a failed delete (it is logged); safe to call twice.
     *
     * @param staged the write from {@link #stage(Schema)}
     * @throws FerryConfigException if {@code staged} is null or this writer aims at another table
     */
    public void abort(TdStagedWrite staged) {
        FerryConfigException.requireNonNull(staged, "staged");
        staged.requireTarget(plan.database(), plan.table());
        StagedWrites.abort(api, stagedPlan(staged), staged);
    }

    private TdWritePlan stagedPlan(TdStagedWrite staged) {
        return new TdWritePlan(staged.database(), staged.table(), staged.mode(), plan.createDatabaseIfMissing(),
                staged.chunkSize(), staged.timeColumn(), staged.timeValue(), plan.clock(), plan.listener());
    }

    /**
     * {@return the result of the last write that this writer completed itself: the last one-shot
     * {@link #write(Schema, Iterable)} / {@link #write(RecordSource)}, or the last
     * {@link #commit()} of the RecordSink form (as after {@code S3Import.run(writer)})} Empty
     * before the first. Transactions from {@link #begin(Schema)} return their result from
     * {@link TdWriteTransaction#commit()} and leave this unchanged.
     */
    public Optional<TdWriteResult> lastResult() {
        return Optional.ofNullable(lastResult.get());
    }

    /** {@return the target database} */
    public String database() {
        return plan.database();
    }

    /** {@return the target table} */
    public String table() {
        return plan.table();
    }

    /** {@return the write mode} */
    public TdWriteMode mode() {
        return plan.mode();
    }

    /** {@return the API endpoint} */
    public TdEndpoint endpoint() {
        return endpoint;
    }

    /** {@return the chunk size in bytes before compression} */
    public long chunkSize() {
        return plan.chunkSize();
    }

    /** {@return the progress listener; default {@link TdWriteListener#NONE}} */
    public TdWriteListener listener() {
        return plan.listener();
    }

    @Override
    public String toString() {
        return "TdWriter{" + toBuilder().describe() + ", apiKey=" + Secrets.MASK + "}";
    }
}

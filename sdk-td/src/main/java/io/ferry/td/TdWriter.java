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
import io.ferry.td.internal.TdApiClient;
import io.ferry.td.internal.TdWriteSession;
import java.net.http.HttpClient;
import java.util.Optional;

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
 * TdWriter.fromUri("td://@/testdb/output_table?mode=replace").write(source);
 * }</pre>
 *
 * <p>As a {@link RecordSink} the sequence is {@code open}, {@code write}..., then {@code commit}
 * (publishes: the swap of a replace) or {@code abort} (the target stays as it was); the result of
 * the last commit is {@link #lastResult()}. A writer may be used for one write after another, by
 * one thread at a time; its settings are immutable. {@link #toString()} prints the key as
 * {@code ****}.
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

    private final TdWriterBuilder settings;
    private final ApiKey apiKey;
    private final HttpClient http;
    private final TdApiClient api;
    private TdWriteSession session;
    private TdWriteResult lastResult;

    private TdWriter(TdWriterBuilder b, ApiKey apiKey) {
        this.settings = b.copy();
        this.apiKey = apiKey;
        this.http = b.httpClient != null ? b.httpClient
                : HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(b.connectTimeout).build();
        this.api = new TdApiClient(http, b.endpoint.uri(), apiKey, b.requestTimeout,
                RetryPolicy.of(b.maxAttempts, b.initialBackoff, b.maxBackoff), Sleeper.THREAD);
    }

    static TdWriter create(TdWriterBuilder b, ApiKey apiKey) {
        return new TdWriter(b, apiKey);
    }

    /** A builder with the defaults: US endpoint, APPEND, 32 MB chunks, 5 attempts. */
    public static TdWriterBuilder builder() {
        return new TdWriterBuilder();
    }

    /**
     * A writer configured by a {@code td://} URI (see {@link TdUri}), with the defaults for
     * everything else; the key comes from the URI or else from {@code TD_API_KEY}.
     *
     * @throws FerryConfigException if the URI is malformed or no key is found
     */
    public static TdWriter fromUri(String uri) {
        return builder().uri(uri).build();
    }

    /** A builder holding this writer's settings (and key). */
    public TdWriterBuilder toBuilder() {
        TdWriterBuilder b = settings.copy();
        b.apiKey = apiKey;
        return b;
    }

    /**
     * Writes all records in one transaction: open, write each, commit; on any failure abort
     * (the target stays as it was) and rethrow.
     *
     * @param schema  the schema every record is bound to
     * @param records the records; iterated once
     * @return what was written
     */
    public TdWriteResult write(Schema schema, Iterable<Record> records) {
        FerryConfigException.requireNonNull(schema, "schema");
        FerryConfigException.requireNonNull(records, "records");
        open(schema);
        try {
            for (Record r : records) {
                write(r);
            }
        } catch (RuntimeException e) {
            abort();
            throw e;
        }
        commit();
        return lastResult;
    }

    /** Writes all records of a source in one transaction; see {@link #write(Schema, Iterable)}. */
    public TdWriteResult write(RecordSource source) {
        FerryConfigException.requireNonNull(source, "source");
        return write(source.schema(), source);
    }

    /**
     * Starts a write: checks the time rules against the schema, then creates the target table
     * (APPEND; the replace modes create their temporary table when the first chunk is ready),
     * and the database if allowed.
     *
     * @throws FerryConfigException  (option {@code open}) if a write is already open
     * @throws FerryConfigException  if the time rules do not fit the schema, or the database is missing
     */
    @Override
    public void open(Schema schema) {
        FerryConfigException.requireNonNull(schema, "schema");
        if (session != null) {
            throw new FerryConfigException("open", "a write into " + settings.database + "." + settings.table
                    + " is already open; commit or abort it first");
        }
        TdWriteSession s = new TdWriteSession(api, settings.database, settings.table, settings.mode,
                settings.createDatabaseIfMissing, settings.chunkSize, settings.timeColumn, settings.timeValue,
                settings.clock);
        session = s;
        try {
            s.open(schema);
        } catch (RuntimeException e) {
            session = null;
            throw e;
        }
    }

    /**
     * Packs one record, uploading a chunk whenever it is full. After a failure the write is
     * over (the temporary table of a replace is already deleted); call {@link #abort()}.
     *
     * @throws io.ferry.core.FerryDataException if the record's schema differs or its time is null
     */
    @Override
    public void write(Record record) {
        FerryConfigException.requireNonNull(record, "record");
        requireOpen("write(record)").write(record);
    }

    /**
     * Uploads the last chunk and publishes; for the replace modes this is the atomic swap. The
     * result is then {@link #lastResult()}.
     */
    @Override
    public void commit() {
        TdWriteSession s = requireOpen("commit()");
        session = null;
        lastResult = s.commit();
    }

    /** Ends the open write without publishing: the target stays as it was. Safe when nothing is open. */
    @Override
    public void abort() {
        TdWriteSession s = session;
        session = null;
        if (s != null) {
            s.abort();
        }
    }

    private TdWriteSession requireOpen(String call) {
        if (session == null) {
            throw new FerryConfigException(call.substring(0, call.indexOf('(')), call + " needs an open write; call open(schema) first");
        }
        return session;
    }

    /** The result of the last successful commit, if any. */
    public Optional<TdWriteResult> lastResult() {
        return Optional.ofNullable(lastResult);
    }

    /** The target database. */
    public String database() {
        return settings.database;
    }

    /** The target table. */
    public String table() {
        return settings.table;
    }

    /** The write mode. */
    public TdWriteMode mode() {
        return settings.mode;
    }

    /** The API endpoint. */
    public TdEndpoint endpoint() {
        return settings.endpoint;
    }

    /** The chunk size in bytes before compression. */
    public long chunkSize() {
        return settings.chunkSize;
    }

    @Override
    public String toString() {
        return "TdWriter{" + settings.describe() + ", apiKey=" + Secrets.MASK + "}";
    }
}

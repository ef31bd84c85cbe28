package io.ferry.td;

import io.ferry.core.FerryConfigException;
import io.ferry.core.record.Record;
import io.ferry.core.record.RecordSource;
import io.ferry.core.record.Schema;
import io.ferry.core.sink.RecordSink;
import io.ferry.td.internal.ApiKey;
import io.ferry.td.internal.RetryPolicy;
import io.ferry.td.internal.Sleeper;
import io.ferry.td.internal.TdApiClient;
import io.ferry.td.internal.TdNames;
import io.ferry.td.internal.TdWriteSession;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

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

    private final Builder settings;
    private final ApiKey apiKey;
    private final HttpClient http;
    private final TdApiClient api;
    private TdWriteSession session;
    private TdWriteResult lastResult;

    private TdWriter(Builder b, ApiKey apiKey) {
        this.settings = b.copy();
        this.apiKey = apiKey;
        this.http = b.httpClient != null ? b.httpClient
                : HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(b.connectTimeout).build();
        this.api = new TdApiClient(http, b.endpoint.uri(), apiKey, b.requestTimeout,
                RetryPolicy.of(b.maxAttempts, b.initialBackoff, b.maxBackoff), Sleeper.THREAD);
    }

    /** A builder with the defaults: US endpoint, APPEND, 32 MB chunks, 5 attempts. */
    public static Builder builder() {
        return new Builder();
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
    public Builder toBuilder() {
        Builder b = settings.copy();
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
        Objects.requireNonNull(schema, "schema");
        Objects.requireNonNull(records, "records");
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
        Objects.requireNonNull(source, "source");
        return write(source.schema(), source);
    }

    /**
     * Starts a write: checks the time rules against the schema, then creates the target table
     * (APPEND) or a temporary table (replace modes), and the database if allowed.
     *
     * @throws IllegalStateException if a write is already open
     * @throws FerryConfigException  if the time rules do not fit the schema, or the database is missing
     */
    @Override
    public void open(Schema schema) {
        Objects.requireNonNull(schema, "schema");
        if (session != null) {
            throw new IllegalStateException("a write into " + settings.database + "." + settings.table
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
        Objects.requireNonNull(record, "record");
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
            throw new IllegalStateException(call + " needs an open write; call open(schema) first");
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
        return "TdWriter{" + settings.describe() + ", apiKey=" + ApiKey.MASK + "}";
    }

    /**
     * Builds a {@link TdWriter}. Setters reject nulls and impossible values at once; {@link #build()}
     * checks the required database and table, and finds the key. Not thread-safe.
     */
    public static final class Builder {
        private ApiKey apiKey;
        private TdEndpoint endpoint = TdEndpoint.US;
        private String database;
        private String table;
        private TdWriteMode mode = TdWriteMode.APPEND;
        private String timeColumn;
        private Long timeValue;
        private boolean createDatabaseIfMissing;
        private long chunkSize = DEFAULT_CHUNK_SIZE;
        private int maxAttempts = 5;
        private Duration initialBackoff = Duration.ofMillis(500);
        private Duration maxBackoff = Duration.ofSeconds(30);
        private Duration requestTimeout = Duration.ofMinutes(5);
        private Duration connectTimeout = Duration.ofSeconds(30);
        private Clock clock = Clock.systemUTC();
        private HttpClient httpClient;

        private Builder() {
        }

        /**
         * The API key. Default: the {@code TD_API_KEY} environment variable, read by {@link #build()}.
         * REPLACE and REPLACE_ON_NEW_DATA need a key that may swap and delete tables (a master
         * key); a write-only key suffices for APPEND.
         */
        public Builder apiKey(String apiKey) {
            this.apiKey = ApiKey.of(Objects.requireNonNull(apiKey, "apiKey"), "apiKey");
            return this;
        }

        /** The API endpoint. Default {@link TdEndpoint#US}. */
        public Builder endpoint(TdEndpoint endpoint) {
            this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
            return this;
        }

        /** The API endpoint as a host or URI; see {@link TdEndpoint#of(String)}. */
        public Builder endpoint(String hostOrUri) {
            return endpoint(TdEndpoint.of(hostOrUri));
        }

        /** The database; required: 3 to 256 characters of a-z, 0-9 and _. */
        public Builder database(String database) {
            this.database = TdNames.check(database, "database", "database");
            return this;
        }

        /** The table; required, created when missing: 3 to 256 characters of a-z, 0-9 and _. */
        public Builder table(String table) {
            this.table = TdNames.check(table, "table", "table");
            return this;
        }

        /** The write mode. Default {@link TdWriteMode#APPEND}. */
        public Builder mode(TdWriteMode mode) {
            this.mode = Objects.requireNonNull(mode, "mode");
            return this;
        }

        /**
         * Applies a {@code td://} URI: database, table and mode, plus the key and host when the
         * URI has them. Later setters override what it set.
         *
         * @throws FerryConfigException if the URI is malformed
         */
        public Builder uri(String uri) {
            return uri(TdUri.parse(uri));
        }

        /** Applies a parsed {@code td://} URI; see {@link #uri(String)}. */
        public Builder uri(TdUri uri) {
            Objects.requireNonNull(uri, "uri");
            database = uri.database();
            table = uri.table();
            mode = uri.mode();
            uri.endpoint().ifPresent(e -> endpoint = e);
            if (uri.hasApiKey()) {
                apiKey = uri.apiKey();
            }
            return this;
        }

        /**
         * A LONG (unix seconds) or TIMESTAMP column copied into {@code time}, Treasure Data's
         * partitioning column. Unused when the records have their own {@code time} column (then
         * it is an error to set this). Default: none.
         */
        public Builder timeColumn(String column) {
            Objects.requireNonNull(column, "timeColumn");
            if (column.isEmpty()) {
                throw new FerryConfigException("timeColumn", "the time column name is empty");
            }
            this.timeColumn = column;
            return this;
        }

        /**
         * A fixed {@code time} in unix seconds for every row, used when there is no {@code time}
         * column and no {@link #timeColumn}. Default: the upload time. Must not be negative.
         */
        public Builder timeValue(long epochSeconds) {
            if (epochSeconds < 0) {
                throw new FerryConfigException("timeValue",
                        "timeValue is unix seconds and must not be negative, was " + epochSeconds);
            }
            this.timeValue = epochSeconds;
            return this;
        }

        /** Whether to create the database when it is missing. Default false: a missing database is an error. */
        public Builder createDatabaseIfMissing(boolean create) {
            this.createDatabaseIfMissing = create;
            return this;
        }

        /**
         * Bytes of msgpack rows (before gzip) per uploaded chunk; memory holds one chunk,
         * compressed. Default 32 MB, from 1 KB to 256 MB.
         */
        public Builder chunkSize(long bytes) {
            if (bytes < MIN_CHUNK_SIZE || bytes > MAX_CHUNK_SIZE) {
                throw new FerryConfigException("chunkSize", "chunkSize must be between 1 KB (" + MIN_CHUNK_SIZE
                        + ") and 256 MB (" + MAX_CHUNK_SIZE + ") bytes, was " + bytes);
            }
            this.chunkSize = bytes;
            return this;
        }

        /**
         * Attempts per API call, first included, on 5xx, 408, 429 and broken connections.
         * Default 5, from 1 to 20.
         */
        public Builder maxAttempts(int attempts) {
            if (attempts < 1 || attempts > 20) {
                throw new FerryConfigException("maxAttempts", "maxAttempts must be between 1 and 20, was " + attempts);
            }
            this.maxAttempts = attempts;
            return this;
        }

        /**
         * The wait before the first retry, doubled for each further one (with jitter) up to
         * {@code maxBackoff}; a {@code Retry-After} from the server takes precedence.
         * Defaults 500 ms and 30 s.
         */
        public Builder backoff(Duration initial, Duration max) {
            Objects.requireNonNull(initial, "initialBackoff");
            Objects.requireNonNull(max, "maxBackoff");
            if (initial.isNegative() || max.compareTo(initial) < 0) {
                throw new FerryConfigException("backoff", "backoff needs 0 <= initial <= max, was initial "
                        + initial + " and max " + max);
            }
            this.initialBackoff = initial;
            this.maxBackoff = max;
            return this;
        }

        /** The longest wait for one API answer (an upload included). Default 5 minutes; positive. */
        public Builder requestTimeout(Duration timeout) {
            this.requestTimeout = positive(timeout, "requestTimeout");
            return this;
        }

        /** The longest wait to connect, for the client Ferry creates. Default 30 s; positive. */
        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = positive(timeout, "connectTimeout");
            return this;
        }

        /** The clock giving the upload time (the default {@code time}) and durations. Default UTC system clock. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * An HTTP client to use, e.g. one with a proxy or custom TLS; {@link #connectTimeout} then
         * does not apply. Default: Ferry creates one (HTTP/1.1).
         */
        public Builder httpClient(HttpClient client) {
            this.httpClient = Objects.requireNonNull(client, "httpClient");
            return this;
        }

        private static Duration positive(Duration d, String option) {
            Objects.requireNonNull(d, option);
            if (d.isNegative() || d.isZero()) {
                throw new FerryConfigException(option, option + " must be positive, was " + d);
            }
            return d;
        }

        /**
         * Builds the writer. Reads {@code TD_API_KEY} when no key was given.
         *
         * @throws FerryConfigException if database or table is missing, both timeColumn and
         *                              timeValue are set, or no key is found
         */
        public TdWriter build() {
            return build(System::getenv);
        }

        TdWriter build(Function<String, String> environment) {
            if (database == null) {
                throw new FerryConfigException("database", "the database is required; set database(\"...\") or use a td:// URI");
            }
            if (table == null) {
                throw new FerryConfigException("table", "the table is required; set table(\"...\") or use a td:// URI");
            }
            if (timeColumn != null && timeValue != null) {
                throw new FerryConfigException("timeColumn", "set timeColumn(\"" + timeColumn + "\") or timeValue("
                        + timeValue + "), not both");
            }
            ApiKey key = apiKey;
            if (key == null) {
                String fromEnv = environment.apply(API_KEY_ENV);
                if (fromEnv == null || fromEnv.isBlank()) {
                    throw new FerryConfigException("apiKey", "no API key: set apiKey(...), put it in the td:// URI,"
                            + " or set the environment variable " + API_KEY_ENV);
                }
                key = ApiKey.of(fromEnv, API_KEY_ENV);
            }
            return new TdWriter(this, key);
        }

        private Builder copy() {
            Builder b = new Builder();
            b.apiKey = apiKey;
            b.endpoint = endpoint;
            b.database = database;
            b.table = table;
            b.mode = mode;
            b.timeColumn = timeColumn;
            b.timeValue = timeValue;
            b.createDatabaseIfMissing = createDatabaseIfMissing;
            b.chunkSize = chunkSize;
            b.maxAttempts = maxAttempts;
            b.initialBackoff = initialBackoff;
            b.maxBackoff = maxBackoff;
            b.requestTimeout = requestTimeout;
            b.connectTimeout = connectTimeout;
            b.clock = clock;
            b.httpClient = httpClient;
            return b;
        }

        private String describe() {
            return "endpoint=" + endpoint + ", database=" + database + ", table=" + table + ", mode=" + mode
                    + (timeColumn == null ? "" : ", timeColumn=" + timeColumn)
                    + (timeValue == null ? "" : ", timeValue=" + timeValue)
                    + ", createDatabaseIfMissing=" + createDatabaseIfMissing + ", chunkSize=" + chunkSize
                    + ", maxAttempts=" + maxAttempts;
        }

        /** The settings, with the key printed as {@code ****}. */
        @Override
        public String toString() {
            return "TdWriter.Builder{" + describe() + ", apiKey=" + (apiKey == null ? "(from " + API_KEY_ENV + ")" : ApiKey.MASK) + "}";
        }
    }
}

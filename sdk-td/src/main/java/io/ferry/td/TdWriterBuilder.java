package io.ferry.td;

import io.ferry.core.FerryConfigException;
import io.ferry.core.Secrets;
import io.ferry.td.internal.ApiKey;
import io.ferry.td.internal.TdNames;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Function;

/**
 * Builds a {@link TdWriter}. Setters reject nulls and impossible values at once; {@link #build()}
 * checks the required database and table, and finds the key. Not thread-safe.
 */
public final class TdWriterBuilder {
    /** The default gzip level of the chunks: 1, the fastest (most of the encoding cost is deflate). */
    public static final int DEFAULT_COMPRESSION_LEVEL = 1;
    /** Largest {@link #compressionThreads(int)}. */
    public static final int MAX_COMPRESSION_THREADS = 64;
    ApiKey apiKey;
    TdEndpoint endpoint = TdEndpoint.US;
    String database;
    String table;
    TdWriteMode mode = TdWriteMode.APPEND;
    String timeColumn;
    Long timeValue;
    boolean createDatabaseIfMissing;
    long chunkSize = TdWriter.DEFAULT_CHUNK_SIZE;
    int compressionLevel = DEFAULT_COMPRESSION_LEVEL;
    int compressionThreads;
    int maxAttempts = 5;
    Duration initialBackoff = Duration.ofMillis(500);
    Duration maxBackoff = Duration.ofSeconds(30);
    Duration requestTimeout = Duration.ofMinutes(5);
    Duration connectTimeout = Duration.ofSeconds(30);
    Clock clock = Clock.systemUTC();
    HttpClient httpClient;
    TdWriteListener listener = TdWriteListener.NONE;

    TdWriterBuilder() {
    }

    /**
     * The API key. Default: the {@code TD_API_KEY} environment variable, read by {@link #build()}.
     * REPLACE and REPLACE_ON_NEW_DATA need a key that may swap and delete tables (a master
     * key); a write-only key suffices for APPEND.
     *
     * @param apiKey the API key
     * @return this builder
     */
    public TdWriterBuilder apiKey(String apiKey) {
        this.apiKey = ApiKey.of(apiKey, "apiKey");
        return this;
    }

    /**
     * The API endpoint. Default {@link TdEndpoint#US}.
     *
     * @param endpoint the API endpoint
     * @return this builder
     */
    public TdWriterBuilder endpoint(TdEndpoint endpoint) {
        this.endpoint = FerryConfigException.requireNonNull(endpoint, "endpoint");
        return this;
    }

    /**
     * The API endpoint as a host or URI; see {@link TdEndpoint#of(String)}.
     *
     * @param hostOrUri the API endpoint as a host or URI
     * @return this builder
     */
    public TdWriterBuilder endpoint(String hostOrUri) {
        return endpoint(TdEndpoint.of(hostOrUri));
    }

    /**
     * The database; required: 3 to 256 characters of a-z, 0-9 and _.
     *
     * @param database the database name
     * @return this builder
     */
    public TdWriterBuilder database(String database) {
        this.database = TdNames.check(database, "database", "database");
        return this;
    }

    /**
     * The table; required, created when missing: 3 to 256 characters of a-z, 0-9 and _.
     *
     * @param table the table name
     * @return this builder
     */
    public TdWriterBuilder table(String table) {
        this.table = TdNames.check(table, "table", "table");
        return this;
    }

    /**
     * The write mode. Default {@link TdWriteMode#APPEND}.
     *
     * @param mode the write mode
     * @return this builder
     */
    public TdWriterBuilder mode(TdWriteMode mode) {
        this.mode = FerryConfigException.requireNonNull(mode, "mode");
        return this;
    }

    /**
     * Applies a {@code td://} URI: database, table and mode, plus the key and host when the
     * URI has them. Later setters override what it set.
     *
     * @param uri the {@code td://} URI
     * @return this builder
     * @throws FerryConfigException if the URI is malformed
     */
    public TdWriterBuilder uri(String uri) {
        return uri(TdUri.parse(uri));
    }

    /**
     * Applies a parsed {@code td://} URI; see {@link #uri(String)}.
     *
     * @param uri the parsed URI
     * @return this builder
     */
    public TdWriterBuilder uri(TdUri uri) {
        FerryConfigException.requireNonNull(uri, "uri");
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
     *
     * @param column the column copied into {@code time}
     * @return this builder
     */
    public TdWriterBuilder timeColumn(String column) {
        FerryConfigException.requireNonNull(column, "timeColumn");
        if (column.isEmpty()) {
            throw new FerryConfigException("timeColumn", "the time column name is empty");
        }
        this.timeColumn = column;
        return this;
    }

    /**
     * A fixed {@code time} in unix seconds for every row, used when there is no {@code time}
     * column and no {@link #timeColumn}. Default: the upload time. Must not be negative.
     *
     * @param epochSeconds the {@code time} of every row, in unix seconds
     * @return this builder
     */
    public TdWriterBuilder timeValue(long epochSeconds) {
        if (epochSeconds < 0) {
            throw new FerryConfigException("timeValue",
                    "timeValue is unix seconds and must not be negative, was " + epochSeconds);
        }
        this.timeValue = epochSeconds;
        return this;
    }

    /**
     * Whether to create the database when it is missing. Default false: a missing database is an error.
     *
     * @param create whether to create a missing database
     * @return this builder
     */
    public TdWriterBuilder createDatabaseIfMissing(boolean create) {
        this.createDatabaseIfMissing = create;
        return this;
    }

    /**
     * Bytes of msgpack rows (before gzip) per uploaded chunk; memory holds one chunk,
     * compressed. Default 32 MB, from 1 KB to 256 MB.
     *
     * @param bytes the chunk size in bytes
     * @return this builder
     */
    public TdWriterBuilder chunkSize(long bytes) {
        if (bytes < TdWriter.MIN_CHUNK_SIZE || bytes > TdWriter.MAX_CHUNK_SIZE) {
            throw new FerryConfigException("chunkSize", "chunkSize must be between 1 KB (" + TdWriter.MIN_CHUNK_SIZE
                    + ") and 256 MB (" + TdWriter.MAX_CHUNK_SIZE + ") bytes, was " + bytes);
        }
        this.chunkSize = bytes;
        return this;
    }

    /**
     * The gzip level of the msgpack.gz chunks, 1 (fastest) to 9 (smallest); default
     * {@value #DEFAULT_COMPRESSION_LEVEL}. docs/td.md compares the levels.
     *
     * @param level the gzip level
     * @return this builder
     */
    public TdWriterBuilder compressionLevel(int level) {
        if (level < 1 || level > 9) {
            throw new FerryConfigException("compressionLevel", "compressionLevel must be between 1 and 9, was " + level);
        }
        this.compressionLevel = level;
        return this;
    }

    /**
     * The threads that compress each chunk, 1..{@value #MAX_COMPRESSION_THREADS}; default the
     * available processors. With more than one, a chunk's gzip is compressed in 128 KiB blocks on
     * a pool of that many threads of the write's own, while the writing thread goes on packing
     * rows (the body stays one ordinary gzip member); with 1, gzip runs on the writing thread.
     *
     * @param threads the threads that compress
     * @return this builder
     */
    public TdWriterBuilder compressionThreads(int threads) {
        if (threads < 1 || threads > MAX_COMPRESSION_THREADS) {
            throw new FerryConfigException("compressionThreads", "compressionThreads must be between 1 and "
                    + MAX_COMPRESSION_THREADS + ", was " + threads);
        }
        this.compressionThreads = threads;
        return this;
    }

    /**
     * Attempts per API call, first included, on 5xx, 408, 429 and broken connections.
     * Default 5, from 1 to 20.
     *
     * @param attempts the attempts per API call
     * @return this builder
     */
    public TdWriterBuilder maxAttempts(int attempts) {
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
     *
     * @param initial the wait before the first retry
     * @param max the longest wait between retries
     * @return this builder
     */
    public TdWriterBuilder backoff(Duration initial, Duration max) {
        FerryConfigException.requireNonNull(initial, "initialBackoff");
        FerryConfigException.requireNonNull(max, "maxBackoff");
        if (initial.isNegative() || max.compareTo(initial) < 0) {
            throw new FerryConfigException("backoff", "backoff needs 0 <= initial <= max, was initial "
                    + initial + " and max " + max);
        }
        this.initialBackoff = initial;
        this.maxBackoff = max;
        return this;
    }

    /**
     * The longest wait for one API answer (an upload included). Default 5 minutes; positive.
     *
     * @param timeout the longest wait for one answer
     * @return this builder
     */
    public TdWriterBuilder requestTimeout(Duration timeout) {
        this.requestTimeout = positive(timeout, "requestTimeout");
        return this;
    }

    /**
     * The longest wait to connect, for the client Ferry creates. Default 30 s; positive.
     *
     * @param timeout the longest wait to connect
     * @return this builder
     */
    public TdWriterBuilder connectTimeout(Duration timeout) {
        this.connectTimeout = positive(timeout, "connectTimeout");
        return this;
    }

    /**
     * The clock giving the upload time (the default {@code time}), durations, and the time a
     * {@code Retry-After} date is counted from. Default UTC system clock.
     *
     * @param clock the clock
     * @return this builder
     */
    public TdWriterBuilder clock(Clock clock) {
        this.clock = FerryConfigException.requireNonNull(clock, "clock");
        return this;
    }

    /**
     * An HTTP client to use, e.g. one with a proxy or custom TLS; {@link #connectTimeout} then
     * does not apply. Default: Ferry creates one (HTTP/1.1).
     *
     * @param client the HTTP client; Ferry does not close it
     * @return this builder
     */
    public TdWriterBuilder httpClient(HttpClient client) {
        this.httpClient = FerryConfigException.requireNonNull(client, "httpClient");
        return this;
    }

    /**
     * Receives the progress of every write of the writer (each transaction's chunks and row
     * counts), on the thread that writes; default {@link TdWriteListener#NONE}. See
     * {@link TdWriteListener} for when events come and what a listener that throws does.
     *
     * @param listener the listener, not null
     * @return this builder
     */
    public TdWriterBuilder listener(TdWriteListener listener) {
        this.listener = FerryConfigException.requireNonNull(listener, "listener");
        return this;
    }

    private static Duration positive(Duration d, String option) {
        FerryConfigException.requireNonNull(d, option);
        if (d.isNegative() || d.isZero()) {
            throw new FerryConfigException(option, option + " must be positive, was " + d);
        }
        return d;
    }

    /**
     * Builds the writer. Reads {@code TD_API_KEY} when no key was given.
     *
     * @return the writer
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
            String fromEnv = environment.apply(TdWriter.API_KEY_ENV);
            if (fromEnv == null || fromEnv.isBlank()) {
                throw new FerryConfigException("apiKey", "no API key: set apiKey(...), put it in the td:// URI,"
                        + " or set the environment variable " + TdWriter.API_KEY_ENV);
            }
            key = ApiKey.of(fromEnv, TdWriter.API_KEY_ENV);
        }
        return TdWriter.create(this, key);
    }

    String describe() {
        return "endpoint=" + endpoint + ", database=" + database + ", table=" + table + ", mode=" + mode
                + (timeColumn == null ? "" : ", timeColumn=" + timeColumn)
                + (timeValue == null ? "" : ", timeValue=" + timeValue)
                + ", createDatabaseIfMissing=" + createDatabaseIfMissing + ", chunkSize=" + chunkSize
                + (compressionLevel == DEFAULT_COMPRESSION_LEVEL ? "" : ", compressionLevel=" + compressionLevel)
                + (compressionThreads == 0 ? "" : ", compressionThreads=" + compressionThreads)
                + ", maxAttempts=" + maxAttempts;
    }

    /** The settings, with the key printed as {@code ****}. */
    @Override
    public String toString() {
        return "TdWriterBuilder{" + describe() + ", apiKey="
                + (apiKey == null ? "(from " + TdWriter.API_KEY_ENV + ")" : Secrets.MASK) + "}";
    }
}

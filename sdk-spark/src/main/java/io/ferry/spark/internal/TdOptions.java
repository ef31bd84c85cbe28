package io.ferry.spark.internal;

import io.ferry.core.FerryConfigException;
import io.ferry.td.TdUri;
import io.ferry.td.TdWriteMode;
import io.ferry.td.TdWriter;
import io.ferry.td.TdWriterBuilder;
import java.io.Serializable;
import java.util.Map;
import java.util.Set;

/**
 * The options of {@code df.write().format("ferry-td")}: {@code database}, {@code table},
 * {@code mode} (append, replace, replace_on_new_data; default from Spark's save mode),
 * {@code apikey} (or {@code TD_API_KEY} in every executor's environment), {@code endpoint},
 * {@code time_column} / {@code time_value}, {@code chunk_size}, {@code create_database}; or one
 * {@code td://} URI as option {@code uri}. Serializable; {@link #toString()} masks the key.
 */
public final class TdOptions implements Serializable {
    private static final long serialVersionUID = 1L;
    static final Set<String> KEYS = Set.of("uri", "database", "table", "mode", "apikey", "endpoint", "time_column",
            "time_value", "chunk_size", "create_database");

    private final OptionMap options;
    private final TdWriteMode mode;

    private TdOptions(OptionMap options, TdWriteMode mode) {
        this.options = options;
        this.mode = mode;
    }

    /**
     * @param options   the write's options
     * @param overwrite whether Spark's save mode is overwrite (REPLACE) rather than append (APPEND);
     *                  the option {@code mode} wins over it
     * @throws FerryConfigException naming the option at fault
     */
    public static TdOptions parse(Map<String, String> options, boolean overwrite) {
        OptionMap m = OptionMap.of(options, KEYS, "format(\"ferry-td\") writes");
        // the option mode, else a mode the td:// URI names, else Spark's save mode
        TdWriteMode mode = m.text("mode").map(TdWriteMode::parse)
                .or(() -> m.text("uri").filter(u -> u.contains("mode=")).map(u -> TdUri.parse(u).mode()))
                .orElse(overwrite ? TdWriteMode.REPLACE : TdWriteMode.APPEND);
        TdOptions parsed = new TdOptions(m, mode);
        parsed.builder().build();
        return parsed;
    }

    /** {@return the write mode} */
    public TdWriteMode mode() {
        return mode;
    }

    /** {@return a TdWriter builder for the options' target table and mode} */
    public TdWriterBuilder builder() {
        TdWriterBuilder b = TdWriter.builder();
        options.text("uri").ifPresent(b::uri);
        options.text("database").ifPresent(b::database);
        options.text("table").ifPresent(b::table);
        options.text("apikey").ifPresent(b::apiKey);
        options.text("endpoint").ifPresent(b::endpoint);
        options.text("time_column").ifPresent(b::timeColumn);
        if (options.has("time_value")) {
            b.timeValue(options.number("time_value", 0, 0, Long.MAX_VALUE));
        }
        if (options.has("chunk_size")) {
            b.chunkSize(options.number("chunk_size", TdWriter.DEFAULT_CHUNK_SIZE, TdWriter.MIN_CHUNK_SIZE,
                    TdWriter.MAX_CHUNK_SIZE));
        }
        if (options.has("create_database")) {
            b.createDatabaseIfMissing(options.bool("create_database", false));
        }
        b.mode(mode);
        return b;
    }

    @Override
    public String toString() {
        return "TdOptions" + options + " " + mode;
    }
}

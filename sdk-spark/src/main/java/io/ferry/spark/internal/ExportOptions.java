package io.ferry.spark.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.ferry.core.FerryConfigException;
import io.ferry.core.template.KeyTemplate;
import io.ferry.formats.parquet.ParquetFormat;
import io.ferry.s3.export.S3Export;
import io.ferry.s3.export.S3ExportConfig;
import io.ferry.s3.export.WriteStrategy;
import java.io.IOException;
import java.io.Serializable;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The options of {@code df.write().format("ferry")}: the keys of Treasure Data's S3 v2 result JSON,
 * read by {@link S3ExportConfig#fromTdResult} exactly as a TD export reads them (so a TD result
 * setting moves to Spark unchanged, {@code type} may be left out), plus a few of Ferry's own
 * (docs/spark.md lists them). Built once on the driver to check them, then again on each executor.
 */
public final class ExportOptions implements Serializable {
    private static final long serialVersionUID = 1L;
    /** The keys S3ExportConfig.fromTdResult reads. */
    static final Set<String> TD_KEYS = Set.of("type", "auth_method", "region", "endpoint", "access_key_id",
            "secret_access_key", "session_token", "profile", "bucket", "path", "format", "compression", "header",
            "delimiter", "null_value", "newline", "quote_policy", "quote", "escape", "part_size", "sse_type",
            "kms_key_id");
    /** Ferry's own keys. */
    static final Set<String> FERRY_KEYS = Set.of("path_style", "table", "write_strategy", "max_rows_per_object",
            "max_bytes_per_object", "partition_zone", "manifest");
    static final Set<String> KEYS;

    static {
        Set<String> all = new HashSet<>(TD_KEYS);
        all.addAll(FERRY_KEYS);
        KEYS = Set.copyOf(all);
    }

    private static final JsonFactory JSON = new JsonFactory();

    private final OptionMap options;
    private final WriteStrategy strategy;
    private final String exportToken;

    private ExportOptions(OptionMap options, WriteStrategy strategy, String exportToken) {
        this.options = options;
        this.strategy = strategy;
        this.exportToken = exportToken;
    }

    /**
     * {@return these options with one export token for every task of a write} The driver makes it
     * once; publish, abort and the sweep of the driver find every task's uploads by it.
     */
    public ExportOptions withNewExportToken() {
        return new ExportOptions(options, strategy, builder().build().exportToken());
    }

    /**
     * @param options   the write's options
     * @param overwrite whether Spark's save mode is overwrite (REPLACE) rather than append (CREATE_NEW);
     *                  the option {@code write_strategy} wins over it
     * @throws FerryConfigException naming the option at fault
     */
    public static ExportOptions parse(Map<String, String> options, boolean overwrite) {
        OptionMap m = OptionMap.of(options, KEYS, "format(\"ferry\") writes");
        WriteStrategy strategy = overwrite ? WriteStrategy.REPLACE : WriteStrategy.CREATE_NEW;
        if (m.has("write_strategy")) {
            String s = m.text("write_strategy").get();
            try {
                strategy = WriteStrategy.valueOf(s.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new FerryConfigException("write_strategy", "write_strategy must be create_new or replace, was '"
                        + s + "'");
            }
        }
        ExportOptions parsed = new ExportOptions(m, strategy, null);
        KeyTemplate path = parsed.builder().build().path();
        if (!path.hasWriter() && !path.hasUuid()) {
            // S3Export.open says so too, but on every executor: say it once, before any task starts
            String t = path.template();
            throw new FerryConfigException("path", "path '" + t + "' has neither {{WRITER}} nor {{UUID}}, so every"
                    + " Spark task would write the same keys; add one, e.g. '" + t.substring(0, t.lastIndexOf('/') + 1)
                    + "part-{{WRITER}}.{{FORMAT}}'");
        }
        return parsed;
    }

    /** {@return the table name for the {@code {{TABLE}}} placeholder (option {@code table}, default spark)} */
    public String table() {
        return options.text("table").orElse("spark");
    }

    /** {@return a builder of the export these options describe} */
    public S3Export.Builder builder() {
        boolean parquet = options.text("format").map(f -> f.equalsIgnoreCase("parquet")).orElse(false);
        if (parquet && options.text("compression").filter(c -> !c.equalsIgnoreCase("none")).isPresent()) {
            throw new FerryConfigException("compression", "format parquet compresses its pages itself; leave"
                    + " compression out or none, was '" + options.text("compression").get() + "'");
        }
        S3Export.Builder b = S3ExportConfig.fromTdResult(tdJson(parquet));
        if (parquet) {
            b.format(ParquetFormat.defaults());
        }
        b.writeStrategy(strategy);
        if (exportToken != null) {
            b.exportToken(exportToken);
        }
        options.text("manifest").ifPresent(b::manifest);
        if (options.has("path_style")) {
            b.pathStyle(options.bool("path_style", false));
        }
        if (options.has("max_rows_per_object")) {
            b.maxRowsPerObject(options.number("max_rows_per_object", 0, 1, Long.MAX_VALUE));
        }
        if (options.has("max_bytes_per_object")) {
            b.maxBytesPerObject(options.number("max_bytes_per_object", 0, 1, Long.MAX_VALUE));
        }
        options.text("partition_zone").ifPresent(z -> {
            try {
                b.partitionZone(ZoneId.of(z));
            } catch (java.time.DateTimeException e) {
                throw new FerryConfigException("partition_zone", "partition_zone must be a time zone id such as"
                        + " Asia/Tokyo or UTC, was '" + z + "'");
            }
        });
        return b;
    }

    private String tdJson(boolean parquet) {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.writeStartObject();
            if (!options.has("type")) {
                g.writeStringField("type", "s3_v2");
            }
            for (Map.Entry<String, String> e : options.asMap().entrySet()) {
                if (!TD_KEYS.contains(e.getKey())) {
                    continue;
                }
                String v = e.getValue();
                if (parquet && e.getKey().equals("format")) {
                    v = "csv";
                }
                g.writeStringField(e.getKey(), v);
            }
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    @Override
    public String toString() {
        return "ExportOptions" + options + " " + strategy;
    }
}

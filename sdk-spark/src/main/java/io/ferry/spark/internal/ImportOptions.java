package io.ferry.spark.internal;

import io.ferry.core.FerryConfigException;
import io.ferry.core.credentials.Credentials;
import io.ferry.core.filter.Filters;
import io.ferry.core.filter.RecordFilter;
import io.ferry.core.incremental.IncrementalState;
import io.ferry.formats.decode.Decoder;
import io.ferry.formats.read.BadRowPolicy;
import io.ferry.formats.read.ParserConfig;
import io.ferry.s3.imports.S3Import;
import java.io.Serializable;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The options of {@code spark.read().format("ferry")}: the S3 import settings of a TD / Embulk
 * {@code load.yml} {@code in:} section, flat ({@code bucket}, {@code path_prefix},
 * {@code path_match_pattern}, ..., {@code parser} as JSON text; no parser means guess), plus
 * {@code bad_rows}, {@code drop_columns} / {@code keep_columns} and the partition size
 * {@code max_partition_bytes}. Serializable: each executor builds the same import from it.
 */
public final class ImportOptions implements Serializable {
    private static final long serialVersionUID = 1L;
    static final Set<String> KEYS = Set.of("bucket", "path_prefix", "path", "path_match_pattern", "endpoint",
            "region", "path_style", "use_modified_time", "modified_after", "last_path", "skip_glacier_objects",
            "decoder", "auth_method", "profile", "access_key_id", "secret_access_key", "session_token", "parser",
            "bad_rows", "drop_columns", "keep_columns", "max_partition_bytes", "fail_on_no_files",
            PlanRegistry.OPTION);
    /** Default target size of one input partition: 128 MB, as Spark's own files.maxPartitionBytes. */
    public static final long DEFAULT_PARTITION_BYTES = 128L * 1024 * 1024;

    private final OptionMap options;

    private ImportOptions(OptionMap options) {
        this.options = options;
    }

    /**
     * @throws FerryConfigException naming the option at fault
     */
    public static ImportOptions parse(Map<String, String> options) {
        ImportOptions parsed = new ImportOptions(OptionMap.of(options, KEYS, "format(\"ferry\") reads"));
        if (parsed.options.has("path") && parsed.options.has("path_prefix")) {
            throw new FerryConfigException("path", "give path_prefix or path (load(\"prefix\")), not both");
        }
        parsed.builder().build();
        parsed.partitionBytes();
        return parsed;
    }

    /** {@return the target bytes of one input partition} */
    public long partitionBytes() {
        return options.number("max_partition_bytes", DEFAULT_PARTITION_BYTES, 1, Long.MAX_VALUE);
    }

    /** {@return an import builder for these options (starting state from last_path / modified_after)} */
    public S3Import.Builder builder() {
        S3Import.Builder b = S3Import.builder()
                .bucket(options.required("bucket", "my-bucket"))
                .pathPrefix(options.text("path_prefix").or(() -> options.text("path")).orElse(""));
        options.text("path_match_pattern").ifPresent(b::pathMatchPattern);
        options.text("endpoint").ifPresent(b::endpoint);
        options.text("region").ifPresent(b::region);
        b.pathStyle(options.bool("path_style", false));
        b.useModifiedTime(options.bool("use_modified_time", false));
        b.skipGlacierObjects(options.bool("skip_glacier_objects", false));
        b.failOnNoFiles(options.bool("fail_on_no_files", false));
        options.text("last_path").ifPresent(b::startAfter);
        options.text("modified_after").ifPresent(t -> {
            try {
                b.modifiedAfter(Instant.parse(t));
            } catch (DateTimeParseException e) {
                throw new FerryConfigException("modified_after", "modified_after must be an ISO-8601 instant such"
                        + " as 2026-12-01T00:00:00Z, was '" + t + "'");
            }
        });
        options.text("decoder").ifPresent(d -> b.decoder(Decoder.parse(d)));
        credentials(b);
        if (options.has("parser")) {
            b.parser(ParserConfig.fromJson(options.text("parser").get()));
        } else {
            b.guess();
        }
        options.text("bad_rows").ifPresent(p -> {
            try {
                b.badRows(BadRowPolicy.valueOf(p.toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw new FerryConfigException("bad_rows", "bad_rows must be fail or skip, was '" + p + "'");
            }
        });
        List<RecordFilter> filters = new ArrayList<>();
        options.text("drop_columns").ifPresent(c -> filters.add(Filters.drop(names(c, "drop_columns"))));
        options.text("keep_columns").ifPresent(c -> filters.add(Filters.retain(names(c, "keep_columns"))));
        if (!filters.isEmpty()) {
            b.filters(filters);
        }
        return b;
    }

    /** {@return an incremental import builder starting at {@code state} (null: the options' own start)} */
    public S3Import.Builder builder(IncrementalState state) {
        S3Import.Builder b = builder().incremental(true);
        if (state != null) {
            b.state(state);
        }
        return b;
    }

    private static List<String> names(String list, String key) {
        List<String> names = Arrays.stream(list.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
        if (names.isEmpty()) {
            throw new FerryConfigException(key, key + " must list column names separated by commas, was '" + list
                    + "'");
        }
        return names;
    }

    private void credentials(S3Import.Builder b) {
        String method = options.text("auth_method").orElse("default").toLowerCase(Locale.ROOT);
        for (String key : List.of("profile", "access_key_id", "secret_access_key", "session_token")) {
            boolean allowed = key.equals("profile") ? method.equals("profile")
                    : key.equals("session_token") ? method.equals("session")
                    : method.equals("basic") || method.equals("session");
            if (options.has(key) && !allowed) {
                throw new FerryConfigException(key, key + " does not go with auth_method " + method);
            }
        }
        switch (method) {
            case "default":
                break;
            case "profile":
                b.credentials(Credentials.profile(options.required("profile", "analytics")));
                break;
            case "anonymous":
                b.credentials(Credentials.anonymous());
                break;
            case "basic":
                b.credentials(Credentials.basic(options.required("access_key_id", "AKIA..."),
                        options.required("secret_access_key", "...")));
                break;
            case "session":
                b.credentials(Credentials.session(options.required("access_key_id", "ASIA..."),
                        options.required("secret_access_key", "..."), options.required("session_token", "...")));
                break;
            default:
                throw new FerryConfigException("auth_method", "auth_method must be default, profile, anonymous, basic"
                        + " or session, was '" + method + "'");
        }
    }

    @Override
    public String toString() {
        return "ImportOptions" + options;
    }
}

package io.ferry.s3.export;

import io.ferry.core.FerryConfigException;
import io.ferry.core.credentials.Credentials;
import io.ferry.formats.Compression;
import io.ferry.formats.Newline;
import io.ferry.formats.csv.CsvFormat;
import io.ferry.formats.csv.QuotePolicy;
import io.ferry.formats.json.JsonLinesFormat;
import io.ferry.s3.export.internal.FlatJson;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads the {@code --result} JSON of Treasure Data's S3 v2 export into an {@link S3Export}
 * builder, so existing TD export settings run unchanged:
 *
 * <pre>{@code
 * S3Export export = S3ExportConfig.fromTdResult("{\"type\":\"s3_v2\",\"auth_method\":\"basic\","
 *         + "\"region\":\"us-east-2\",\"access_key_id\":\"AKIA...\",\"secret_access_key\":\"...\","
 *         + "\"bucket\":\"bucket_name\",\"path\":\"path/to/file.csv\",\"format\":\"csv\","
 *         + "\"compression\":\"none\",\"header\":true,\"part_size\":10}")
 *     .build();
 * }</pre>
 *
 * <table>
 *   <caption>Keys</caption>
 *   <tr><th>key</th><th>values</th><th>default</th></tr>
 *   <tr><td>type</td><td>{@code s3_v2} (required)</td><td></td></tr>
 *   <tr><td>auth_method</td><td>{@code basic}, {@code session}; and, beyond TD's, {@code default} (the AWS
 *       default chain: environment, {@code ~/.aws}, instance role) and {@code profile}</td><td>basic</td></tr>
 *   <tr><td>access_key_id, secret_access_key, session_token</td><td>text (basic and session only; token for
 *       session only)</td><td></td></tr>
 *   <tr><td>profile</td><td>a profile name of {@code ~/.aws} (profile only)</td><td></td></tr>
 *   <tr><td>region, endpoint</td><td>text, URL</td><td>AWS defaults</td></tr>
 *   <tr><td>bucket, path</td><td>text (required)</td><td></td></tr>
 *   <tr><td>format</td><td>{@code csv}, {@code tsv}, {@code jsonl}</td><td>csv</td></tr>
 *   <tr><td>compression</td><td>{@code none}, {@code gz}</td><td>none</td></tr>
 *   <tr><td>header</td><td>true, false</td><td>true</td></tr>
 *   <tr><td>delimiter</td><td>{@code default} or one character ({@code \t} for tab)</td><td>format's</td></tr>
 *   <tr><td>null_value</td><td>{@code default}, {@code empty}, {@code \N}, {@code NULL}, {@code null}</td><td>format's</td></tr>
 *   <tr><td>newline</td><td>{@code CRLF}, {@code LF}, {@code CR}</td><td>CRLF</td></tr>
 *   <tr><td>quote_policy</td><td>{@code ALL}, {@code MINIMAL}, {@code NONE}</td><td>MINIMAL</td></tr>
 *   <tr><td>quote, escape</td><td>one character</td><td>{@code "}</td></tr>
 *   <tr><td>part_size</td><td>5..5000 (MB)</td><td>10</td></tr>
 *   <tr><td>sse_type</td><td>{@code sse-s3}, {@code sse-kms}</td><td>none</td></tr>
 *   <tr><td>kms_key_id</td><td>text (sse-kms only)</td><td>account default key</td></tr>
 * </table>
 * The text options are ignored for jsonl, as TD does. Unknown keys and bad values are rejected
 * with a {@link FerryConfigException} whose option is the JSON key.
 */
public final class S3ExportConfig {
    private static final Set<String> KEYS = Set.of("type", "auth_method", "region", "endpoint", "access_key_id",
            "secret_access_key", "session_token", "profile", "bucket", "path", "format", "compression", "header", "delimiter",
            "null_value", "newline", "quote_policy", "quote", "escape", "part_size", "sse_type", "kms_key_id");

    private S3ExportConfig() {
    }

    /**
     * A builder configured from TD's S3 v2 result JSON; set more options on it, then {@code build()}.
     *
     * @param json the result output JSON
     * @return the configured builder
     * @throws FerryConfigException naming the JSON key for an unknown key, a missing required key or a bad value
     */
    public static S3Export.Builder fromTdResult(String json) {
        Map<String, String> m = FlatJson.parse(FerryConfigException.requireNonNull(json, "result"), "result");
        for (String key : m.keySet()) {
            if (!KEYS.contains(key)) {
                throw new FerryConfigException(key, "unknown key '" + key + "' in the TD result JSON; the keys are "
                        + new java.util.TreeSet<>(KEYS));
            }
        }
        String type = required(m, "type");
        if (!type.equals("s3_v2")) {
            throw new FerryConfigException("type", "type must be s3_v2, was '" + type + "'");
        }
        S3Export.Builder b = S3Export.builder().bucket(required(m, "bucket")).path(required(m, "path"));
        credentials(m, b);
        opt(m, "region").ifPresent(b::region);
        opt(m, "endpoint").ifPresent(b::endpoint);
        b.format(format(m));
        String compression = opt(m, "compression").orElse("none").toLowerCase(Locale.ROOT);
        if (compression.equals("gz") || compression.equals("gzip")) {
            b.compression(Compression.GZIP);
        } else if (!compression.equals("none")) {
            throw new FerryConfigException("compression", "compression must be none or gz, was '" + compression + "'");
        }
        if (opt(m, "part_size").isPresent()) {
            String size = m.get("part_size");
            try {
                int mb = Integer.parseInt(size.trim());
                if (mb < S3Export.MIN_PART_SIZE_MB || mb > S3Export.MAX_PART_SIZE_MB) {
                    throw new NumberFormatException();
                }
                b.partSize(mb);
            } catch (NumberFormatException e) {
                throw new FerryConfigException("part_size", "part_size must be a whole number of MB from "
                        + S3Export.MIN_PART_SIZE_MB + " to " + S3Export.MAX_PART_SIZE_MB + ", was '" + size + "'");
            }
        }
        sse(m, b);
        return b;
    }

    private static void credentials(Map<String, String> m, S3Export.Builder b) {
        String method = opt(m, "auth_method").orElse("basic").toLowerCase(Locale.ROOT);
        if (m.get("profile") != null && !method.equals("profile")) {
            throw new FerryConfigException("profile", "profile needs auth_method profile");
        }
        if (method.equals("default") || method.equals("profile")) {
            for (String key : new String[] {"access_key_id", "secret_access_key", "session_token"}) {
                if (m.get(key) != null) {
                    throw new FerryConfigException(key, key + " does not go with auth_method " + method
                            + "; use auth_method basic or session for keys in the JSON");
                }
            }
        }
        switch (method) {
            case "default":
                b.credentials(Credentials.defaultChain());
                break;
            case "profile":
                b.credentials(Credentials.profile(required(m, "profile")));
                break;
            case "basic":
                if (m.get("session_token") != null) {
                    throw new FerryConfigException("session_token", "session_token needs auth_method session");
                }
                b.credentials(Credentials.basic(required(m, "access_key_id"), required(m, "secret_access_key")));
                break;
            case "session":
                b.credentials(Credentials.session(required(m, "access_key_id"), required(m, "secret_access_key"),
                        required(m, "session_token")));
                break;
            default:
                throw new FerryConfigException("auth_method", "auth_method must be basic, session, default or"
                        + " profile, was '" + method + "'; for a role, set credentials(Credentials.assumeRole(..)) on the returned builder");
        }
    }

    private static io.ferry.formats.FileFormat format(Map<String, String> m) {
        String format = opt(m, "format").orElse("csv").toLowerCase(Locale.ROOT);
        Newline newline = newline(m);
        if (format.equals("jsonl")) {
            return JsonLinesFormat.builder().newline(newline).build();
        }
        CsvFormat.Builder csv;
        if (format.equals("csv")) {
            csv = CsvFormat.csv().toBuilder();
        } else if (format.equals("tsv")) {
            csv = CsvFormat.tsv().toBuilder();
        } else {
            throw new FerryConfigException("format", "format must be csv, tsv or jsonl, was '" + format + "'");
        }
        csv.newline(newline).header(bool(m, "header", true));
        opt(m, "delimiter").filter(d -> !d.equalsIgnoreCase("default"))
                .ifPresent(d -> csv.delimiter(single(d.equals("\\t") ? "\t" : d, "delimiter")));
        opt(m, "null_value").filter(n -> !n.equalsIgnoreCase("default")).ifPresent(n -> {
            if (n.equalsIgnoreCase("empty")) {
                csv.nullString("");
            } else if (n.equals("\\N") || n.equals("NULL") || n.equals("null")) {
                csv.nullString(n);
            } else {
                throw new FerryConfigException("null_value", "null_value must be default, empty, \\N, NULL or null,"
                        + " was '" + n + "'");
            }
        });
        opt(m, "quote_policy").ifPresent(q -> {
            try {
                csv.quotePolicy(QuotePolicy.valueOf(q.toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw new FerryConfigException("quote_policy", "quote_policy must be ALL, MINIMAL or NONE, was '" + q
                        + "'");
            }
        });
        opt(m, "quote").ifPresent(q -> csv.quote(single(q, "quote")));
        opt(m, "escape").ifPresent(e -> csv.escape(single(e, "escape")));
        try {
            return csv.build();
        } catch (FerryConfigException e) {
            throw new FerryConfigException(e.option(), "the TD result JSON gives an inconsistent format: "
                    + e.getMessage(), e);
        }
    }

    private static Newline newline(Map<String, String> m) {
        String n = opt(m, "newline").orElse("CRLF");
        try {
            return Newline.valueOf(n.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new FerryConfigException("newline", "newline must be CRLF, LF or CR, was '" + n + "'");
        }
    }

    private static void sse(Map<String, String> m, S3Export.Builder b) {
        java.util.Optional<String> key = opt(m, "kms_key_id");
        java.util.Optional<String> type = opt(m, "sse_type");
        if (type.isEmpty()) {
            if (key.isPresent()) {
                throw new FerryConfigException("kms_key_id", "kms_key_id needs sse_type sse-kms");
            }
            return;
        }
        switch (type.get().toLowerCase(Locale.ROOT)) {
            case "sse-s3":
                if (key.isPresent()) {
                    throw new FerryConfigException("kms_key_id", "kms_key_id needs sse_type sse-kms, not sse-s3");
                }
                b.sse(Sse.s3());
                break;
            case "sse-kms":
                b.sse(key.map(Sse::kms).orElse(Sse.kms()));
                break;
            default:
                throw new FerryConfigException("sse_type", "sse_type must be sse-s3 or sse-kms, was '" + type.get() + "'");
        }
    }

    private static String required(Map<String, String> m, String key) {
        return opt(m, key).orElseThrow(() -> new FerryConfigException(key, key + " is required in the TD result JSON"));
    }

    private static java.util.Optional<String> opt(Map<String, String> m, String key) {
        String v = m.get(key);
        return v == null || v.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(v);
    }

    private static boolean bool(Map<String, String> m, String key, boolean dflt) {
        String v = opt(m, key).orElse(null);
        if (v == null) {
            return dflt;
        }
        if (v.equalsIgnoreCase("true") || v.equalsIgnoreCase("false")) {
            return Boolean.parseBoolean(v);
        }
        throw new FerryConfigException(key, key + " must be true or false, was '" + v + "'");
    }

    private static char single(String v, String key) {
        if (v.length() != 1) {
            throw new FerryConfigException(key, key + " must be exactly one character, was '" + v + "'");
        }
        return v.charAt(0);
    }
}

package io.ferry.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ferry.core.FerryConfigException;
import io.ferry.core.credentials.Credentials;
import io.ferry.core.filter.Filters;
import io.ferry.core.filter.RecordFilter;
import io.ferry.formats.decode.Decoder;
import io.ferry.formats.read.ParserConfig;
import io.ferry.s3.imports.S3Import;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * The import config file ({@code load.json}): a Treasure Data / Embulk {@code load.yml} written as
 * JSON. {@code in} holds the S3 settings, {@code parser} (top level, or inside {@code in} as Embulk
 * has it) the {@link ParserConfig} keys; without a parser the import guesses it at each run.
 * {@code filters} may hold {@code remove_columns} filters. {@code out} and {@code exec} are
 * ignored: {@code --to} is the destination.
 */
final class ImportConfig {
    private static final Set<String> TOP = Set.of("in", "parser", "filters", "out", "exec");
    private static final Set<String> IN = Set.of("type", "bucket", "path_prefix", "path_match_pattern", "endpoint",
            "region", "path_style", "incremental", "last_path", "use_modified_time", "skip_glacier_objects",
            "decoder", "auth_method", "profile", "access_key_id", "secret_access_key", "session_token", "parser");

    private ImportConfig() {
    }

    /**
     * An import builder from a config file's text.
     *
     * @throws FerryConfigException naming the key at fault (e.g. {@code in.bucket})
     */
    static S3Import.Builder parse(String text) {
        JsonNode root = Json.parse(text, "config");
        keys(root, TOP, "");
        JsonNode in = root.get("in");
        if (in == null || !in.isObject()) {
            throw new FerryConfigException("in", "the config needs an \"in\" object with the S3 settings, e.g."
                    + " {\"in\": {\"bucket\": \"my-bucket\", \"path_prefix\": \"logs/\"}}");
        }
        keys(in, IN, "in.");
        String type = text(in, "type", "s3");
        if (!type.equals("s3")) {
            throw new FerryConfigException("in.type", "in.type must be s3, was '" + type + "'");
        }
        S3Import.Builder b = S3Import.builder().bucket(required(in, "bucket")).pathPrefix(text(in, "path_prefix", ""));
        String pattern = text(in, "path_match_pattern", null);
        if (pattern != null) {
            b.pathMatchPattern(pattern);
        }
        String endpoint = text(in, "endpoint", null);
        if (endpoint != null) {
            b.endpoint(endpoint);
        }
        String region = text(in, "region", null);
        if (region != null) {
            b.region(region);
        }
        b.pathStyle(bool(in, "path_style", false));
        b.incremental(bool(in, "incremental", false));
        b.useModifiedTime(bool(in, "use_modified_time", false));
        b.skipGlacierObjects(bool(in, "skip_glacier_objects", false));
        String lastPath = text(in, "last_path", null);
        if (lastPath != null) {
            b.startAfter(lastPath);
        }
        String decoder = text(in, "decoder", null);
        if (decoder != null) {
            b.decoder(Decoder.parse(decoder));
        }
        credentials(in, b);
        JsonNode parser = root.has("parser") ? root.get("parser") : in.get("parser");
        if (root.has("parser") && in.has("parser")) {
            throw new FerryConfigException("parser", "the config has both \"parser\" and \"in.parser\"; keep one");
        }
        if (parser == null) {
            b.guess();
        } else {
            b.parser(ParserConfig.fromJson(Json.line(parser)));
        }
        if (root.has("filters")) {
            b.filters(filters(root.get("filters")));
        }
        return b;
    }

    /** A config for {@code ferry import}: where the objects are, and the parser a guess found. */
    static ObjectNode skeleton(S3Location loc, String pathMatchPattern, S3Options s3, ParserConfig parser) {
        ObjectNode root = Json.object();
        ObjectNode in = root.putObject("in");
        in.put("type", "s3");
        in.put("bucket", loc.bucket());
        in.put("path_prefix", loc.prefix());
        if (pathMatchPattern != null) {
            in.put("path_match_pattern", pathMatchPattern);
        }
        if (s3.endpoint != null) {
            in.put("endpoint", s3.endpoint);
        }
        if (s3.region != null) {
            in.put("region", s3.region);
        }
        if (s3.pathStyle) {
            in.put("path_style", true);
        }
        root.set("parser", Json.parse(parser.toJson(), "parser"));
        return root;
    }

    private static void credentials(JsonNode in, S3Import.Builder b) {
        String method = text(in, "auth_method", "default").toLowerCase(Locale.ROOT);
        for (String key : List.of("profile", "access_key_id", "secret_access_key", "session_token")) {
            boolean allowed = switch (key) {
                case "profile" -> method.equals("profile");
                case "session_token" -> method.equals("session");
                default -> method.equals("basic") || method.equals("session");
            };
            if (in.has(key) && !allowed) {
                throw new FerryConfigException("in." + key, "in." + key + " does not go with auth_method " + method);
            }
        }
        switch (method) {
            case "default", "env" -> {
                // the AWS default chain: environment, AWS_PROFILE, ~/.aws, instance role
            }
            case "profile" -> b.credentials(Credentials.profile(required(in, "profile")));
            case "anonymous" -> b.credentials(Credentials.anonymous());
            case "basic" -> b.credentials(Credentials.basic(required(in, "access_key_id"),
                    required(in, "secret_access_key")));
            case "session" -> b.credentials(Credentials.session(required(in, "access_key_id"),
                    required(in, "secret_access_key"), required(in, "session_token")));
            default -> throw new FerryConfigException("in.auth_method", "in.auth_method must be default, env,"
                    + " profile, anonymous, basic or session, was '" + method + "'");
        }
    }

    private static List<RecordFilter> filters(JsonNode filters) {
        if (!filters.isArray()) {
            throw new FerryConfigException("filters", "filters must be a list of filter objects");
        }
        List<RecordFilter> out = new ArrayList<>();
        for (int i = 0; i < filters.size(); i++) {
            JsonNode f = filters.get(i);
            String where = "filters[" + i + "]";
            if (!f.isObject()) {
                throw new FerryConfigException(where, where + " must be an object such as"
                        + " {\"type\": \"remove_columns\", \"remove\": [\"debug\"]}");
            }
            String type = required(f, "type", where + ".");
            if (!type.equals("remove_columns")) {
                throw new FerryConfigException(where + ".type", "filter type '" + type + "' is not supported by"
                        + " ferry import; supported: remove_columns (with remove or keep)");
            }
            keys(f, Set.of("type", "remove", "keep"), where + ".");
            if (f.has("remove") == f.has("keep")) {
                throw new FerryConfigException(where, where + " needs exactly one of remove and keep");
            }
            out.add(f.has("remove") ? Filters.drop(names(f.get("remove"), where + ".remove"))
                    : Filters.retain(names(f.get("keep"), where + ".keep")));
        }
        return out;
    }

    private static List<String> names(JsonNode list, String where) {
        if (!list.isArray() || list.isEmpty()) {
            throw new FerryConfigException(where, where + " must be a non-empty list of column names");
        }
        List<String> names = new ArrayList<>();
        for (JsonNode n : list) {
            if (!n.isTextual()) {
                throw new FerryConfigException(where, where + " must hold column names, found " + n);
            }
            names.add(n.asText());
        }
        return names;
    }

    private static void keys(JsonNode node, Set<String> allowed, String prefix) {
        for (String key : node.properties().stream().map(java.util.Map.Entry::getKey).toList()) {
            if (!allowed.contains(key)) {
                throw new FerryConfigException(prefix + key, "unknown key '" + prefix + key + "' in the import config;"
                        + " the keys" + (prefix.isEmpty() ? "" : " of " + prefix.substring(0, prefix.length() - 1))
                        + " are " + new TreeSet<>(allowed));
            }
        }
    }

    private static String required(JsonNode node, String key) {
        return required(node, key, "in.");
    }

    private static String required(JsonNode node, String key, String prefix) {
        String v = text(node, key, null, prefix);
        if (v == null || v.isEmpty()) {
            throw new FerryConfigException(prefix + key, prefix + key + " is required");
        }
        return v;
    }

    private static String text(JsonNode node, String key, String dflt) {
        return text(node, key, dflt, "in.");
    }

    private static String text(JsonNode node, String key, String dflt, String prefix) {
        JsonNode v = node.get(key);
        if (v == null || v.isNull()) {
            return dflt;
        }
        if (!v.isTextual()) {
            // the value itself is not quoted: it may be a misplaced secret
            throw new FerryConfigException(prefix + key, prefix + key + " must be a string, was a " + v.getNodeType()
                    .name().toLowerCase(Locale.ROOT));
        }
        return v.asText();
    }

    private static boolean bool(JsonNode node, String key, boolean dflt) {
        JsonNode v = node.get(key);
        if (v == null || v.isNull()) {
            return dflt;
        }
        if (!v.isBoolean()) {
            throw new FerryConfigException("in." + key, "in." + key + " must be true or false, was " + v);
        }
        return v.asBoolean();
    }
}

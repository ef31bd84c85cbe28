package io.ferry.core.incremental;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.ferry.core.FerryConfigException;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Where an incremental import stopped: the state a scheduler stores between runs (the "config
 * diff" of a Treasure Data connector), which is also where a first run starts. Immutable;
 * round-trips through JSON. One of two kinds:
 *
 * <ul>
 *   <li>{@link PathCursor} ({@link Mode#PATH}): the last imported key. The next run takes keys
 *       listed after it.</li>
 *   <li>{@link ModifiedTimeCursor} ({@link Mode#MODIFIED_TIME}): a cursor time and the keys (with
 *       their LastModified) already imported at or after it. The next run takes objects modified
 *       at or after the cursor that it has not seen in that version. Keeping the keys makes
 *       objects that share a second with the cursor, or land late, neither skipped nor imported
 *       twice.</li>
 * </ul>
 *
 * <pre>{@code
 * String saved = result.nextState().orElseThrow().toJson();
 * IncrementalState state = IncrementalState.fromJson(saved);
 * if (state instanceof PathCursor p) {
 *     System.out.println("continues after " + p.key());
 * }
 * }</pre>
 */
public abstract sealed class IncrementalState permits PathCursor, ModifiedTimeCursor {
    private static final JsonFactory JSON = new JsonFactory();

    /** What the state tracks. */
    public enum Mode {
        /** The last imported key, in S3's lexicographic order. */
        PATH,
        /** A LastModified cursor plus the keys seen at or after it. */
        MODIFIED_TIME
    }

    IncrementalState() {
    }

    /**
     * A path state (a {@link PathCursor}): the next run takes keys after {@code lastPath} (TD's
     * {@code last_path}); {@code ""} takes every key.
     *
     * @param lastPath the last key taken; {@code ""} for none
     * @return the state
     * @throws FerryConfigException if {@code lastPath} is null
     */
    public static IncrementalState afterPath(String lastPath) {
        return new PathCursor(FerryConfigException.requireNonNull(lastPath, "lastPath"));
    }

    /**
     * A modified-time state with no key seen (a {@link ModifiedTimeCursor}): the next run takes
     * objects modified at or after {@code time}.
     *
     * @param time the earliest LastModified the next run takes
     * @return the state
     * @throws FerryConfigException if {@code time} is null
     */
    public static IncrementalState modifiedSince(Instant time) {
        return modifiedSince(time, Map.of());
    }

    /**
     * {@return a modified-time state (a {@link ModifiedTimeCursor})}
     *
     * @param cursor the earliest LastModified the next run takes
     * @param seen   keys already imported, with the LastModified they had then; entries before the
     *               cursor are dropped
     * @throws FerryConfigException if an argument, a key or a time is null
     */
    public static IncrementalState modifiedSince(Instant cursor, Map<String, Instant> seen) {
        FerryConfigException.requireNonNull(cursor, "cursor");
        FerryConfigException.requireNonNull(seen, "seen");
        TreeMap<String, Instant> kept = new TreeMap<>(KeyOrder.UTF8);
        seen.forEach((k, t) -> {
            if (!t.isBefore(cursor)) {
                kept.put(FerryConfigException.requireNonNull(k, "key"), t);
            }
        });
        return new ModifiedTimeCursor(cursor, kept);
    }

    /** {@return what the state tracks: {@link Mode#PATH} for a {@link PathCursor}, else {@link Mode#MODIFIED_TIME}} */
    public abstract Mode mode();

    /** {@return the last imported key of a {@link PathCursor}; empty for a {@link ModifiedTimeCursor}} */
    public Optional<String> lastPath() {
        return Optional.empty();
    }

    /**
     * {@return the earliest LastModified the next run takes, for a {@link ModifiedTimeCursor}; empty for a
     * {@link PathCursor}}
     */
    public Optional<Instant> modifiedCursor() {
        return Optional.empty();
    }

    /**
     * {@return keys imported at or after the cursor, with their LastModified then, in key order, for a
     * {@link ModifiedTimeCursor}; empty for a {@link PathCursor}}
     */
    public Map<String, Instant> seen() {
        return Map.of();
    }

    /**
     * Whether {@code o} is new under this state, i.e. the next run should take it.
     *
     * @param o a listed object
     * @return whether the next run should take {@code o}
     * @throws FerryConfigException if {@code o} is null
     */
    public abstract boolean admits(ListedObject o);

    /**
     * The state after importing {@code imported} (objects this state admitted). Nothing imported
     * keeps this state. A modified-time cursor moves to the latest imported LastModified but never
     * past {@code horizon} (objects modified after it may still be landing) nor back.
     */
    abstract IncrementalState advance(List<ListedObject> imported, Instant horizon);

    /** Writes this state's fields, {@code mode} first, into an open JSON object. */
    abstract void writeFields(JsonGenerator g) throws IOException;

    /**
     * {@return this state as JSON: {@code {"mode":"path","last_path":"..."}} or
     * {@code {"mode":"modified_time","last_modified_time":"...","seen":[{"key":"...","last_modified":"..."}]}}}
     */
    public final String toJson() {
        StringWriter w = new StringWriter();
        try (JsonGenerator g = JSON.createGenerator(w)) {
            g.writeStartObject();
            writeFields(g);
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return w.toString();
    }

    /**
     * Reads a state written by {@link #toJson()}.
     *
     * @param json the JSON text
     * @return the state
     * @throws FerryConfigException naming the key at fault
     */
    public static IncrementalState fromJson(String json) {
        FerryConfigException.requireNonNull(json, "json");
        String mode = null;
        String path = null;
        Instant time = null;
        Map<String, Instant> seen = new TreeMap<>(KeyOrder.UTF8);
        try (JsonParser p = JSON.createParser(json)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new FerryConfigException("state", "an incremental state must be a JSON object");
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String key = p.currentName();
                p.nextToken();
                switch (key) {
                    case "mode" -> mode = p.getText();
                    case "last_path" -> path = p.getText();
                    case "last_modified_time" -> time = instant(p.getText(), key);
                    case "seen" -> readSeen(p, seen);
                    default -> throw new FerryConfigException(key, "unknown key '" + key
                            + "' in an incremental state; the keys are mode, last_path, last_modified_time, seen");
                }
            }
        } catch (IOException e) {
            throw new FerryConfigException("state", "the incremental state is not valid JSON: " + e.getMessage(), e);
        }
        if ("path".equals(mode) && path != null) {
            return afterPath(path);
        }
        if ("modified_time".equals(mode) && time != null) {
            return modifiedSince(time, seen);
        }
        throw new FerryConfigException("mode", "an incremental state needs mode 'path' with last_path, or mode"
                + " 'modified_time' with last_modified_time; found mode " + mode);
    }

    private static void readSeen(JsonParser p, Map<String, Instant> seen) throws IOException {
        while (p.nextToken() == JsonToken.START_OBJECT) {
            String k = null;
            Instant t = null;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String f = p.currentName();
                p.nextToken();
                if (f.equals("key")) {
                    k = p.getText();
                } else if (f.equals("last_modified")) {
                    t = instant(p.getText(), "seen.last_modified");
                } else {
                    throw new FerryConfigException("seen." + f, "unknown key '" + f
                            + "'; a seen entry has key and last_modified");
                }
            }
            if (k == null || t == null) {
                throw new FerryConfigException("seen", "each seen entry needs key and last_modified");
            }
            seen.put(k, t);
        }
    }

    private static Instant instant(String text, String key) {
        try {
            return Instant.parse(text);
        } catch (DateTimeException e) {
            throw new FerryConfigException(key, "'" + text + "' is not an ISO-8601 instant such as 2019-06-03T10:30:19.806Z");
        }
    }

    /** The JSON form, as {@link #toJson()}. */
    @Override
    public String toString() {
        return toJson();
    }
}

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
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Where an incremental import stopped: the state a scheduler stores between runs (the "config
 * diff" of a Treasure Data connector). Immutable; round-trips through JSON.
 *
 * <ul>
 *   <li>{@link Mode#PATH}: the last imported key. The next run takes keys listed after it.</li>
 *   <li>{@link Mode#MODIFIED_TIME}: a cursor time and the keys (with their LastModified) already
 *       imported at or after it. The next run takes objects modified at or after the cursor that
 *       it has not seen in that version. Keeping the keys makes objects that share a second with
 *       the cursor, or land late, neither skipped nor imported twice.</li>
 * </ul>
 *
 * <pre>{@code
 * String saved = result.nextState().orElseThrow().toJson();
 * IncrementalState state = IncrementalState.fromJson(saved);
 * }</pre>
 */
public final class IncrementalState {
    private static final JsonFactory JSON = new JsonFactory();

    /** What the state tracks. */
    public enum Mode {
        /** The last imported key, in S3's lexicographic order. */
        PATH,
        /** A LastModified cursor plus the keys seen at or after it. */
        MODIFIED_TIME
    }

    private final Mode mode;
    private final String lastPath;
    private final Instant cursor;
    private final Map<String, Instant> seen;

    private IncrementalState(Mode mode, String lastPath, Instant cursor, Map<String, Instant> seen) {
        this.mode = mode;
        this.lastPath = lastPath;
        this.cursor = cursor;
        TreeMap<String, Instant> sorted = new TreeMap<>(KeyOrder.UTF8);
        sorted.putAll(seen);
        this.seen = Collections.unmodifiableMap(sorted);
    }

    /** A path state: the next run takes keys after {@code lastPath} (TD's {@code last_path}). */
    public static IncrementalState afterPath(String lastPath) {
        FerryConfigException.requireNonNull(lastPath, "lastPath");
        return new IncrementalState(Mode.PATH, lastPath, null, Map.of());
    }

    /** A modified-time state with no key seen: the next run takes objects modified at or after {@code time}. */
    public static IncrementalState modifiedSince(Instant time) {
        return modifiedSince(time, Map.of());
    }

    /**
     * A modified-time state.
     *
     * @param cursor the earliest LastModified the next run takes
     * @param seen   keys already imported, with the LastModified they had then; entries before the
     *               cursor are dropped
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
        return new IncrementalState(Mode.MODIFIED_TIME, null, cursor, kept);
    }

    /** What the state tracks. */
    public Mode mode() {
        return mode;
    }

    /** The last imported key (PATH mode). */
    public Optional<String> lastPath() {
        return Optional.ofNullable(lastPath);
    }

    /** The earliest LastModified the next run takes (MODIFIED_TIME mode). */
    public Optional<Instant> modifiedCursor() {
        return Optional.ofNullable(cursor);
    }

    /** Keys imported at or after the cursor, with their LastModified then, in key order (MODIFIED_TIME mode). */
    public Map<String, Instant> seen() {
        return seen;
    }

    /** Whether {@code o} is new under this state, i.e. the next run should take it. */
    public boolean admits(ListedObject o) {
        FerryConfigException.requireNonNull(o, "object");
        if (mode == Mode.PATH) {
            return KeyOrder.compare(o.key(), lastPath) > 0;
        }
        return !o.lastModified().isBefore(cursor) && !o.lastModified().equals(seen.get(o.key()));
    }

    /**
     * The state after importing {@code imported} (objects this state admitted). Nothing imported
     * keeps this state. In MODIFIED_TIME mode the cursor moves to the latest imported LastModified
     * but never past {@code horizon} (objects modified after it may still be landing) nor back.
     */
    IncrementalState advance(List<ListedObject> imported, Instant horizon) {
        if (imported.isEmpty()) {
            return this;
        }
        if (mode == Mode.PATH) {
            String last = lastPath;
            for (ListedObject o : imported) {
                if (KeyOrder.compare(o.key(), last) > 0) {
                    last = o.key();
                }
            }
            return afterPath(last);
        }
        Instant latest = cursor;
        for (ListedObject o : imported) {
            if (o.lastModified().isAfter(latest)) {
                latest = o.lastModified();
            }
        }
        Instant next = latest.isAfter(horizon) ? horizon : latest;
        if (next.isBefore(cursor)) {
            next = cursor;
        }
        Map<String, Instant> all = new TreeMap<>(KeyOrder.UTF8);
        all.putAll(seen);
        for (ListedObject o : imported) {
            all.put(o.key(), o.lastModified());
        }
        return modifiedSince(next, all);
    }

    /**
     * This state as JSON: {@code {"mode":"path","last_path":"..."}} or
     * {@code {"mode":"modified_time","last_modified_time":"...","seen":[{"key":"...","last_modified":"..."}]}}.
     */
    public String toJson() {
        StringWriter w = new StringWriter();
        try (JsonGenerator g = JSON.createGenerator(w)) {
            g.writeStartObject();
            if (mode == Mode.PATH) {
                g.writeStringField("mode", "path");
                g.writeStringField("last_path", lastPath);
            } else {
                g.writeStringField("mode", "modified_time");
                g.writeStringField("last_modified_time", cursor.toString());
                g.writeArrayFieldStart("seen");
                for (Map.Entry<String, Instant> e : seen.entrySet()) {
                    g.writeStartObject();
                    g.writeStringField("key", e.getKey());
                    g.writeStringField("last_modified", e.getValue().toString());
                    g.writeEndObject();
                }
                g.writeEndArray();
            }
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return w.toString();
    }

    /**
     * Reads a state written by {@link #toJson()}.
     *
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
                    case "mode": mode = p.getText(); break;
                    case "last_path": path = p.getText(); break;
                    case "last_modified_time": time = instant(p.getText(), key); break;
                    case "seen":
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
                        break;
                    default:
                        throw new FerryConfigException(key, "unknown key '" + key
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

    private static Instant instant(String text, String key) {
        try {
            return Instant.parse(text);
        } catch (DateTimeException e) {
            throw new FerryConfigException(key, "'" + text + "' is not an ISO-8601 instant such as 2019-06-03T10:30:19.806Z");
        }
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof IncrementalState s)) {
            return false;
        }
        return s.mode == mode && Objects.equals(s.lastPath, lastPath) && Objects.equals(s.cursor, cursor)
                && s.seen.equals(seen);
    }

    @Override
    public int hashCode() {
        return Objects.hash(mode, lastPath, cursor, seen);
    }

    @Override
    public String toString() {
        return toJson();
    }
}

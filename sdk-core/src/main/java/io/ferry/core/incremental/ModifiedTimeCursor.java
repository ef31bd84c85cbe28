package io.ferry.core.incremental;

import com.fasterxml.jackson.core.JsonGenerator;
import io.ferry.core.FerryConfigException;
import java.io.IOException;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * An {@link IncrementalState} in {@link IncrementalState.Mode#MODIFIED_TIME modified-time mode}:
 * a cursor time plus the keys (with their LastModified) already imported at or after it. The
 * next run takes the objects modified at or after the cursor that it has not seen in that
 * version, whatever their keys. Made by {@link IncrementalState#modifiedSince(Instant, Map)} or
 * read by {@link IncrementalState#fromJson(String)}. Immutable.
 *
 * <pre>{@code
 * IncrementalState start = IncrementalState.modifiedSince(Instant.parse("2024-01-01T00:00:00Z"));
 * }</pre>
 */
public final class ModifiedTimeCursor extends IncrementalState {
    private final Instant cursor;
    private final Map<String, Instant> seen;

    /** {@code seen} holds only entries at or after {@code cursor}, sorted by {@link KeyOrder}. */
    ModifiedTimeCursor(Instant cursor, SortedMap<String, Instant> seen) {
        this.cursor = cursor;
        this.seen = Collections.unmodifiableMap(new TreeMap<>(seen));
    }

    /** {@return the earliest LastModified the next run takes} */
    public Instant cursor() {
        return cursor;
    }

    /** {@link IncrementalState.Mode#MODIFIED_TIME}. */
    @Override
    public Mode mode() {
        return Mode.MODIFIED_TIME;
    }

    /** {@link #cursor()}. */
    @Override
    public Optional<Instant> modifiedCursor() {
        return Optional.of(cursor);
    }

    /** Keys imported at or after the cursor, with their LastModified then, in key order. */
    @Override
    public Map<String, Instant> seen() {
        return seen;
    }

    /** Whether {@code o} was modified at or after the cursor and is not in {@link #seen()} with that LastModified. */
    @Override
    public boolean admits(ListedObject o) {
        FerryConfigException.requireNonNull(o, "object");
        return !o.lastModified().isBefore(cursor) && !o.lastModified().equals(seen.get(o.key()));
    }

    @Override
    IncrementalState advance(List<ListedObject> imported, Instant horizon) {
        if (imported.isEmpty()) {
            return this;
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
        return IncrementalState.modifiedSince(next, all);
    }

    @Override
    void writeFields(JsonGenerator g) throws IOException {
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

    /** Equal to a modified-time cursor with the same cursor and the same seen keys and times. */
    @Override
    public boolean equals(Object o) {
        return o instanceof ModifiedTimeCursor m && m.cursor.equals(cursor) && m.seen.equals(seen);
    }

    @Override
    public int hashCode() {
        return Objects.hash(cursor, seen);
    }
}

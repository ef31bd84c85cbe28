package io.ferry.core.incremental;

import com.fasterxml.jackson.core.JsonGenerator;
import io.ferry.core.FerryConfigException;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * An {@link IncrementalState} in {@link IncrementalState.Mode#PATH path mode}: the last imported
 * key, in S3's key order ({@link KeyOrder}). The next run takes the keys listed after it, so a
 * listing may start there. Made by {@link IncrementalState#afterPath(String)} or read by
 * {@link IncrementalState#fromJson(String)}. Immutable.
 *
 * <pre>{@code
 * IncrementalState start = IncrementalState.afterPath("logging/E231A697YXWD39.2017-04-23-15.b2aede4a.gz");
 * }</pre>
 */
public final class PathCursor extends IncrementalState {
    private final String key;

    PathCursor(String key) {
        this.key = key;
    }

    /** {@return the last imported key (TD's {@code last_path}); {@code ""} before any key} */
    public String key() {
        return key;
    }

    /** {@link IncrementalState.Mode#PATH}. */
    @Override
    public Mode mode() {
        return Mode.PATH;
    }

    /** {@link #key()}. */
    @Override
    public Optional<String> lastPath() {
        return Optional.of(key);
    }

    /** Whether {@code o}'s key sorts after {@link #key()}. */
    @Override
    public boolean admits(ListedObject o) {
        FerryConfigException.requireNonNull(o, "object");
        return KeyOrder.compare(o.key(), key) > 0;
    }

    @Override
    IncrementalState advance(List<ListedObject> imported, Instant horizon) {
        String last = key;
        for (ListedObject o : imported) {
            if (KeyOrder.compare(o.key(), last) > 0) {
                last = o.key();
            }
        }
        return last.equals(key) ? this : new PathCursor(last);
    }

    @Override
    void writeFields(JsonGenerator g) throws IOException {
        g.writeStringField("mode", "path");
        g.writeStringField("last_path", key);
    }

    /** Equal to a path cursor with the same key. */
    @Override
    public boolean equals(Object o) {
        return o instanceof PathCursor p && p.key.equals(key);
    }

    @Override
    public int hashCode() {
        return key.hashCode();
    }
}

package io.ferry.s3.imports.internal;

import io.ferry.core.FerryConfigException;
import io.ferry.core.incremental.IncrementalState;
import java.time.Instant;

/**
 * Where an import starts, as its builder was told: the selection mode, the start options and a
 * saved state. {@link #state(boolean)} turns them into the one {@link IncrementalState} the
 * selector starts from. The builder's {@code useModifiedTime}, {@code startAfter},
 * {@code modifiedAfter} and {@code state} each replace one component.
 *
 * @param selectBy      path (key order) or modified time
 * @param startAfter    the key to start after (path mode), or null
 * @param modifiedAfter the earliest LastModified (modified-time mode), or null for the epoch
 * @param saved         a state that replaces the start options, or null
 */
public record ImportStart(IncrementalState.Mode selectBy, String startAfter, Instant modifiedAfter,
                          IncrementalState saved) {
    /** Path mode, no start point, no state. */
    public static final ImportStart NONE = new ImportStart(IncrementalState.Mode.PATH, null, null, null);

    /** This start in {@code mode}. */
    public ImportStart withSelectBy(IncrementalState.Mode mode) {
        return new ImportStart(mode, startAfter, modifiedAfter, saved);
    }

    /** This start after {@code key}; null clears it. */
    public ImportStart withStartAfter(String key) {
        return new ImportStart(selectBy, key, modifiedAfter, saved);
    }

    /** This start at {@code time}; null clears it. */
    public ImportStart withModifiedAfter(Instant time) {
        return new ImportStart(selectBy, startAfter, time, saved);
    }

    /** This start with a saved state; null clears it. */
    public ImportStart withSaved(IncrementalState state) {
        return new ImportStart(selectBy, startAfter, modifiedAfter, state);
    }

    /**
     * The state the selector starts from. A saved state replaces the start options:
     * {@code startAfter} and {@code modifiedAfter} are then ignored (its mode must still match).
     * Without one: a state made from {@code startAfter} / {@code modifiedAfter}; in path mode
     * without a start point, an empty path cursor when the import is incremental (so it can return
     * a next state) and null otherwise.
     *
     * @throws FerryConfigException naming the option when the options contradict each other
     */
    public IncrementalState state(boolean incremental) {
        boolean byTime = selectBy == IncrementalState.Mode.MODIFIED_TIME;
        if (saved != null) {
            if (saved.mode() != selectBy) {
                throw new FerryConfigException("state", "the state is in " + saved.mode() + " mode but the import"
                        + " selects by " + (byTime ? "modified time" : "path")
                        + "; set useModifiedTime(" + !byTime + ") or start without the state");
            }
            return saved;
        }
        if (!byTime && modifiedAfter != null) {
            throw new FerryConfigException("modifiedAfter", "modifiedAfter needs useModifiedTime(true)");
        }
        if (byTime && startAfter != null) {
            throw new FerryConfigException("startAfter", "startAfter selects by key; with useModifiedTime(true)"
                    + " use modifiedAfter instead");
        }
        if (byTime) {
            return IncrementalState.modifiedSince(modifiedAfter == null ? Instant.EPOCH : modifiedAfter);
        }
        if (startAfter != null) {
            return IncrementalState.afterPath(startAfter);
        }
        return incremental ? IncrementalState.afterPath("") : null;
    }
}

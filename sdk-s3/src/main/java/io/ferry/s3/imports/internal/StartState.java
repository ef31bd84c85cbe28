package io.ferry.s3.imports.internal;

import io.ferry.core.FerryConfigException;
import io.ferry.core.incremental.IncrementalState;
import java.time.Instant;

/** The state an import starts from, derived from its start options, with their consistency checks. */
public final class StartState {
    private StartState() {
    }

    /**
     * The start state. A previous {@code state} replaces the start options: {@code startAfter} and
     * {@code modifiedAfter} are then ignored (its mode must still match {@code useModifiedTime}).
     * Without one: a state made from {@code startAfter} / {@code modifiedAfter}; in path mode
     * without a start point, an empty path state when the import is incremental (so it can return
     * a next state) and none otherwise.
     *
     * @throws FerryConfigException naming the option when the options contradict each other
     */
    public static IncrementalState initial(boolean useModifiedTime, String startAfter, Instant modifiedAfter,
                                           IncrementalState state, boolean incremental) {
        if (state != null) {
            IncrementalState.Mode expected = useModifiedTime ? IncrementalState.Mode.MODIFIED_TIME
                    : IncrementalState.Mode.PATH;
            if (state.mode() != expected) {
                throw new FerryConfigException("state", "the state is in " + state.mode() + " mode but the import"
                        + " selects by " + (useModifiedTime ? "modified time" : "path")
                        + "; set useModifiedTime(" + !useModifiedTime + ") or start without the state");
            }
            return state;
        }
        if (!useModifiedTime && modifiedAfter != null) {
            throw new FerryConfigException("modifiedAfter", "modifiedAfter needs useModifiedTime(true)");
        }
        if (useModifiedTime && startAfter != null) {
            throw new FerryConfigException("startAfter", "startAfter selects by key; with useModifiedTime(true)"
                    + " use modifiedAfter instead");
        }
        if (useModifiedTime) {
            return IncrementalState.modifiedSince(modifiedAfter == null ? Instant.EPOCH : modifiedAfter);
        }
        if (startAfter != null) {
            return IncrementalState.afterPath(startAfter);
        }
        return incremental ? IncrementalState.afterPath("") : null;
    }
}

package io.ferry.core.incremental;

import java.util.List;
import java.util.Optional;

/**
 * The objects an {@link ObjectSelector} chose, in S3 key order, the archived objects it skipped,
 * and the state to store if reading all selected objects succeeds. Immutable.
 */
public final class Selection {
    private final List<ListedObject> selected;
    private final List<ListedObject> skippedArchived;
    private final IncrementalState nextState;

    Selection(List<ListedObject> selected, List<ListedObject> skippedArchived, IncrementalState nextState) {
        this.selected = List.copyOf(selected);
        this.skippedArchived = List.copyOf(skippedArchived);
        this.nextState = nextState;
    }

    /** {@return the objects to read, in key order} */
    public List<ListedObject> selected() {
        return selected;
    }

    /** {@return archived objects that were skipped, in key order} */
    public List<ListedObject> skippedArchived() {
        return skippedArchived;
    }

    /**
     * {@return the state for the next run once every selected object was imported; empty when the
     * selector had no state} When nothing was selected it equals the previous state.
     */
    public Optional<IncrementalState> nextState() {
        return Optional.ofNullable(nextState);
    }
}

package io.ferry.s3.imports;

import io.ferry.core.incremental.IncrementalState;
import io.ferry.formats.read.BadRow;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The outcome of a successful {@link S3Import#run}: the objects read in key order with their
 * rows, bytes and durations, the bad rows skipped, the archived objects skipped, and the state
 * for the next incremental run. Immutable. A failed run throws instead, so it never yields a new
 * state.
 *
 * <pre>{@code
 * ImportResult r = imp.run(sink);
 * r.nextState().ifPresent(s -> store.save(s.toJson()));
 * }</pre>
 */
public final class ImportResult {
    private final List<ImportedObject> objects;
    private final long skippedRows;
    private final List<BadRow> badRows;
    private final List<String> skippedArchived;
    private final IncrementalState nextState;
    private final Duration duration;

    ImportResult(List<ImportedObject> objects, long skippedRows, List<BadRow> badRows, List<String> skippedArchived,
                 IncrementalState nextState, Duration duration) {
        this.objects = List.copyOf(objects);
        this.skippedRows = skippedRows;
        this.badRows = List.copyOf(badRows);
        this.skippedArchived = List.copyOf(skippedArchived);
        this.nextState = nextState;
        this.duration = duration;
    }

    /** The objects read, in key order. */
    public List<ImportedObject> objects() {
        return objects;
    }

    /** Records delivered to the sink. */
    public long rows() {
        return objects.stream().mapToLong(ImportedObject::rows).sum();
    }

    /** Stored bytes of the objects read. */
    public long bytes() {
        return objects.stream().mapToLong(ImportedObject::bytes).sum();
    }

    /** Bad rows skipped over all objects (with {@code BadRowPolicy.SKIP}). */
    public long skippedRows() {
        return skippedRows;
    }

    /** The first bad rows skipped, with key and line (at most the parser's {@code badRowSamples}). */
    public List<BadRow> badRows() {
        return badRows;
    }

    /** Keys of GLACIER / DEEP_ARCHIVE objects skipped with {@code skipGlacierObjects(true)}. */
    public List<String> skippedArchived() {
        return skippedArchived;
    }

    /**
     * The state to pass to the next run ({@code S3Import.Builder#state}) when the import is
     * incremental; empty otherwise. A run that found nothing returns the state it started from.
     */
    public Optional<IncrementalState> nextState() {
        return Optional.ofNullable(nextState);
    }

    /** Wall time of the run, listing included. */
    public Duration duration() {
        return duration;
    }

    @Override
    public String toString() {
        return "ImportResult{objects=" + objects.size() + ", rows=" + rows() + ", bytes=" + bytes() + ", skippedRows="
                + skippedRows + ", skippedArchived=" + skippedArchived.size() + ", nextState=" + nextState
                + ", duration=" + duration.toMillis() + " ms}";
    }
}

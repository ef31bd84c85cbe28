package io.ferry.s3.imports;

import io.ferry.core.FerryConfigException;
import io.ferry.core.incremental.IncrementalState;
import io.ferry.formats.read.BadRow;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of a successful {@link S3Import#run}: the objects read in key order with their
 * rows, bytes and durations, the bad rows skipped, the archived objects skipped, and the state
 * for the next incremental run. Immutable. A failed run throws instead, so it never yields a new
 * state.
 *
 * <pre>{@code
 * ImportResult r = imp.run(sink);
 * r.nextState().ifPresent(s -> stateStore.save("daily_import", s.toJson()));   // a StateStore
 * }</pre>
 */
public final class ImportResult {
    private final List<ImportedObject> objects;
    private final long skippedRows;
    private final List<BadRow> badRows;
    private final List<String> skippedArchived;
    private final IncrementalState nextState;
    private final Duration duration;

    private ImportResult(Builder b) {
        this.objects = b.objects;
        this.skippedRows = b.skippedRows;
        this.badRows = b.badRows;
        this.skippedArchived = b.skippedArchived;
        this.nextState = b.nextState;
        this.duration = b.duration;
    }

    /**
     * {@return a new builder: no object, no bad row, nothing archived, no next state, a zero duration}
     * {@link S3Import#run} builds its results with it; tests of code that consumes results can too.
     */
    public static Builder builder() {
        return new Builder();
    }

    /** {@return a builder holding this result's values} */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.objects = objects;
        b.skippedRows = skippedRows;
        b.badRows = badRows;
        b.skippedArchived = skippedArchived;
        b.nextState = nextState;
        b.duration = duration;
        return b;
    }

    /** {@return the objects read, in key order} */
    public List<ImportedObject> objects() {
        return objects;
    }

    /** {@return records delivered to the sink} */
    public long rows() {
        return objects.stream().mapToLong(ImportedObject::rows).sum();
    }

    /** {@return stored bytes of the objects read} */
    public long bytes() {
        return objects.stream().mapToLong(ImportedObject::bytes).sum();
    }

    /** {@return bad rows skipped over all objects (with {@code BadRowPolicy.SKIP})} */
    public long skippedRows() {
        return skippedRows;
    }

    /** {@return the first bad rows skipped, with key and line (at most the parser's {@code badRowSamples})} */
    public List<BadRow> badRows() {
        return badRows;
    }

    /** {@return keys of GLACIER / DEEP_ARCHIVE objects skipped with {@code skipGlacierObjects(true)}} */
    public List<String> skippedArchived() {
        return skippedArchived;
    }

    /**
     * {@return the state to pass to the next run ({@code S3Import.Builder#state}) when the import is
     * incremental; empty otherwise} A run that found nothing returns the state it started from.
     */
    public Optional<IncrementalState> nextState() {
        return Optional.ofNullable(nextState);
    }

    /** {@return wall time of the run, listing included} */
    public Duration duration() {
        return duration;
    }

    /** Equal to a result with the same objects, bad rows, archived keys, next state and duration. */
    @Override
    public boolean equals(Object o) {
        return o instanceof ImportResult r && r.objects.equals(objects) && r.skippedRows == skippedRows
                && r.badRows.equals(badRows) && r.skippedArchived.equals(skippedArchived)
                && Objects.equals(r.nextState, nextState) && r.duration.equals(duration);
    }

    @Override
    public int hashCode() {
        return Objects.hash(objects, skippedRows, badRows, skippedArchived, nextState, duration);
    }

    @Override
    public String toString() {
        return "ImportResult{objects=" + objects.size() + ", rows=" + rows() + ", bytes=" + bytes() + ", skippedRows="
                + skippedRows + ", skippedArchived=" + skippedArchived.size() + ", nextState=" + nextState
                + ", duration=" + duration.toMillis() + " ms}";
    }

    /** Builds an {@link ImportResult}. Setters reject nulls and negative values at once. Not thread-safe. */
    public static final class Builder {
        private List<ImportedObject> objects = List.of();
        private long skippedRows;
        private List<BadRow> badRows = List.of();
        private List<String> skippedArchived = List.of();
        private IncrementalState nextState;
        private Duration duration = Duration.ZERO;

        private Builder() {
        }

        /**
         * The objects read, in key order; default none.
         *
         * @param objects the objects read, in key order
         * @return this builder
         */
        public Builder objects(List<ImportedObject> objects) {
            this.objects = List.copyOf(FerryConfigException.requireNonNull(objects, "objects"));
            return this;
        }

        /**
         * Bad rows skipped over all objects, 0 or more; default 0.
         *
         * @param skippedRows bad rows skipped over all objects, 0 or more
         * @return this builder
         */
        public Builder skippedRows(long skippedRows) {
            if (skippedRows < 0) {
                throw new FerryConfigException("skippedRows", "skippedRows must be 0 or more, was " + skippedRows);
            }
            this.skippedRows = skippedRows;
            return this;
        }

        /**
         * The first bad rows skipped; default none.
         *
         * @param badRows the first bad rows skipped
         * @return this builder
         */
        public Builder badRows(List<BadRow> badRows) {
            this.badRows = List.copyOf(FerryConfigException.requireNonNull(badRows, "badRows"));
            return this;
        }

        /**
         * Keys of archived objects skipped; default none.
         *
         * @param keys keys of archived objects skipped
         * @return this builder
         */
        public Builder skippedArchived(List<String> keys) {
            this.skippedArchived = List.copyOf(FerryConfigException.requireNonNull(keys, "skippedArchived"));
            return this;
        }

        /**
         * The state for the next run, or null when the import is not incremental (the default).
         *
         * @param nextState the state for the next run, or null when the import is not incremental (the default)
         * @return this builder
         */
        public Builder nextState(IncrementalState nextState) {
            this.nextState = nextState;
            return this;
        }

        /**
         * Wall time of the run, zero or more; default zero.
         *
         * @param duration wall time of the run, zero or more
         * @return this builder
         */
        public Builder duration(Duration duration) {
            FerryConfigException.requireNonNull(duration, "duration");
            if (duration.isNegative()) {
                throw new FerryConfigException("duration", "duration must be zero or more, was " + duration);
            }
            this.duration = duration;
            return this;
        }

        /**
         * Builds the result.
         *
         * @return the result
         */
        public ImportResult build() {
            return new ImportResult(this);
        }
    }
}

package io.ferry.s3.export;

import io.ferry.core.FerryConfigException;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * What an export wrote: every object, in the order they were published, and the totals.
 * Immutable.
 */
public final class ExportResult {
    private final String syncId;
    private final List<ExportedObject> objects;
    private final Duration duration;

    private ExportResult(Builder b) {
        this.syncId = b.syncId;
        this.objects = b.objects;
        this.duration = b.duration;
    }

    /**
     * {@return a new builder: no object, a zero duration, and a sync id that must be set} {@link S3Export}
     * builds its results with it; tests of code that consumes results can too.
     */
    public static Builder builder() {
        return new Builder();
    }

    /** {@return a builder holding this result's values} */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.syncId = syncId;
        b.objects = objects;
        b.duration = duration;
        return b;
    }

    /** {@return the export run's id, as {@code {{SYNC_ID}}} rendered it} */
    public String syncId() {
        return syncId;
    }

    /** {@return the objects written; unmodifiable; empty when there were no rows and empty objects are off} */
    public List<ExportedObject> objects() {
        return objects;
    }

    /** {@return the number of objects written} */
    public int objectCount() {
        return objects.size();
    }

    /** {@return rows written, over all objects} */
    public long rows() {
        return objects.stream().mapToLong(ExportedObject::rows).sum();
    }

    /** {@return bytes written, over all objects} */
    public long bytes() {
        return objects.stream().mapToLong(ExportedObject::bytes).sum();
    }

    /** {@return time from {@code open} to the end of {@code commit}} */
    public Duration duration() {
        return duration;
    }

    /**
     * The same as {@link #duration()}: the name the other results ({@code ImportResult},
     * {@code TdWriteResult}) do not use.
     *
     * @return time from {@code open} to the end of {@code commit}
     * @deprecated use {@link #duration()}
     */
    @Deprecated(since = "0.1.0", forRemoval = true)
    public Duration elapsed() {
        return duration();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ExportResult r && syncId.equals(r.syncId) && objects.equals(r.objects)
                && duration.equals(r.duration);
    }

    @Override
    public int hashCode() {
        return Objects.hash(syncId, objects, duration);
    }

    @Override
    public String toString() {
        return "ExportResult{" + objects.size() + " objects, " + rows() + " rows, " + bytes() + " bytes, "
                + duration.toMillis() + " ms}";
    }

    /** Builds an {@link ExportResult}. Not thread-safe. */
    public static final class Builder {
        private String syncId;
        private List<ExportedObject> objects = List.of();
        private Duration duration = Duration.ZERO;

        private Builder() {
        }

        /**
         * The run's id, as {@code {{SYNC_ID}}} rendered it; required.
         *
         * @param syncId the run's id, as {@code {{SYNC_ID}}} rendered it
         * @return this builder
         */
        public Builder syncId(String syncId) {
            this.syncId = FerryConfigException.requireNonNull(syncId, "syncId");
            return this;
        }

        /**
         * The objects written, in the order they were published; default none.
         *
         * @param objects the objects written, in the order they were published
         * @return this builder
         */
        public Builder objects(List<ExportedObject> objects) {
            this.objects = List.copyOf(FerryConfigException.requireNonNull(objects, "objects"));
            return this;
        }

        /**
         * Time from {@code open} to the end of {@code commit}, zero or more; default zero.
         *
         * @param duration time from {@code open} to the end of {@code commit}, zero or more
         * @return this builder
         * @throws FerryConfigException (option {@code duration}) if null or negative
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
         * The same as {@link #duration(Duration)}, under the name the other results do not use.
         *
         * @param elapsed time from {@code open} to the end of {@code commit}, zero or more
         * @return this builder
         * @throws FerryConfigException (option {@code duration}) if null or negative
         * @deprecated use {@link #duration(Duration)}
         */
        @Deprecated(since = "0.1.0", forRemoval = true)
        public Builder elapsed(Duration elapsed) {
            return duration(elapsed);
        }

        /**
         * Builds the result.
         *
         * @return the result
         * @throws FerryConfigException if no sync id was set
         */
        public ExportResult build() {
            if (syncId == null) {
                throw new FerryConfigException("syncId", "syncId is required: set syncId(...)");
            }
            return new ExportResult(this);
        }
    }
}

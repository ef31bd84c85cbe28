package io.ferry.core.template;

import io.ferry.core.FerryConfigException;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * The run values a {@link BoundKeyTemplate} puts into a key: the table name
 * ({@code {{TABLE}}}, {@code {{TABLE_HYPHEN}}}), the export run's id ({@code {{SYNC_ID}}}), the
 * object's id ({@code {{UUID}}}), the writer's id ({@code {{WRITER}}}) and when the object was started ({@code {{YEAR}}} ...
 * {@code {{MINUTE}}}). Every value is optional; rendering a template that uses a missing one is
 * an error. Immutable and thread-safe.
 *
 * <pre>{@code
 * KeyContext run = KeyContext.builder().table("www_access").syncId(syncId).startedAt(now).build();
 * KeyContext object = run.toBuilder().uuid(UUID.randomUUID()).build();
 * }</pre>
 */
public final class KeyContext {
    private final String table;
    private final String syncId;
    private final String uuid;
    private final String writer;
    private final Instant startedAt;

    private KeyContext(Builder b) {
        this.table = b.table;
        this.syncId = b.syncId;
        this.uuid = b.uuid;
        this.writer = b.writer;
        this.startedAt = b.startedAt;
    }

    /** {@return a builder with no values set} */
    public static Builder builder() {
        return new Builder();
    }

    /** {@return a builder holding this context's values} */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.table = table;
        b.syncId = syncId;
        b.uuid = uuid;
        b.writer = writer;
        b.startedAt = startedAt;
        return b;
    }

    /** {@return the table name, if set} */
    public Optional<String> table() {
        return Optional.ofNullable(table);
    }

    /** {@return the export run's id, if set} */
    public Optional<String> syncId() {
        return Optional.ofNullable(syncId);
    }

    /** {@return the object's id, if set} */
    public Optional<String> uuid() {
        return Optional.ofNullable(uuid);
    }

    /** {@return the id of the writer that writes the object, if set} */
    public Optional<String> writer() {
        return Optional.ofNullable(writer);
    }

    /**
     * When the object was started, if set.
     *
     * @return when the object was started, or empty
     */
    public Optional<Instant> startedAt() {
        return Optional.ofNullable(startedAt);
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof KeyContext k)) {
            return false;
        }
        return Objects.equals(table, k.table) && Objects.equals(syncId, k.syncId)
                && Objects.equals(uuid, k.uuid) && Objects.equals(writer, k.writer)
                && Objects.equals(startedAt, k.startedAt);
    }

    @Override
    public int hashCode() {
        return Objects.hash(table, syncId, uuid, writer, startedAt);
    }

    @Override
    public String toString() {
        return "KeyContext[table=" + table + ", syncId=" + syncId + ", uuid=" + uuid
                + ", writer=" + writer + ", startedAt=" + startedAt + "]";
    }

    /** Builds a {@link KeyContext}; setters reject null. Not thread-safe. */
    public static final class Builder {
        private String table;
        private String syncId;
        private String uuid;
        private String writer;
        private Instant startedAt;

        private Builder() {
        }

        /**
         * The table name for {@code {{TABLE}}} and {@code {{TABLE_HYPHEN}}}.
         *
         * @param table the table name for {@code {{TABLE}}} and {@code {{TABLE_HYPHEN}}}
         * @return this builder
         */
        public Builder table(String table) {
            this.table = FerryConfigException.requireNonNull(table, "table");
            return this;
        }

        /**
         * The export run's id for {@code {{SYNC_ID}}}, usually one UUID per run.
         *
         * @param syncId the export run's id for {@code {{SYNC_ID}}}, usually one UUID per run
         * @return this builder
         */
        public Builder syncId(String syncId) {
            this.syncId = FerryConfigException.requireNonNull(syncId, "syncId");
            return this;
        }

        /**
         * The object's id for {@code {{UUID}}}.
         *
         * @param uuid the object's id for {@code {{UUID}}}
         * @return this builder
         */
        public Builder uuid(String uuid) {
            this.uuid = FerryConfigException.requireNonNull(uuid, "uuid");
            return this;
        }

        /**
         * The object's id for {@code {{UUID}}}, as its canonical text.
         *
         * @param uuid the object's id for {@code {{UUID}}}, as its canonical text
         * @return this builder
         */
        public Builder uuid(UUID uuid) {
            return uuid(FerryConfigException.requireNonNull(uuid, "uuid").toString());
        }

        /**
         * The id of the writer that writes the object, for {@code {{WRITER}}}.
         *
         * @param writer the writer's id, e.g. {@code part-00003}
         * @return this builder
         */
        public Builder writer(String writer) {
            this.writer = FerryConfigException.requireNonNull(writer, "writer");
            return this;
        }

        /**
         * When the object was started, for {@code {{YEAR}}} ... {@code {{MINUTE}}} (read in UTC).
         *
         * @param startedAt when the object was started
         * @return this builder
         */
        public Builder startedAt(Instant startedAt) {
            this.startedAt = FerryConfigException.requireNonNull(startedAt, "startedAt");
            return this;
        }

        /** {@return the context} */
        public KeyContext build() {
            return new KeyContext(this);
        }
    }
}

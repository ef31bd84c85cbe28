package io.ferry.core.incremental;

import io.ferry.core.FerryConfigException;
import io.ferry.core.FerryDataException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Chooses which listed objects an import reads, and the state for the next run. Pure: it takes
 * a listing and the time the listing started, never a bucket. Immutable and thread-safe.
 *
 * <p>Rules, in order: keys outside the prefix and folder markers (a key ending in {@code /} with
 * no bytes) are ignored; a key the pattern does not find a match in is skipped; a key the state
 * does not admit is skipped (see {@link IncrementalState}); an archived object (GLACIER,
 * DEEP_ARCHIVE) is skipped and reported, or is an error naming its key. The rest is selected in
 * S3's key order.
 *
 * <p>A listing may start after {@link #listStartAfter()}: the selection is the same.
 *
 * <pre>{@code
 * ObjectSelector selector = ObjectSelector.builder()
 *     .prefix("logging/")
 *     .pathMatchPattern("\\.gz$")
 *     .state(IncrementalState.afterPath("logging/E231A697YXWD39.2017-04-23-15.b2aede4a.gz"))
 *     .build();
 * // the caller lists the keys under selector.prefix(), after selector.listStartAfter() when present
 * Iterable<ListedObject> listing = listKeys(selector.prefix(), selector.listStartAfter());
 * Selection s = selector.select(listing, listedAt);
 * }</pre>
 */
public final class ObjectSelector {
    /** The default time objects may take to appear in a listing after their LastModified: 15 minutes. */
    public static final Duration DEFAULT_SETTLE_TIME = Duration.ofMinutes(15);

    private final String prefix;
    private final Pattern pattern;
    private final IncrementalState state;
    private final boolean skipArchived;
    private final Duration settleTime;

    private ObjectSelector(Builder b) {
        this.prefix = b.prefix;
        this.pattern = b.pattern;
        this.state = b.state;
        this.skipArchived = b.skipArchived;
        this.settleTime = b.settleTime;
    }

    /** {@return a new builder: no prefix, no pattern, no state (everything), archived objects are errors} */
    public static Builder builder() {
        return new Builder();
    }

    /** {@return a builder holding this selector's settings} */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.prefix = prefix;
        b.pattern = pattern;
        b.state = state;
        b.skipArchived = skipArchived;
        b.settleTime = settleTime;
        return b;
    }

    /** {@return the key prefix; empty for all keys} */
    public String prefix() {
        return prefix;
    }

    /** {@return the pattern a key must contain a match of, if any} */
    public Optional<Pattern> pathMatchPattern() {
        return Optional.ofNullable(pattern);
    }

    /** {@return the state of the previous run (or the start point), if any} */
    public Optional<IncrementalState> state() {
        return Optional.ofNullable(state);
    }

    /** {@return whether archived objects are skipped (true) or an error (false)} */
    public boolean skipArchived() {
        return skipArchived;
    }

    /** {@return how long after its LastModified an object may still appear in a listing (MODIFIED_TIME mode)} */
    public Duration settleTime() {
        return settleTime;
    }

    /**
     * {@return the key a listing may start after (S3's {@code StartAfter}) without missing an object this
     * selector takes: the key of a {@link PathCursor} state when it sorts after the prefix; empty
     * otherwise (no state, a {@link ModifiedTimeCursor}, or a key at or before the prefix, where
     * the prefix already starts the listing later)}
     */
    public Optional<String> listStartAfter() {
        if (state instanceof PathCursor p && KeyOrder.compare(p.key(), prefix) > 0) {
            return Optional.of(p.key());
        }
        return Optional.empty();
    }

    /**
     * Selects from {@code listing}.
     *
     * @param listing the listed objects, in any order
     * @param listedAt when the listing started (by the clock of the import)
     * @return the selected objects and the state for the next run
     * @throws FerryDataException naming the key if an archived object is met and not skipped
     */
    public Selection select(Iterable<ListedObject> listing, Instant listedAt) {
        FerryConfigException.requireNonNull(listing, "listing");
        FerryConfigException.requireNonNull(listedAt, "listedAt");
        List<ListedObject> selected = new ArrayList<>();
        List<ListedObject> archived = new ArrayList<>();
        for (ListedObject o : listing) {
            String key = o.key();
            if (!key.startsWith(prefix) || (key.endsWith("/") && o.size() == 0)) {
                continue;
            }
            if (pattern != null && !pattern.matcher(key).find()) {
                continue;
            }
            if (state != null && !state.admits(o)) {
                continue;
            }
            if (o.archived()) {
                if (!skipArchived) {
                    throw new FerryDataException(key, 0, null, "the object is in the " + o.storageClass()
                            + " storage class and cannot be read without a restore; restore it, or set"
                            + " skipGlacierObjects(true) to skip archived objects");
                }
                archived.add(o);
                continue;
            }
            selected.add(o);
        }
        selected.sort((a, b) -> KeyOrder.compare(a.key(), b.key()));
        archived.sort((a, b) -> KeyOrder.compare(a.key(), b.key()));
        IncrementalState next = state == null ? null : state.advance(selected, listedAt.minus(settleTime));
        return new Selection(selected, archived, next);
    }

    /** Builds an {@link ObjectSelector}. Not thread-safe. */
    public static final class Builder {
        private String prefix = "";
        private Pattern pattern;
        private IncrementalState state;
        private boolean skipArchived;
        private Duration settleTime = DEFAULT_SETTLE_TIME;

        private Builder() {
        }

        /**
         * Only keys starting with {@code prefix}; default all keys.
         *
         * @param prefix the key prefix
         * @return this builder
         */
        public Builder prefix(String prefix) {
            this.prefix = FerryConfigException.requireNonNull(prefix, "prefix");
            return this;
        }

        /**
         * Only keys in which {@code regex} finds a match ({@link java.util.regex.Matcher#find()}), e.g.
         * {@code \.csv$|\.csv\.gz$}; null for all.
         *
         * @param regex a Java regular expression, or null
         * @return this builder
         * @throws FerryConfigException if the regex is invalid
         */
        public Builder pathMatchPattern(String regex) {
            try {
                this.pattern = regex == null ? null : Pattern.compile(regex);
            } catch (PatternSyntaxException e) {
                throw new FerryConfigException("pathMatchPattern", "'" + regex + "' is not a valid Java regular"
                        + " expression: " + e.getDescription() + " near index " + e.getIndex(), e);
            }
            return this;
        }

        /**
         * Where the previous run stopped, or the start point; null for no state (take everything).
         *
         * @param state the state to start from, or null
         * @return this builder
         */
        public Builder state(IncrementalState state) {
            this.state = state;
            return this;
        }

        /**
         * Skip archived objects (true) instead of failing on them (false, the default).
         *
         * @param skip whether to skip archived objects
         * @return this builder
         */
        public Builder skipArchived(boolean skip) {
            this.skipArchived = skip;
            return this;
        }

        /**
         * How long after its LastModified an object may still appear in a listing: a large upload
         * becomes visible when it completes but carries the time it started. Default 15 minutes;
         * zero trusts that objects appear in LastModified order.
         *
         * @param settleTime how long after its LastModified an object may still appear in a listing
         * @return this builder
         */
        public Builder settleTime(Duration settleTime) {
            FerryConfigException.requireNonNull(settleTime, "settleTime");
            if (settleTime.isNegative()) {
                throw new FerryConfigException("settleTime", "must be zero or more, was " + settleTime);
            }
            this.settleTime = settleTime;
            return this;
        }

        /**
         * Builds the selector.
         *
         * @return the selector
         */
        public ObjectSelector build() {
            return new ObjectSelector(this);
        }
    }
}

package io.ferry.formats.read;

import com.fasterxml.jackson.core.JsonPointer;
import io.ferry.core.FerryConfigException;
import java.util.Objects;
import java.util.Optional;

/**
 * The options of a {@link ParserConfig} that apply to JSON and JSON Lines. Immutable and safe to
 * share. Set them with {@code ParserConfig.builder().json(j -> j.root("/data").flattenJsonArray(true))}.
 *
 * <p>Each top-level JSON value (each line of JSON Lines) is a document. Without a root the
 * document is the record; with a root (a JSON pointer such as {@code /data/items}) the value it
 * points at is. A value that is an array gives one record per element. The readers stream: a root
 * inside one huge document is reached by skipping what comes before it, never by loading it.
 *
 * <table>
 *   <caption>Options and defaults</caption>
 *   <tr><th>option</th><th>default</th></tr>
 *   <tr><td>root</td><td>none: each document is a record, or an array of records</td></tr>
 *   <tr><td>flattenJsonArray</td><td>false; true requires the value at the root to be an array</td></tr>
 *   <tr><td>invalidStringEscapes</td><td>{@link InvalidStringEscapes#PASSTHROUGH}: invalid JSON</td></tr>
 * </table>
 */
public final class JsonOptions {
    private static final JsonOptions DEFAULTS = builder().build();

    private final String root;
    private final boolean flattenJsonArray;
    private final InvalidStringEscapes invalidStringEscapes;

    private JsonOptions(Builder b) {
        this.root = b.root;
        this.flattenJsonArray = b.flattenJsonArray;
        this.invalidStringEscapes = b.invalidStringEscapes;
    }

    /** {@return the options with the defaults} */
    public static JsonOptions defaults() {
        return DEFAULTS;
    }

    /** {@return a new builder with the defaults} */
    public static Builder builder() {
        return new Builder();
    }

    /** {@return a builder holding these options} */
    public Builder toBuilder() {
        return new Builder().root(root).flattenJsonArray(flattenJsonArray).invalidStringEscapes(invalidStringEscapes);
    }

    /** {@return the JSON pointer to the records inside each document, if any} */
    public Optional<String> root() {
        return Optional.ofNullable(root);
    }

    /** {@return whether the value at the root must be an array whose elements are the records} */
    public boolean flattenJsonArray() {
        return flattenJsonArray;
    }

    /** {@return what happens to an invalid escape in a JSON string} */
    public InvalidStringEscapes invalidStringEscapes() {
        return invalidStringEscapes;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof JsonOptions j && Objects.equals(j.root, root) && j.flattenJsonArray == flattenJsonArray
                && j.invalidStringEscapes == invalidStringEscapes;
    }

    @Override
    public int hashCode() {
        return Objects.hash(root, flattenJsonArray, invalidStringEscapes);
    }

    @Override
    public String toString() {
        return "JsonOptions{root=" + root + ", flattenJsonArray=" + flattenJsonArray + ", invalidStringEscapes="
                + invalidStringEscapes + "}";
    }

    /**
     * Checks that {@code pointer} is a JSON pointer (RFC 6901): empty, or {@code /} followed by
     * segments separated by {@code /}, with {@code ~0} and {@code ~1} for {@code ~} and {@code /}.
     *
     * @param pointer the text to check
     * @param option the option name for the error
     * @return the pointer
     * @throws FerryConfigException quoting the text if it is not a JSON pointer
     */
    static String checkPointer(String pointer, String option) {
        FerryConfigException.requireNonNull(pointer, option);
        try {
            JsonPointer.compile(pointer);
        } catch (IllegalArgumentException e) {
            throw new FerryConfigException(option, "'" + pointer + "' is not a JSON pointer; write it as /field/0/name"
                    + " (a slash before each field name or array index, ~1 for a slash and ~0 for a tilde in a name)");
        }
        return pointer;
    }

    /** Builds {@link JsonOptions}. Not thread-safe. */
    public static final class Builder {
        private String root;
        private boolean flattenJsonArray;
        private InvalidStringEscapes invalidStringEscapes = InvalidStringEscapes.PASSTHROUGH;

        private Builder() {
        }

        /**
         * The JSON pointer to the records inside each document, such as {@code /data/items}; null or
         * empty for none (the default). A document without that value is a bad row.
         *
         * @param pointer the JSON pointer (RFC 6901) to the records
         * @return this builder
         */
        public Builder root(String pointer) {
            this.root = pointer == null || pointer.isEmpty() ? null : checkPointer(pointer, "root");
            return this;
        }

        /**
         * Whether the value at the root must be an array whose elements are the records; default
         * false. Arrays give one record per element either way; with true, a value that is not an
         * array is a bad row.
         *
         * @param flatten whether the value at the root must be an array of records
         * @return this builder
         */
        public Builder flattenJsonArray(boolean flatten) {
            this.flattenJsonArray = flatten;
            return this;
        }

        /**
         * What happens to an invalid escape in a JSON string; default {@link InvalidStringEscapes#PASSTHROUGH}.
         *
         * @param policy what happens to an invalid escape in a JSON string
         * @return this builder
         */
        public Builder invalidStringEscapes(InvalidStringEscapes policy) {
            this.invalidStringEscapes = FerryConfigException.requireNonNull(policy, "invalidStringEscapes");
            return this;
        }

        /** {@return the options} */
        public JsonOptions build() {
            return new JsonOptions(this);
        }
    }
}

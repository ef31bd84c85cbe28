package io.ferry.td.internal;

import io.ferry.core.FerryConfigException;
import java.util.Objects;

/**
 * A Treasure Data API key. Its {@link #toString()} prints {@code ****}, so the key cannot leak
 * into logs or messages by accident; only {@link #authorization()} reveals it, for the header.
 */
public final class ApiKey {
    /** What every message prints instead of a key. */
    public static final String MASK = "****";

    private final String value;

    private ApiKey(String value) {
        this.value = value;
    }

    /**
     * @throws FerryConfigException if the key is blank or spans several lines
     */
    public static ApiKey of(String value, String option) {
        Objects.requireNonNull(value, option);
        String key = value.strip();
        if (key.isEmpty()) {
            throw new FerryConfigException(option, "the API key is empty; give the key shown in"
                    + " TD Console > My Settings > API Keys");
        }
        if (key.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            throw new FerryConfigException(option, "the API key " + MASK + " contains control characters"
                    + " (a pasted line break?); give the key on one line");
        }
        return new ApiKey(key);
    }

    /** The value of the {@code Authorization} header: {@code TD1 <key>}. */
    String authorization() {
        return "TD1 " + value;
    }

    /** The text with every occurrence of the key replaced by {@code ****}. */
    String redact(String text) {
        return text.replace(value, MASK);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ApiKey && ((ApiKey) o).value.equals(value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return MASK;
    }
}

package io.ferry.td.internal;

import io.ferry.core.FerryConfigException;
import io.ferry.core.Secrets;

/**
 * A Treasure Data API key. Its {@link #toString()} prints {@code ****}, so the key cannot leak
 * into logs or messages by accident; only {@link #authorization()} reveals it, for the header.
 */
public final class ApiKey {
    private final String value;

    private ApiKey(String value) {
        this.value = value;
    }

    /**
     * A key; registers it with {@link Secrets}, so no Ferry message or log line prints it.
     *
     * @throws FerryConfigException if the key is null, blank or spans several lines
     */
    public static ApiKey of(String value, String option) {
        if (value == null) {
            throw new FerryConfigException(option, "the API key is null; give the key shown in"
                    + " TD Console > My Settings > API Keys, or set TD_API_KEY");
        }
        String key = value.strip();
        if (key.isEmpty()) {
            throw new FerryConfigException(option, "the API key is empty; give the key shown in"
                    + " TD Console > My Settings > API Keys");
        }
        if (key.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            throw new FerryConfigException(option, "the API key " + Secrets.MASK + " contains control characters"
                    + " (a pasted line break?); give the key on one line");
        }
        Secrets.register(key);
        return new ApiKey(key);
    }

    /** The value of the {@code Authorization} header: {@code TD1 <key>}. */
    String authorization() {
        return "TD1 " + value;
    }

    /** The text with every occurrence of the key, and any other secret {@link Secrets} knows, replaced by {@code ****}. */
    String redact(String text) {
        return Secrets.redact(text, value);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ApiKey k && k.value.equals(value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return Secrets.MASK;
    }
}

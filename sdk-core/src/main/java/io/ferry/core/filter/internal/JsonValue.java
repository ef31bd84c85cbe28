package io.ferry.core.filter.internal;

import com.fasterxml.jackson.core.JsonToken;

/**
 * A value found at a JSON pointer: its first token and its text (the string's value, the
 * number as written, {@code true}/{@code false}, or the JSON text of an object or array).
 * Internal.
 */
public record JsonValue(JsonToken token, String text) {
    /** Whether this is an object or an array. */
    public boolean isStructure() {
        return token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY;
    }
}

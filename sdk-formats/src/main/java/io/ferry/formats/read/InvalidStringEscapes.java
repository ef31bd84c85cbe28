package io.ferry.formats.read;

import io.ferry.core.FerryConfigException;

/**
 * What the JSON readers do with a backslash in a string that does not start a valid JSON escape
 * (such as a backslash before {@code q}, or before {@code u} and four characters that are not all hex digits). The names are those of Embulk's
 * {@code invalid_string_escapes} option.
 */
public enum InvalidStringEscapes {
    /** The default: the text is invalid JSON, as the JSON specification says. */
    PASSTHROUGH,
    /** The backslash and the character after it are dropped: {@code "a\qb"} reads {@code ab}. */
    SKIP,
    /** The backslash is kept as an ordinary character: {@code "a\qb"} reads {@code a\qb}. */
    SERIALIZE,
    /** The backslash is dropped and the character after it kept: {@code "a\qb"} reads {@code aqb}. */
    UNESCAPE;

    /**
     * The value with this name, case-insensitive.
     *
     * @param name a value name such as {@code PASSTHROUGH}
     * @return the value
     * @throws FerryConfigException naming the allowed values if there is none
     */
    public static InvalidStringEscapes parse(String name) {
        FerryConfigException.requireNonNull(name, "invalidStringEscapes");
        for (InvalidStringEscapes v : values()) {
            if (v.name().equalsIgnoreCase(name)) {
                return v;
            }
        }
        throw new FerryConfigException("invalid_string_escapes", "unknown value '" + name
                + "'; use PASSTHROUGH, SKIP, SERIALIZE or UNESCAPE");
    }
}

package io.ferry.formats.read;

import io.ferry.core.FerryConfigException;
import java.util.Locale;

/** Where the escape character of delimited text applies. */
public enum EscapeMode {
    /**
     * Ferry's default: the escape character makes the next character literal, inside and outside
     * quotes. This is what Ferry's CSV writer produces with an escape character.
     */
    NEXT_CHARACTER,
    /**
     * Embulk's rule: the escape character counts only inside a quoted value and only before the
     * quote or the escape character; anywhere else it is an ordinary character, so that
     * {@code C:\temp} keeps its backslash.
     */
    QUOTE_AND_ESCAPE_IN_QUOTES;

    /** {@return the lower-case name used in parser config JSON} */
    public String configName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The mode with this name, case-insensitive.
     *
     * @param name a mode name such as {@code next_character}
     * @return the mode
     * @throws FerryConfigException naming the allowed values if there is none
     */
    public static EscapeMode parse(String name) {
        FerryConfigException.requireNonNull(name, "escapeMode");
        for (EscapeMode m : values()) {
            if (m.name().equalsIgnoreCase(name)) {
                return m;
            }
        }
        throw new FerryConfigException("escape_mode", "unknown escape mode '" + name
                + "'; use next_character or quote_and_escape_in_quotes");
    }
}

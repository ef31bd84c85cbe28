package io.ferry.formats.read;

import io.ferry.core.FerryConfigException;
import java.util.Locale;

/** Which delimited values read as null. Values in non-string columns that are empty are null under both rules. */
public enum NullRule {
    /**
     * Ferry's default: an unquoted empty value is null, and so is an unquoted value equal to the
     * null string if one is set. Quoted values are never null.
     */
    EMPTY_OR_NULL_STRING,
    /**
     * Embulk's rule: with a null string set, exactly the values equal to it are null (quoted or
     * not) and an empty value stays an empty string; without one, an unquoted empty value is null.
     */
    NULL_STRING_ONLY;

    /** {@return the lower-case name used in parser config JSON} */
    public String configName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The rule with this name, case-insensitive.
     *
     * @param name a rule name such as {@code null_string_only}
     * @return the rule
     * @throws FerryConfigException naming the allowed values if there is none
     */
    public static NullRule parse(String name) {
        FerryConfigException.requireNonNull(name, "nullRule");
        for (NullRule r : values()) {
            if (r.name().equalsIgnoreCase(name)) {
                return r;
            }
        }
        throw new FerryConfigException("null_rule", "unknown null rule '" + name
                + "'; use empty_or_null_string or null_string_only");
    }
}

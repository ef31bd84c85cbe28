package io.ferry.core.template.internal;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** The {@code {{NAME}}} placeholders a key template knows. Internal. */
public enum KeyVariable {
    TABLE, TABLE_HYPHEN, SYNC_ID, FORMAT, UUID, WRITER, YEAR, MONTH, DAY, HOUR, MINUTE;

    /** The placeholder as written in a template, e.g. {@code {{TABLE}}}. */
    public String placeholder() {
        return "{{" + name() + "}}";
    }

    /** The variable with this exact (case-sensitive) name. */
    public static Optional<KeyVariable> find(String name) {
        for (KeyVariable v : values()) {
            if (v.name().equals(name)) {
                return Optional.of(v);
            }
        }
        return Optional.empty();
    }

    /** Every placeholder, comma separated, for error messages. */
    public static String allPlaceholders() {
        return Arrays.stream(values()).map(KeyVariable::placeholder).collect(Collectors.joining(", "));
    }
}

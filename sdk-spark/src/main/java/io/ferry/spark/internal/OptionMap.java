package io.ferry.spark.internal;

import io.ferry.core.FerryConfigException;
import java.io.Serializable;
import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A data source's options as Spark passes them (names in any case), with the checks every Ferry
 * source shares: unknown names rejected, typed getters whose errors name the option. Serializable
 * (it travels to the executors inside the writer and reader factories); {@link #toString()}
 * masks secrets.
 */
public final class OptionMap implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final Set<String> SECRET = Set.of("secret_access_key", "session_token", "apikey", "api_key", "uri");
    /** Options Spark itself may add to every data source's options. */
    private static final Set<String> SPARK_OWN = Set.of("paths", "__path_option_in_spark_options__");

    private final TreeMap<String, String> values;

    private OptionMap(TreeMap<String, String> values) {
        this.values = values;
    }

    /**
     * @param options the options as given to Spark
     * @param known   the option names this source reads (lower case)
     * @param what    the source, for the message ({@code format("ferry") write})
     * @throws FerryConfigException for an unknown option name or one given twice in different case
     */
    public static OptionMap of(Map<String, String> options, Set<String> known, String what) {
        TreeMap<String, String> m = new TreeMap<>();
        for (Map.Entry<String, String> e : options.entrySet()) {
            String key = e.getKey().toLowerCase(Locale.ROOT);
            if (SPARK_OWN.contains(key)) {
                continue;
            }
            if (!known.contains(key)) {
                throw new FerryConfigException(key, "unknown option '" + e.getKey() + "' for " + what
                        + "; the options are " + new TreeSet<>(known));
            }
            if (m.put(key, e.getValue()) != null) {
                throw new FerryConfigException(key, "option '" + key + "' is given twice (option names ignore case)");
            }
        }
        return new OptionMap(m);
    }

    /** {@return every option, lower-case names} */
    public Map<String, String> asMap() {
        return Collections.unmodifiableMap(values);
    }

    /** {@return whether the option is given and not empty} */
    public boolean has(String key) {
        String v = values.get(key);
        return v != null && !v.isEmpty();
    }

    /** {@return the option's text, if given and not empty} */
    public Optional<String> text(String key) {
        return has(key) ? Optional.of(values.get(key)) : Optional.empty();
    }

    /** {@return the option's text} @throws FerryConfigException if it is missing */
    public String required(String key, String example) {
        return text(key).orElseThrow(() -> new FerryConfigException(key, "option '" + key + "' is required, e.g. "
                + ".option(\"" + key + "\", \"" + example + "\")"));
    }

    /** {@return the option as a boolean} @throws FerryConfigException if it is not true or false */
    public boolean bool(String key, boolean dflt) {
        String v = text(key).orElse(null);
        if (v == null) {
            return dflt;
        }
        if (v.equalsIgnoreCase("true") || v.equalsIgnoreCase("false")) {
            return Boolean.parseBoolean(v);
        }
        throw new FerryConfigException(key, key + " must be true or false, was '" + v + "'");
    }

    /** {@return the option as a whole number within min..max} @throws FerryConfigException otherwise */
    public long number(String key, long dflt, long min, long max) {
        String v = text(key).orElse(null);
        if (v == null) {
            return dflt;
        }
        try {
            long n = Long.parseLong(v.trim());
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below with the range
        }
        throw new FerryConfigException(key, key + " must be a whole number from " + min + " to " + max + ", was '"
                + v + "'");
    }

    @Override
    public String toString() {
        TreeMap<String, String> shown = new TreeMap<>();
        values.forEach((k, v) -> shown.put(k, SECRET.contains(k) ? "****" : v));
        return shown.toString();
    }
}

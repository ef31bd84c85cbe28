package io.ferry.td;

import io.ferry.core.FerryConfigException;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * How a {@link TdWriter} changes its target table. The default is {@link #APPEND}.
 *
 * <table>
 *   <caption>Modes</caption>
 *   <tr><th>mode</th><th>URI value</th><th>effect</th></tr>
 *   <tr><td>APPEND</td><td>{@code append}</td><td>adds the rows; not atomic, not idempotent</td></tr>
 *   <tr><td>REPLACE</td><td>{@code replace}</td><td>the table holds exactly the new rows, switched
 *       atomically (temporary table, swap, delete)</td></tr>
 *   <tr><td>REPLACE_ON_NEW_DATA</td><td>{@code replace_on_new_data}</td><td>like REPLACE when at
 *       least one row arrived; otherwise the table is left untouched</td></tr>
 * </table>
 */
public enum TdWriteMode {
    /** Adds the rows to the table. */
    APPEND,
    /** Replaces the table's rows atomically; an empty write leaves an empty table. */
    REPLACE,
    /** Replaces the table's rows atomically, but only when at least one row was written. */
    REPLACE_ON_NEW_DATA;

    /** {@return the value used in a {@code td://} URI's {@code mode} parameter, e.g. {@code replace}} */
    public String uriValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The mode named by a {@code td://} URI value, case-insensitive: {@code append},
     * {@code replace} or {@code replace_on_new_data}.
     *
     * @param value a mode name
     * @return the mode
     * @throws FerryConfigException naming the allowed values if there is no such mode
     */
    public static TdWriteMode parse(String value) {
        FerryConfigException.requireNonNull(value, "value");
        for (TdWriteMode m : values()) {
            if (m.uriValue().equalsIgnoreCase(value)) {
                return m;
            }
        }
        throw new FerryConfigException("mode", "unknown mode '" + value + "'; use one of "
                + Arrays.stream(values()).map(TdWriteMode::uriValue).collect(Collectors.joining(", ")));
    }
}

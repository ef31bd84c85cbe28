package io.ferry.core.filter.internal;

import io.ferry.core.FerryConfigException;
import io.ferry.core.record.Schema;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Checks shared by the filters; every error is a {@link FerryConfigException} naming the filter. Internal. */
public final class ColumnChecks {
    private ColumnChecks() {
    }

    /** The index of {@code column} in {@code schema}, or an error saying what the filter wanted to do with it. */
    public static int require(Schema schema, String column, String filter, String purpose) {
        int i = schema.indexOf(column);
        if (i < 0) {
            throw new FerryConfigException(filter, "no column named '" + column + "' to " + purpose
                    + "; the columns are " + schema.names());
        }
        return i;
    }

    /** Throws if {@code schema} already has {@code column}. */
    public static void requireAbsent(Schema schema, String column, String filter) {
        if (schema.indexOf(column) >= 0) {
            throw new FerryConfigException(filter, "column '" + column + "' already exists; the columns are "
                    + schema.names() + ". Drop it first or choose another name");
        }
    }

    /** A copy of a list of names that are non-null, non-empty and distinct; {@code filter} names the option. */
    public static List<String> names(List<String> names, String filter) {
        FerryConfigException.requireNonNull(names, "columns");
        if (names.isEmpty()) {
            throw new FerryConfigException(filter, "give at least one column");
        }
        Set<String> seen = new HashSet<>();
        List<String> copy = new ArrayList<>(names.size());
        for (String name : names) {
            FerryConfigException.requireNonNull(name, "column");
            if (name.isEmpty()) {
                throw new FerryConfigException(filter, "a column name must not be empty");
            }
            if (!seen.add(name)) {
                throw new FerryConfigException(filter, "column '" + name + "' is named twice");
            }
            copy.add(name);
        }
        return List.copyOf(copy);
    }
}

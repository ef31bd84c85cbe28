package io.ferry.core.record;

import io.ferry.core.FerryConfigException;

/** A named, typed column of a {@link Schema}. Immutable. */
public final class Column {
    private final String name;
    private final ColumnType type;

    private Column(String name, ColumnType type) {
        this.name = name;
        this.type = type;
    }

    /**
     * @param name a non-empty column name
     * @param type the column's type
     * @return the column
     * @throws FerryConfigException if the name is empty
     */
    public static Column of(String name, ColumnType type) {
        FerryConfigException.requireNonNull(name, "name");
        FerryConfigException.requireNonNull(type, "type");
        if (name.isEmpty()) {
            throw new FerryConfigException("column", "a column name must not be empty");
        }
        return new Column(name, type);
    }

    /** {@return the column's name} */
    public String name() {
        return name;
    }

    /** {@return the column's type} */
    public ColumnType type() {
        return type;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Column other && other.name.equals(name) && other.type == type;
    }

    @Override
    public int hashCode() {
        return name.hashCode() * 31 + type.hashCode();
    }

    @Override
    public String toString() {
        return name + ":" + type.name().toLowerCase(java.util.Locale.ROOT);
    }
}

package io.ferry.core.template;

import java.util.List;

/**
 * Which object of a partitioned export a record belongs to: the encoded values of the template's
 * partition placeholders, in template order. Records with equal partition keys go to the same
 * object. Made by {@link BoundKeyTemplate#partitionOf}; immutable, with value equality, usable as
 * a map key.
 */
public final class PartitionKey {
    /** The partition of a template without partition placeholders: one object for all rows. */
    public static final PartitionKey NONE = new PartitionKey(List.of());

    private final List<String> values;

    private PartitionKey(List<String> values) {
        this.values = values;
    }

    static PartitionKey of(List<String> encodedValues) {
        return encodedValues.isEmpty() ? NONE : new PartitionKey(List.copyOf(encodedValues));
    }

    /**
     * {@return the encoded value of each partition placeholder, in template order, exactly as they appear
     * in the key (for example {@code ACME}, {@code 20230707-09}, {@code 3}, {@code __null__});
     * empty for {@link #NONE}}
     */
    public List<String> values() {
        return values;
    }

    /** {@return whether this is {@link #NONE}} */
    public boolean isNone() {
        return values.isEmpty();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PartitionKey other && other.values.equals(values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    @Override
    public String toString() {
        return values.isEmpty() ? "PartitionKey.NONE" : "PartitionKey" + values;
    }
}

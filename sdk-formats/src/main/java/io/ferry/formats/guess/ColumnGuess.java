package io.ferry.formats.guess;

import io.ferry.core.FerryConfigException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * How a guess typed one column: the column name, the type chosen (as a parser config writes it:
 * {@code long}, {@code timestamp '%Y%m%d'}), how many non-null sample values it saw, and each
 * type it tried first and rejected with the sample value that ruled it out. Immutable.
 *
 * <pre>{@code
 * for (ColumnGuess c : result.columns()) {
 *     System.out.println(c);  // zip: string from 4 values; not long: '02134' (a leading zero ...)
 * }
 * }</pre>
 */
public final class ColumnGuess {
    private final String name;
    private final String chosen;
    private final int values;
    private final List<Rejection> rejected;

    private ColumnGuess(Builder b) {
        this.name = b.name;
        this.chosen = b.chosen;
        this.values = b.values;
        this.rejected = List.copyOf(b.rejected);
    }

    /** {@return a new builder; name and chosen are required} */
    public static Builder builder() {
        return new Builder();
    }

    /** {@return a builder holding this column's values} */
    public Builder toBuilder() {
        Builder b = new Builder().name(name).chosen(chosen).values(values);
        b.rejected.addAll(rejected);
        return b;
    }

    /** {@return the column name} */
    public String name() {
        return name;
    }

    /** {@return the type chosen, with its format for timestamps: {@code timestamp '%Y%m%d'}} */
    public String chosen() {
        return chosen;
    }

    /** {@return how many non-null sample values the type was guessed from; 0 gives string} */
    public int values() {
        return values;
    }

    /** {@return the types tried before the chosen one and what ruled each out, in the order tried} */
    public List<Rejection> rejected() {
        return rejected;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ColumnGuess c && c.name.equals(name) && c.chosen.equals(chosen) && c.values == values
                && c.rejected.equals(rejected);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, chosen, values, rejected);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(name).append(": ").append(chosen).append(" from ").append(values)
                .append(values == 1 ? " value" : " values");
        for (Rejection r : rejected) {
            sb.append("; ").append(r);
        }
        return sb.toString();
    }

    /** A type a column guess tried and rejected, and the sample value that ruled it out. Immutable. */
    public static final class Rejection {
        private final String candidate;
        private final String value;
        private final String reason;

        private Rejection(String candidate, String value, String reason) {
            this.candidate = candidate;
            this.value = value;
            this.reason = reason;
        }

        /** {@return the type rejected, with its format for timestamps} */
        public String candidate() {
            return candidate;
        }

        /** {@return the first sample value that ruled it out} */
        public String value() {
            return value;
        }

        /** {@return why that value rules the type out} */
        public String reason() {
            return reason;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Rejection r && r.candidate.equals(candidate) && r.value.equals(value)
                    && r.reason.equals(reason);
        }

        @Override
        public int hashCode() {
            return Objects.hash(candidate, value, reason);
        }

        @Override
        public String toString() {
            return "not " + candidate + ": '" + value + "' (" + reason + ")";
        }
    }

    /** Builds a {@link ColumnGuess}. Not thread-safe. */
    public static final class Builder {
        private String name;
        private String chosen;
        private int values;
        private final List<Rejection> rejected = new ArrayList<>();

        private Builder() {
        }

        /**
         * The column name; required.
         *
         * @param name the column name
         * @return this builder
         */
        public Builder name(String name) {
            this.name = FerryConfigException.requireNonNull(name, "columns.name");
            return this;
        }

        /**
         * The type chosen; required.
         *
         * @param chosen the type chosen, with its format for timestamps
         * @return this builder
         */
        public Builder chosen(String chosen) {
            this.chosen = FerryConfigException.requireNonNull(chosen, "columns.chosen");
            return this;
        }

        /**
         * The number of non-null sample values; 0 or more, default 0.
         *
         * @param values the number of non-null sample values
         * @return this builder
         */
        public Builder values(int values) {
            if (values < 0) {
                throw new FerryConfigException("columns.values", "must be 0 or more, was " + values);
            }
            this.values = values;
            return this;
        }

        /**
         * Adds a rejected type.
         *
         * @param candidate the type rejected, with its format for timestamps
         * @param value     the first sample value that ruled it out
         * @param reason    why that value rules the type out
         * @return this builder
         */
        public Builder reject(String candidate, String value, String reason) {
            rejected.add(new Rejection(FerryConfigException.requireNonNull(candidate, "columns.rejected.candidate"),
                    FerryConfigException.requireNonNull(value, "columns.rejected.value"),
                    FerryConfigException.requireNonNull(reason, "columns.rejected.reason")));
            return this;
        }

        /**
         * @return the column guess
         * @throws FerryConfigException if name or chosen is missing
         */
        public ColumnGuess build() {
            if (name == null || chosen == null) {
                throw new FerryConfigException("columns", "a column guess needs name and chosen, was name=" + name
                        + ", chosen=" + chosen);
            }
            return new ColumnGuess(this);
        }
    }
}

package io.ferry.formats.parquet;

import io.ferry.core.FerryConfigException;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * A split-block Bloom filter Parquet writes for one column of each row group, so that readers
 * (Spark, Trino, DuckDB, parquet-java) can skip row groups that cannot hold a value they look
 * for. Sized from the expected number of distinct values per row group and the false positive
 * probability; without an expected count Parquet gives the filter its largest size, 1 MiB.
 * Parquet leaves the filter out of a column chunk whose pages are all dictionary-encoded (the
 * dictionary lists every value already); to always get it, turn dictionary encoding off for the
 * column with {@code ParquetFormat.Builder.dictionary(column, false)}. Immutable.
 *
 * <pre>{@code
 * ParquetFormat.builder()
 *         .bloomFilter("user_id", b -> b.expectedDistinctValues(1_000_000).falsePositiveProbability(0.01))
 *         .dictionary("user_id", false)
 *         .build();
 * }</pre>
 */
public final class ParquetBloomFilter {
    /** The default false positive probability: 0.01, Parquet's default. */
    public static final double DEFAULT_FPP = 0.01;

    private final String column;
    private final long expectedDistinctValues;
    private final double falsePositiveProbability;

    private ParquetBloomFilter(Builder b) {
        this.column = b.column;
        this.expectedDistinctValues = b.expectedDistinctValues;
        this.falsePositiveProbability = b.falsePositiveProbability;
    }

    /**
     * {@return a filter for {@code column} with the default probability and Parquet's largest size}
     *
     * @param column the column name, as in the schema; not empty
     * @throws FerryConfigException if {@code column} is null or empty
     */
    public static ParquetBloomFilter of(String column) {
        return builder(column).build();
    }

    /**
     * {@return a builder of a filter for {@code column}}
     *
     * @param column the column name, as in the schema; not empty
     * @throws FerryConfigException if {@code column} is null or empty
     */
    public static Builder builder(String column) {
        return new Builder(column);
    }

    /** {@return a builder starting from this filter's settings} */
    public Builder toBuilder() {
        Builder b = new Builder(column);
        b.expectedDistinctValues = expectedDistinctValues;
        b.falsePositiveProbability = falsePositiveProbability;
        return b;
    }

    /** {@return the column the filter is written for} */
    public String column() {
        return column;
    }

    /** {@return the expected number of distinct values in a row group, if set} */
    public OptionalLong expectedDistinctValues() {
        return expectedDistinctValues > 0 ? OptionalLong.of(expectedDistinctValues) : OptionalLong.empty();
    }

    /** {@return the false positive probability the filter is sized for} */
    public double falsePositiveProbability() {
        return falsePositiveProbability;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ParquetBloomFilter f && f.column.equals(column)
                && f.expectedDistinctValues == expectedDistinctValues
                && Double.compare(f.falsePositiveProbability, falsePositiveProbability) == 0;
    }

    @Override
    public int hashCode() {
        return Objects.hash(column, expectedDistinctValues, falsePositiveProbability);
    }

    @Override
    public String toString() {
        return "ParquetBloomFilter{column=" + column + (expectedDistinctValues > 0
                ? ", expectedDistinctValues=" + expectedDistinctValues : "")
                + ", falsePositiveProbability=" + falsePositiveProbability + "}";
    }

    /** Builds a {@link ParquetBloomFilter}; setters reject impossible values at once. Not thread-safe. */
    public static final class Builder {
        private final String column;
        private long expectedDistinctValues;
        private double falsePositiveProbability = DEFAULT_FPP;

        private Builder(String column) {
            FerryConfigException.requireNonNull(column, "bloomFilter");
            if (column.isEmpty()) {
                throw new FerryConfigException("bloomFilter", "the column of a Bloom filter must not be empty;"
                        + " give a column name of the schema");
            }
            this.column = column;
        }

        /**
         * The number of distinct values expected in one row group; with the probability it sizes
         * the filter (at most 1 MiB). Default: unset, the largest filter.
         *
         * @param count the expected number of distinct values, at least 1
         * @return this builder
         * @throws FerryConfigException if below 1
         */
        public Builder expectedDistinctValues(long count) {
            if (count < 1) {
                throw new FerryConfigException("bloomFilter", "expectedDistinctValues of the Bloom filter of column '"
                        + column + "' must be at least 1, was " + count);
            }
            this.expectedDistinctValues = count;
            return this;
        }

        /**
         * The probability that the filter answers "may contain" for a value that is absent;
         * default {@value ParquetBloomFilter#DEFAULT_FPP}. Lower is larger.
         *
         * @param probability strictly between 0 and 1
         * @return this builder
         * @throws FerryConfigException if not strictly between 0 and 1
         */
        public Builder falsePositiveProbability(double probability) {
            if (!(probability > 0 && probability < 1)) {
                throw new FerryConfigException("bloomFilter", "falsePositiveProbability of the Bloom filter of column '"
                        + column + "' must be strictly between 0 and 1, was " + probability + "; for example 0.01");
            }
            this.falsePositiveProbability = probability;
            return this;
        }

        /**
         * Builds the filter settings.
         *
         * @return the filter settings
         */
        public ParquetBloomFilter build() {
            return new ParquetBloomFilter(this);
        }
    }
}

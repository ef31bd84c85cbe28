package io.ferry.core.filter;

import io.ferry.core.FerryConfigException;
import io.ferry.core.Secrets;
import io.ferry.core.filter.internal.ColumnChecks;
import io.ferry.core.filter.internal.FilterPlan;
import io.ferry.core.record.Column;
import io.ferry.core.record.ColumnType;
import io.ferry.core.record.Record;
import io.ferry.core.record.Schema;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Replaces a column's value by the lower-case hex SHA-256 of {@code salt + value} (UTF-8 bytes;
 * no salt means the empty string), for pseudonymising e-mail addresses or ids. The column keeps
 * its place and becomes STRING; null stays null. Non-string values are digested as their text
 * ({@code 42}, {@code true}, {@code 2024-01-02T03:04:05Z}, JSON as written). A missing column is a
 * configuration error (option {@code digest}). The salt is treated as a secret: {@code toString()}
 * prints {@code ****}. Immutable and thread-safe; made by {@link Filters#digest}.
 */
public final class DigestFilter extends PlannedFilter {
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private final String column;
    private final String salt;

    private DigestFilter(String column, String salt) {
        this.column = column;
        this.salt = salt;
    }

    static DigestFilter of(String column, Optional<String> salt) {
        FerryConfigException.requireNonNull(column, "column");
        FerryConfigException.requireNonNull(salt, "salt");
        return new DigestFilter(column, salt.orElse(""));
    }

    /** {@return the digested column} */
    public String column() {
        return column;
    }

    /** {@return whether a non-empty salt is set} */
    public boolean isSalted() {
        return !salt.isEmpty();
    }

    @Override
    FilterPlan plan(Schema input) {
        int index = ColumnChecks.require(input, column, "digest", "digest");
        List<Column> columns = new ArrayList<>(input.columns());
        columns.set(index, Column.of(column, ColumnType.STRING));
        return new Plan(index, Schema.of(columns));
    }

    private static String sha256Hex(String text) {
        byte[] hash = sha256().digest(text.getBytes(StandardCharsets.UTF_8));
        char[] out = new char[hash.length * 2];
        for (int i = 0; i < hash.length; i++) {
            out[2 * i] = HEX[(hash[i] >> 4) & 0xF];
            out[2 * i + 1] = HEX[hash[i] & 0xF];
        }
        return new String(out);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            // every Java platform must provide SHA-256
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DigestFilter other && other.column.equals(column)
                && other.salt.equals(salt);
    }

    @Override
    public int hashCode() {
        return column.hashCode() * 31 + salt.hashCode();
    }

    @Override
    public String toString() {
        return "digest[" + column + (salt.isEmpty() ? "" : ", salt=" + Secrets.MASK) + "]";
    }

    private final class Plan extends FilterPlan {
        private final int index;

        Plan(int index, Schema output) {
            super(output);
            this.index = index;
        }

        @Override
        public Record apply(Record record) {
            Object[] values = copyValues(record, record.size());
            Object v = values[index];
            values[index] = v == null ? null : sha256Hex(salt + v);
            return Record.of(output(), values);
        }
    }
}

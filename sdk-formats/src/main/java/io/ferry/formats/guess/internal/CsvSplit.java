package io.ferry.formats.guess.internal;

import io.ferry.formats.Newline;
import io.ferry.formats.text.internal.CsvSyntaxException;
import io.ferry.formats.text.internal.CsvTokenizer;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The rows of a sample split with one candidate delimiter, quote and escape, and the measures the
 * guess compares candidates by: the most common width, the share of rows (malformed ones
 * counted) that have it, the malformed rows and the quoted values.
 */
final class CsvSplit {
    static final int MAX_ROWS = 1000;

    /** One tokenized row of the sample. */
    static final class Row {
        final long line;
        final String[] fields;
        final boolean[] quoted;

        Row(long line, String[] fields, boolean[] quoted) {
            this.line = line;
            this.fields = fields;
            this.quoted = quoted;
        }
    }

    final char delimiter;
    final int quote;
    final int escape;
    final List<Row> rows;
    final int errors;
    final int width;
    final int widthCount;
    final double consistency;
    final int quotedValues;

    private CsvSplit(char delimiter, int quote, int escape, List<Row> rows, int errors) {
        this.delimiter = delimiter;
        this.quote = quote;
        this.escape = escape;
        this.rows = rows;
        this.errors = errors;
        Map<Integer, Integer> widths = new HashMap<>();
        int quotedCount = 0;
        for (Row r : rows) {
            widths.merge(r.fields.length, 1, Integer::sum);
            for (boolean q : r.quoted) {
                quotedCount += q ? 1 : 0;
            }
        }
        int best = 0;
        int bestCount = 0;
        for (Map.Entry<Integer, Integer> e : widths.entrySet()) {
            if (e.getValue() > bestCount || (e.getValue() == bestCount && e.getKey() > best)) {
                best = e.getKey();
                bestCount = e.getValue();
            }
        }
        this.width = best;
        this.widthCount = bestCount;
        this.consistency = rows.isEmpty() ? 0 : (double) bestCount / (rows.size() + errors);
        this.quotedValues = quotedCount;
    }

    /**
     * Splits {@code text}.
     *
     * @param truncated whether the text is a prefix (its last row may be partial and is dropped)
     * @param q         the quote, or -1 for none
     * @param e         the escape, or -1 for none
     * @param comment   the comment line marker, or null
     */
    static CsvSplit of(String text, boolean truncated, Newline newline, char d, int q, int e, String comment) {
        CsvTokenizer t = new CsvTokenizer(new StringReader(text), d, q, e, newline, false, comment);
        List<Row> rows = new ArrayList<>();
        int errors = 0;
        try {
            while (rows.size() < MAX_ROWS) {
                try {
                    if (!t.next()) {
                        break;
                    }
                } catch (CsvSyntaxException ex) {
                    if (!t.skipLine() && truncated) {
                        break;
                    }
                    errors++;
                    continue;
                }
                String[] f = new String[t.count()];
                boolean[] qs = new boolean[t.count()];
                for (int i = 0; i < f.length; i++) {
                    f[i] = t.field(i);
                    qs[i] = t.quoted(i);
                }
                rows.add(new Row(t.recordLine(), f, qs));
            }
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        if (truncated && !rows.isEmpty() && rows.size() < MAX_ROWS) {
            rows.remove(rows.size() - 1);
        }
        return new CsvSplit(d, q, e, rows, errors);
    }

    /**
     * Whether this split reads the sample better than {@code other}: two or more columns over one
     * (unless fewer than half the rows agree on the width), then rows of one width (5 points of
     * tolerance), then more columns, then fewer malformed rows, then more quoted values.
     */
    boolean betterThan(CsvSplit other) {
        boolean multi = width >= 2 && consistency >= 0.5;
        boolean otherMulti = other.width >= 2 && other.consistency >= 0.5;
        if (multi != otherMulti) {
            return multi;
        }
        if (width == 0 || other.width == 0) {
            return width > other.width;
        }
        if (Math.abs(consistency - other.consistency) > 0.05) {
            return consistency > other.consistency;
        }
        if (width != other.width) {
            return width > other.width;
        }
        if (errors != other.errors) {
            return errors < other.errors;
        }
        return quotedValues > other.quotedValues;
    }

    /** What the sample showed for this split, for a guess report. */
    String evidence() {
        return quotedValues + (quotedValues == 1 ? " value" : " values") + " quoted, " + errors + " malformed "
                + (errors == 1 ? "row" : "rows") + ", " + widthCount + " of " + (rows.size() + errors)
                + " rows have " + width + (width == 1 ? " column" : " columns");
    }
}

package io.ferry.formats.guess.internal;

import io.ferry.core.record.ColumnType;
import io.ferry.formats.Newline;
import io.ferry.formats.read.ColumnConfig;
import io.ferry.formats.read.ParserConfig;
import io.ferry.formats.read.ParserType;
import io.ferry.formats.text.internal.CsvTokenizer;
import io.ferry.formats.text.internal.CsvSyntaxException;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Infers the options of delimited text: delimiter, quote, escape, comment marker, null string,
 * header lines, column names and types. Tries the delimiters {@code , TAB | ;} and the quotes
 * {@code " '} (or none) and keeps the split that gives the most rows of one width, then the
 * widest.
 */
public final class CsvGuess {
    private static final char[] DELIMITERS = {',', '\t', '|', ';'};
    private static final int[] QUOTES = {'"', '\'', -1};
    private static final String[] NULL_STRINGS = {"\\N", "NULL", "null", "#N/A"};
    private static final String[] COMMENT_MARKERS = {"#", "//"};
    private static final int MAX_HEADER_LINES = 10;
    private static final int MAX_ROWS = 1000;

    private CsvGuess() {
    }

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

    /** The rows of a split, and how many rows had syntax errors. */
    static final class Split {
        final char delimiter;
        final int quote;
        final List<Row> rows;
        final int errors;
        final int width;
        final double consistency;

        Split(char delimiter, int quote, List<Row> rows, int errors) {
            this.delimiter = delimiter;
            this.quote = quote;
            this.rows = rows;
            this.errors = errors;
            Map<Integer, Integer> widths = new HashMap<>();
            for (Row r : rows) {
                widths.merge(r.fields.length, 1, Integer::sum);
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
            this.consistency = rows.isEmpty() ? 0 : (double) bestCount / (rows.size() + errors);
        }
    }

    /**
     * The parser config for {@code text}, or null when it does not look delimited (fewer than two
     * columns). The caller checks the row count.
     *
     * @param truncated whether the text is a prefix (its last row may be partial and is dropped)
     */
    public static Guessed guess(String text, boolean truncated, Newline newline) {
        Split best = null;
        for (char d : DELIMITERS) {
            for (int q : QUOTES) {
                Split s = split(text, truncated, newline, d, q, null);
                if (best == null || better(s, best)) {
                    best = s;
                }
            }
        }
        if (best == null || best.width < 2) {
            return null;
        }
        String comment = commentMarker(best);
        if (comment != null) {
            best = split(text, truncated, newline, best.delimiter, best.quote, comment);
        }
        final Split chosen = best;
        int first = 0;
        while (first < chosen.rows.size() && chosen.rows.get(first).fields.length != chosen.width) {
            first++;
        }
        if (first >= chosen.rows.size() || chosen.rows.get(first).line - 1 > MAX_HEADER_LINES) {
            return null;
        }
        List<Row> rest = chosen.rows.subList(first, chosen.rows.size());
        String nullString = nullString(rest);
        boolean header = rest.size() > 1 && isHeader(rest.get(0), rest.subList(1, rest.size()), nullString);
        List<Row> data = header ? rest.subList(1, rest.size()) : rest;
        long headerLines = header
                ? (data.isEmpty() ? rest.get(0).line : data.get(0).line - 1)
                : rest.get(0).line - 1;
        List<String> names = names(header ? rest.get(0) : null, chosen.width);
        List<ColumnConfig> columns = new ArrayList<>();
        for (int i = 0; i < chosen.width; i++) {
            columns.add(TypeGuess.guess(names.get(i), values(data, i, nullString)));
        }
        boolean shortRows = data.stream().anyMatch(r -> r.fields.length < chosen.width);
        ParserConfig.Builder b = ParserConfig.builder()
                .type(chosen.delimiter == '\t' ? ParserType.TSV : ParserType.CSV)
                .newline(newline)
                .delimiter(chosen.delimiter)
                .skipHeaderLines((int) headerLines)
                .nullString(nullString)
                .commentLineMarker(comment)
                .allowOptionalColumns(shortRows)
                .columns(columns);
        if (chosen.quote < 0) {
            b.noQuote();
        } else {
            b.quote((char) chosen.quote);
            if (text.contains("\\" + (char) chosen.quote)) {
                b.escape('\\');
            } else if (text.contains("" + (char) chosen.quote + (char) chosen.quote)) {
                b.escape((char) chosen.quote);
            }
        }
        return new Guessed(b, data.size());
    }

    /** A guessed config and the number of data rows it was guessed from. */
    public static final class Guessed {
        private final ParserConfig.Builder config;
        private final int rows;

        Guessed(ParserConfig.Builder config, int rows) {
            this.config = config;
            this.rows = rows;
        }

        /** The config, still open for the charset. */
        public ParserConfig.Builder config() {
            return config;
        }

        /** The number of data rows in the sample. */
        public int rows() {
            return rows;
        }
    }

    private static boolean better(Split s, Split best) {
        if (s.width < 2) {
            return false;
        }
        if (best.width < 2) {
            return true;
        }
        if (Math.abs(s.consistency - best.consistency) > 0.05) {
            return s.consistency > best.consistency;
        }
        return s.width > best.width;
    }

    static Split split(String text, boolean truncated, Newline newline, char d, int q, String comment) {
        CsvTokenizer t = new CsvTokenizer(new StringReader(text), d, q, -1, newline, false, comment);
        List<Row> rows = new ArrayList<>();
        int errors = 0;
        try {
            while (rows.size() < MAX_ROWS) {
                try {
                    if (!t.next()) {
                        break;
                    }
                } catch (CsvSyntaxException e) {
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
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (truncated && !rows.isEmpty() && rows.size() < MAX_ROWS) {
            rows.remove(rows.size() - 1);
        }
        return new Split(d, q, rows, errors);
    }

    private static String commentMarker(Split s) {
        for (String m : COMMENT_MARKERS) {
            for (Row r : s.rows) {
                if (r.fields.length != s.width && !r.quoted[0] && r.fields[0].startsWith(m)) {
                    return m;
                }
            }
        }
        return null;
    }

    private static String nullString(List<Row> rows) {
        String best = null;
        int bestCount = 0;
        for (String candidate : NULL_STRINGS) {
            int count = 0;
            for (Row r : rows) {
                for (int i = 0; i < r.fields.length; i++) {
                    if (!r.quoted[i] && r.fields[i].equals(candidate)) {
                        count++;
                    }
                }
            }
            if (count > bestCount) {
                best = candidate;
                bestCount = count;
            }
        }
        return best;
    }

    private static List<String> values(List<Row> data, int column, String nullString) {
        List<String> values = new ArrayList<>();
        for (Row r : data) {
            if (column < r.fields.length) {
                String v = r.fields[column];
                boolean isNull = !r.quoted[column] && (v.isEmpty() || v.equals(nullString));
                if (!isNull && !v.isEmpty()) {
                    values.add(v);
                }
            }
        }
        return values;
    }

    private static boolean isHeader(Row first, List<Row> data, String nullString) {
        Set<String> seen = new HashSet<>();
        for (String f : first.fields) {
            if (f.isBlank() || !seen.add(f)) {
                return false;
            }
        }
        boolean allStrings = true;
        for (int i = 0; i < first.fields.length; i++) {
            ColumnConfig dataType = TypeGuess.guess("c", values(data, i, nullString));
            if (dataType.type() != ColumnType.STRING) {
                allStrings = false;
                List<String> cell = List.of(first.fields[i]);
                ColumnConfig cellType = TypeGuess.guess("c", cell);
                if (cellType.type() != dataType.type()) {
                    return true;
                }
            }
        }
        if (!allStrings) {
            return false;
        }
        for (int i = 0; i < first.fields.length; i++) {
            for (Row r : data) {
                if (i < r.fields.length && r.fields[i].equals(first.fields[i])) {
                    return false;
                }
            }
        }
        return true;
    }

    private static List<String> names(Row header, int width) {
        List<String> names = new ArrayList<>();
        Set<String> used = new HashSet<>();
        for (int i = 0; i < width; i++) {
            String n = header != null && i < header.fields.length ? header.fields[i].trim() : "";
            if (n.isEmpty()) {
                n = "c" + i;
            }
            String unique = n;
            for (int k = 2; !used.add(unique); k++) {
                unique = n + "_" + k;
            }
            names.add(unique);
        }
        return names;
    }
}

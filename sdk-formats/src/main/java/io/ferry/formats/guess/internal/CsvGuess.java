package io.ferry.formats.guess.internal;

import io.ferry.core.record.ColumnType;
import io.ferry.formats.Newline;
import io.ferry.formats.guess.ColumnGuess;
import io.ferry.formats.guess.GuessChoice;
import io.ferry.formats.guess.internal.CsvSplit.Row;
import io.ferry.formats.read.ColumnConfig;
import io.ferry.formats.read.ParserConfig;
import io.ferry.formats.read.ParserType;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Infers the options of delimited text: delimiter, quote, escape, comment marker, null string,
 * header lines, column names and types. Splits the sample with every delimiter {@code , TAB | ;},
 * quote {@code " '} (or none) and escape ({@code \} when the sample has one, or none) and keeps
 * the split that reads it best ({@link CsvSplit#betterThan}); one column is fine when no
 * delimiter splits the rows evenly.
 */
public final class CsvGuess {
    private static final char[] DELIMITERS = {',', '\t', '|', ';'};
    private static final int[] QUOTES = {'"', '\'', -1};
    private static final String[] NULL_STRINGS = {"\\N", "NULL", "null", "#N/A"};
    private static final String[] COMMENT_MARKERS = {"#", "//"};
    private static final int MAX_HEADER_LINES = 10;

    private CsvGuess() {
    }

    /**
     * The parser config for {@code text}, or null when it has no rows.
     *
     * @param truncated whether the text is a prefix (its last row may be partial and is dropped)
     */
    public static Guessed guess(String text, boolean truncated, Newline newline) {
        List<CsvSplit> splits = new ArrayList<>();
        boolean backslash = text.indexOf('\\') >= 0;
        for (char d : DELIMITERS) {
            for (int q : QUOTES) {
                splits.add(CsvSplit.of(text, truncated, newline, d, q, -1, null));
                if (backslash && q >= 0) {
                    splits.add(CsvSplit.of(text, truncated, newline, d, q, '\\', null));
                }
            }
        }
        CsvSplit best = bestOf(splits, s -> true);
        if (best == null || best.width == 0) {
            return null;
        }
        best = preferBackslash(text, best, splits);
        List<GuessChoice> choices = new ArrayList<>();
        final CsvSplit top = best;
        choices.add(choice("delimiter", String.valueOf(top.delimiter), top,
                bestOf(splits, s -> s.delimiter != top.delimiter), s -> String.valueOf(s.delimiter)));
        choices.add(choice("quote", top.quote < 0 ? "" : String.valueOf((char) top.quote), top,
                bestOf(splits, s -> s.delimiter == top.delimiter && s.quote != top.quote),
                s -> s.quote < 0 ? "" : String.valueOf((char) s.quote)));
        GuessChoice escape = top.quote < 0 ? null : escapeChoice(text, top, splits);
        if (escape != null) {
            choices.add(escape);
        }
        String comment = commentMarker(best);
        if (comment != null) {
            best = CsvSplit.of(text, truncated, newline, best.delimiter, best.quote, best.escape, comment);
        }
        final CsvSplit chosen = best;
        int first = 0;
        while (first < chosen.rows.size() && chosen.rows.get(first).fields.length != chosen.width) {
            first++;
        }
        if (first >= chosen.rows.size() || chosen.rows.get(first).line - 1 > MAX_HEADER_LINES) {
            first = 0;
        }
        List<Row> rest = chosen.rows.subList(first, chosen.rows.size());
        String nullString = nullString(rest);
        String header = rest.size() > 1 ? headerEvidence(rest.get(0), rest.subList(1, rest.size()), nullString) : null;
        List<Row> data = header != null ? rest.subList(1, rest.size()) : rest;
        long headerLines = header != null
                ? (data.isEmpty() ? rest.get(0).line : data.get(0).line - 1)
                : rest.get(0).line - 1;
        choices.add(headerChoice(headerLines, header, rest));
        List<String> names = names(header != null ? rest.get(0) : null, chosen.width);
        List<ColumnConfig> columns = new ArrayList<>();
        List<ColumnGuess> reports = new ArrayList<>();
        for (int i = 0; i < chosen.width; i++) {
            TypeGuess.Typed t = TypeGuess.explain(names.get(i), values(data, i, nullString));
            columns.add(t.config());
            reports.add(t.report());
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
            if (!escape.chosen().isEmpty()) {
                b.escape(escape.chosen().charAt(0));
            }
        }
        return new Guessed(b, data.size(), choices, reports);
    }

    /** A guessed config, the number of data rows it was guessed from, and how sure each choice was. */
    public record Guessed(ParserConfig.Builder config, int rows, List<GuessChoice> choices,
                          List<ColumnGuess> columns) {
    }

    /**
     * The split with escape {@code \} instead of {@code best} when it reads the sample as well and a
     * quote has an odd number of backslashes before it ({@code "a\"b"}); Embulk's guess, too, takes
     * a backslash before a quote for an escape. Only doubled backslashes ({@code "a\\"}) stay
     * literal: they could be either.
     */
    private static CsvSplit preferBackslash(String text, CsvSplit best, List<CsvSplit> splits) {
        if (best.quote < 0 || best.escape >= 0) {
            return best;
        }
        CsvSplit twin = bestOf(splits, s -> s.delimiter == best.delimiter && s.quote == best.quote && s.escape >= 0);
        if (twin == null || best.betterThan(twin) || twin.errors > best.errors) {
            return best;
        }
        return backslashBefore(text, best).isEmpty() ? best : twin;
    }

    private static String backslashBefore(String text, CsvSplit s) {
        // an odd run of backslashes before a quote: "a\\" may be a\\ read literally, "a\"b" is not
        Pattern escaped = Pattern.compile("(?<!\\\\)(\\\\\\\\)*\\\\" + Pattern.quote(String.valueOf((char) s.quote)));
        return escaped.matcher(text).find() ? "backslash-escaped quotes; " : "";
    }

    private static CsvSplit bestOf(List<CsvSplit> splits, Predicate<CsvSplit> p) {
        CsvSplit best = null;
        for (CsvSplit s : splits) {
            if (p.test(s) && (best == null || s.betterThan(best))) {
                best = s;
            }
        }
        return best;
    }

    private static GuessChoice choice(String option, String chosen, CsvSplit top, CsvSplit runnerUp,
                                      Function<CsvSplit, String> value) {
        return GuessChoice.builder().option(option).chosen(chosen).evidence(top.evidence())
                .runnerUp(runnerUp == null ? null : value.apply(runnerUp), runnerUp == null ? null : runnerUp.evidence())
                .build();
    }

    /**
     * {@code \} when the split with it read the sample better; else the quote itself when doubled
     * quotes appear inside quoted values (the reader always reads them so; saying it keeps the
     * config explicit); else none.
     */
    private static GuessChoice escapeChoice(String text, CsvSplit top, List<CsvSplit> splits) {
        CsvSplit other = bestOf(splits, s -> s.delimiter == top.delimiter && s.quote == top.quote
                && s.escape != top.escape);
        GuessChoice.Builder c = GuessChoice.builder().option("escape");
        String q = String.valueOf((char) top.quote);
        if (top.escape >= 0) {
            return c.chosen("\\").evidence(backslashBefore(text, top) + top.evidence())
                    .runnerUp("", other.evidence()).build();
        }
        int doubled = count(text, Pattern.compile("[^" + Pattern.quote(top.delimiter + "\r\n" + q) + "]"
                + Pattern.quote(q + q)));
        String none = doubled > 0 ? q : "";
        String evidence = doubled > 0 ? doubled + " doubled quotes inside quoted values; " + top.evidence()
                : "no doubled quotes; " + top.evidence();
        if (other == null) {
            return c.chosen(none).evidence(evidence).runnerUp("\\", "no backslash in the sample").build();
        }
        return c.chosen(none).evidence(evidence).runnerUp("\\", other.evidence()).build();
    }

    private static int count(String text, Pattern p) {
        int n = 0;
        Matcher m = p.matcher(text);
        while (m.find()) {
            n++;
        }
        return n;
    }

    private static GuessChoice headerChoice(long headerLines, String header, List<Row> rest) {
        GuessChoice.Builder c = GuessChoice.builder().option("skip_header_lines").chosen(String.valueOf(headerLines));
        long preamble = rest.get(0).line - 1;
        if (header != null) {
            return c.evidence("line " + rest.get(0).line + " is a header: " + header)
                    .runnerUp(String.valueOf(preamble), "line " + rest.get(0).line + " read as data").build();
        }
        String why = rest.size() == 1 ? "a single row is data, as in Embulk"
                : "line " + rest.get(0).line + " has the types of the rows below it or repeats their values";
        return c.evidence(why).runnerUp(String.valueOf(preamble + 1), "line " + rest.get(0).line + " as a header")
                .build();
    }

    private static String commentMarker(CsvSplit s) {
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

    /** Why {@code first} is a header row, or null if it is data. */
    private static String headerEvidence(Row first, List<Row> data, String nullString) {
        Set<String> seen = new HashSet<>();
        for (String f : first.fields) {
            if (f.isBlank() || !seen.add(f)) {
                return null;
            }
        }
        boolean allStrings = true;
        for (int i = 0; i < first.fields.length; i++) {
            ColumnConfig dataType = TypeGuess.guess("c", values(data, i, nullString));
            if (dataType.type() != ColumnType.STRING) {
                allStrings = false;
                ColumnConfig cellType = TypeGuess.guess("c", List.of(first.fields[i]));
                if (cellType.type() != dataType.type()) {
                    return "'" + first.fields[i] + "' is " + ColumnConfig.typeName(cellType.type())
                            + " where the rows below are " + ColumnConfig.typeName(dataType.type());
                }
            }
        }
        if (!allStrings) {
            return null;
        }
        for (int i = 0; i < first.fields.length; i++) {
            for (Row r : data) {
                if (i < r.fields.length && r.fields[i].equals(first.fields[i])) {
                    return null;
                }
            }
        }
        return "all text and no value of it appears again below";
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

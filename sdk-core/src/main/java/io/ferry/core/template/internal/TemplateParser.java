package io.ferry.core.template.internal;

import io.ferry.core.FerryConfigException;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits a key template into {@link Segment}s and checks everything that does not need the
 * schema. Every error is a {@link FerryConfigException} for the option the template came from
 * that quotes the placeholder. One instance per parse. Internal.
 */
public final class TemplateParser {
    private static final int MAX_BUCKETS = 16;

    private final String template;
    private final String option;

    private TemplateParser(String template, String option) {
        this.template = template;
        this.option = option;
    }

    /**
     * Parses a template that has no leading {@code /}.
     *
     * @param option the option errors name, e.g. {@code path}
     */
    public static List<Segment> parse(String template, String option) {
        return new TemplateParser(template, option).segments();
    }

    private List<Segment> segments() {
        checkPathSegments();
        List<Segment> segments = new ArrayList<>();
        StringBuilder literal = new StringBuilder();
        int i = 0;
        while (i < template.length()) {
            char c = template.charAt(i);
            if (c == '}') {
                throw error("'}' at position " + (i + 1) + " has no opening '{'");
            }
            if (c != '{') {
                literal.append(c);
                i++;
                continue;
            }
            if (literal.length() > 0) {
                segments.add(new Segment.Literal(literal.toString()));
                literal.setLength(0);
            }
            i = template.startsWith("{{", i)
                    ? parseVariable(i, segments)
                    : parsePartition(i, segments);
        }
        if (literal.length() > 0) {
            segments.add(new Segment.Literal(literal.toString()));
        }
        checkSingleBucket(segments);
        return List.copyOf(segments);
    }

    private int parseVariable(int start, List<Segment> out) {
        int end = template.indexOf("}}", start + 2);
        if (end < 0) {
            throw error("'{{' at position " + (start + 1) + " has no closing '}}'");
        }
        String name = template.substring(start + 2, end);
        KeyVariable variable = KeyVariable.find(name.strip()).orElseThrow(() -> error(
                "unknown placeholder {{" + name + "}}; use one of " + KeyVariable.allPlaceholders()
                        + ", or {column}, {column, '%Y%m%d'}, {N} for partitions"));
        out.add(new Segment.Variable(variable));
        return end + 2;
    }

    private int parsePartition(int start, List<Segment> out) {
        int j = start + 1;
        char quote = 0;
        while (j < template.length()) {
            char ch = template.charAt(j);
            if (quote != 0) {
                if (ch == quote) {
                    quote = 0;
                }
            } else if (ch == '\'' || ch == '"') {
                quote = ch;
            } else if (ch == '}') {
                break;
            } else if (ch == '{') {
                throw error("'{' at position " + (start + 1) + " has no closing '}' before the next '{'");
            }
            j++;
        }
        if (j >= template.length()) {
            throw error(quote != 0
                    ? "placeholder " + template.substring(start) + " has an unterminated " + quote + " quote"
                    : "'{' at position " + (start + 1) + " has no closing '}'");
        }
        String placeholder = template.substring(start, j + 1);
        out.add(partition(template.substring(start + 1, j).strip(), placeholder));
        return j + 1;
    }

    private Segment partition(String body, String placeholder) {
        if (body.isEmpty()) {
            throw error("empty placeholder " + placeholder
                    + "; write {column}, {column, '%Y%m%d'} or a file count {N}");
        }
        if (body.chars().allMatch(ch -> ch >= '0' && ch <= '9')) {
            int count = body.length() > 3 ? Integer.MAX_VALUE : Integer.parseInt(body);
            if (count < 1 || count > MAX_BUCKETS) {
                throw error("file count in placeholder " + placeholder
                        + " must be between 1 and " + MAX_BUCKETS + ", was " + body);
            }
            return new Segment.BucketPartition(count, placeholder);
        }
        int comma = body.indexOf(',');
        String column = (comma < 0 ? body : body.substring(0, comma)).strip();
        if (column.isEmpty() || column.indexOf('\'') >= 0 || column.indexOf('"') >= 0) {
            throw error("placeholder " + placeholder
                    + " needs a column name first, as in {column} or {column, '%Y%m%d'}");
        }
        if (comma < 0) {
            return new Segment.ColumnPartition(column, null, placeholder);
        }
        String quoted = body.substring(comma + 1).strip();
        if (quoted.length() < 2 || (quoted.charAt(0) != '\'' && quoted.charAt(0) != '"')
                || quoted.charAt(quoted.length() - 1) != quoted.charAt(0)) {
            throw error("the time format in placeholder " + placeholder
                    + " must be quoted, as in {" + column + ", '%Y%m%d'}");
        }
        String pattern = quoted.substring(1, quoted.length() - 1);
        TimeFormat format = TimeFormat.parse(pattern, placeholder, option);
        if (pattern.indexOf('%') < 0) {
            throw error("the time format in placeholder " + placeholder
                    + " has no time code; use " + TimeFormat.SUPPORTED);
        }
        return new Segment.ColumnPartition(column, format, placeholder);
    }

    private void checkPathSegments() {
        if (template.endsWith("/")) {
            throw error("the key ends with '/', which names a folder; add a file name such as "
                    + "'" + template + "{{TABLE}}'");
        }
        for (String part : template.split("/", -1)) {
            if (part.equals(".") || part.equals("..")) {
                throw error("the key must not contain a '" + part + "' folder; S3 keys are not "
                        + "normalized, so write the folders out");
            }
        }
    }

    private void checkSingleBucket(List<Segment> segments) {
        long buckets = segments.stream().filter(s -> s instanceof Segment.BucketPartition).count();
        if (buckets > 1) {
            throw error("only one file count placeholder {N} is allowed, found " + buckets);
        }
    }

    private FerryConfigException error(String message) {
        return new FerryConfigException(option, "key template '" + template + "': " + message);
    }
}

package io.ferry.formats.read.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonToken;
import io.ferry.core.record.ColumnType;
import io.ferry.formats.read.ColumnConfig;
import io.ferry.formats.read.ParserConfig;
import io.ferry.formats.text.internal.BadValueException;
import io.ferry.formats.text.internal.ValueConverter;
import java.io.IOException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Takes the values of the columns out of one JSON record while streaming over it: every column
 * has a JSON pointer (its {@code element_at}, or its name as a field of the record), and the
 * pointers form a tree that the walk follows, skipping every branch no column needs. Nothing but
 * the values is kept. Single-threaded; one instance per reader.
 */
final class ColumnPointers {
    /** A node of the pointer tree: the columns whose pointer ends here, and the branches below. */
    private static final class Node {
        int[] columns = new int[0];
        Map<String, Node> children;

        Node child(String segment) {
            if (children == null) {
                children = new HashMap<>();
            }
            return children.computeIfAbsent(segment, s -> new Node());
        }
    }

    private final ParserConfig config;
    private final ValueConverter[] converters;
    private final JsonFactory json;
    private final Node root = new Node();

    private Object[] values;
    private String badColumn;
    private String reason;
    private long startOffset;

    ColumnPointers(ParserConfig config, ValueConverter[] converters, JsonFactory json) {
        this.config = config;
        this.converters = converters;
        this.json = json;
        List<ColumnConfig> columns = config.columns();
        for (int i = 0; i < columns.size(); i++) {
            ColumnConfig c = columns.get(i);
            Node n = root;
            if (c.elementAt().isPresent()) {
                for (JsonPointer p = JsonPointer.compile(c.elementAt().get()); !p.matches(); p = p.tail()) {
                    n = n.child(p.getMatchingProperty());
                }
            } else {
                n = n.child(c.name());
            }
            n.columns = Arrays.copyOf(n.columns, n.columns.length + 1);
            n.columns[n.columns.length - 1] = i;
        }
    }

    /**
     * Reads the record whose START_OBJECT is current, to its END_OBJECT.
     *
     * @param startOffset the character offset of the record for the size check, or -1 for none
     * @return the values, or null if the record is bad (then {@link #reason()} says why)
     */
    Object[] read(JsonParser p, long startOffset) throws IOException {
        this.values = new Object[converters.length];
        this.badColumn = null;
        this.reason = null;
        this.startOffset = startOffset;
        walk(p, root);
        if (reason == null && tooLarge(p)) {
            reason = RecordLimits.longerThanMax(config, "the JSON object");
        }
        return reason == null ? values : null;
    }

    /** {@return why the last record was bad} */
    String reason() {
        return reason;
    }

    /** {@return the column at fault in the last bad record, or null} */
    String badColumn() {
        return badColumn;
    }

    private boolean tooLarge(JsonParser p) {
        return startOffset >= 0 && p.currentLocation().getCharOffset() - startOffset > config.maxRecordSize();
    }

    private void fail(int column, String why) {
        if (reason == null) {
            badColumn = column >= 0 ? config.columns().get(column).name() : null;
            reason = why;
        }
    }

    /** Walks the value whose first token is current, taking what {@code node} and its branches need. */
    private void walk(JsonParser p, Node node) throws IOException {
        JsonToken t = p.currentToken();
        if (reason != null) {
            p.skipChildren();
            return;
        }
        if (node.columns.length > 0) {
            if (node.children == null || !t.isStructStart()) {
                take(p, t, node.columns, null);
                return;
            }
            // columns here and below: keep this value's text once and read the branches from it
            String text = take(p, t, node.columns, node);
            if (text != null) {
                try (JsonParser again = json.createParser(text)) {
                    again.nextToken();
                    walkBranches(again, node);
                }
            }
            return;
        }
        if (node.children == null || !t.isStructStart()) {
            p.skipChildren();
            return;
        }
        walkBranches(p, node);
    }

    private void walkBranches(JsonParser p, Node node) throws IOException {
        if (p.currentToken() == JsonToken.START_OBJECT) {
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                Node child = node.children.get(p.currentName());
                p.nextToken();
                if (reason == null && tooLarge(p)) {
                    fail(child == null || child.columns.length == 0 ? -1 : child.columns[0],
                            RecordLimits.longerThanMax(config, "the JSON object"));
                }
                if (child == null || reason != null) {
                    p.skipChildren();
                } else {
                    walk(p, child);
                }
            }
        } else {
            int i = 0;
            while (p.nextToken() != JsonToken.END_ARRAY) {
                Node child = node.children.get(Integer.toString(i++));
                if (child == null || reason != null) {
                    p.skipChildren();
                } else {
                    walk(p, child);
                }
            }
        }
    }

    /**
     * Sets the columns that point at the current value. A structure is consumed, unless
     * {@code keepFor} is given: then its text is returned (or null if it could not be kept) for
     * the branches below to be read from it.
     */
    private String take(JsonParser p, JsonToken t, int[] columns, Node keepFor) throws IOException {
        if (!t.isStructStart()) {
            for (int i : columns) {
                try {
                    values[i] = JsonValues.value(p, t, converters[i], config);
                } catch (BadValueException e) {
                    fail(i, e.getMessage());
                }
            }
            return null;
        }
        String text = null;
        boolean consumed = false;
        for (int i : columns) {
            ColumnType type = converters[i].type();
            if (type != ColumnType.JSON && type != ColumnType.STRING) {
                fail(i, "a JSON " + (t == JsonToken.START_OBJECT ? "object" : "array") + " cannot be stored in a "
                        + type.name().toLowerCase(Locale.ROOT) + " column");
                continue;
            }
            if (!consumed) {
                consumed = true;
                try {
                    text = JsonValues.jsonText(p, config);
                } catch (BadValueException e) {
                    fail(i, e.getMessage());
                }
            }
            values[i] = text;
        }
        if (!consumed) {
            if (keepFor == null) {
                p.skipChildren();
                return null;
            }
            try {
                return JsonValues.jsonText(p, config);
            } catch (BadValueException e) {
                fail(columns[0], e.getMessage());
                return null;
            }
        }
        return text;
    }
}

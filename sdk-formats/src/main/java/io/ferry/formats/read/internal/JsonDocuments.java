package io.ferry.formats.read.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonToken;
import io.ferry.formats.read.JsonOptions;
import java.io.IOException;

/**
 * Finds the records in a stream of JSON documents (top-level values): goes to the value at the
 * root pointer of each document by skipping what comes before it, and gives that value as a record
 * if it is an object, or each of its elements if it is an array. Streams: nothing is loaded but
 * the current token. Reports documents without a record to a {@link Problem}. Single-threaded.
 */
final class JsonDocuments {
    /** Receives a document or element that gives no record. */
    interface Problem {
        /** Reports a bad row at 1-based line {@code line} of the text. */
        void report(long line, String reason);
    }

    private final JsonParser p;
    private final JsonPointer root;
    private final String rootText;
    private final boolean flatten;
    private final Problem problem;
    private final boolean oneDocument;
    private boolean inArray;
    private boolean documentRead;
    /** Whether the last record was a document's root value, so that the rest of that document must be skipped. */
    private boolean recordWasDocument;

    /**
     * @param oneDocument true when the text holds one document (a JSON Lines line): {@link #next()}
     *                    then stops after it
     */
    JsonDocuments(JsonParser p, JsonOptions options, Problem problem, boolean oneDocument) {
        this.p = p;
        this.rootText = options.root().orElse(null);
        this.root = rootText == null ? null : JsonPointer.compile(rootText);
        this.flatten = options.flattenJsonArray();
        this.problem = problem;
        this.oneDocument = oneDocument;
    }

    JsonParser parser() {
        return p;
    }

    /**
     * Moves to the START_OBJECT of the next record.
     *
     * @return false when no record is left (in the line, or in the text)
     */
    boolean next() throws IOException {
        if (recordWasDocument) {
            recordWasDocument = false;
            finishDocument();
        }
        while (true) {
            if (inArray) {
                JsonToken t = p.nextToken();
                if (t == JsonToken.END_ARRAY) {
                    inArray = false;
                    finishDocument();
                    continue;
                }
                if (t == JsonToken.START_OBJECT) {
                    return true;
                }
                problem.report(p.currentTokenLocation().getLineNr(), "an array element is " + describe(t)
                        + ", not a JSON object");
                p.skipChildren();
                continue;
            }
            if (oneDocument && documentRead) {
                return false;
            }
            JsonToken t = p.nextToken();
            if (t == null) {
                return false;
            }
            documentRead = true;
            long at = p.currentTokenLocation().getLineNr();
            if (root != null && !toRoot()) {
                problem.report(at, "the document has no value at root '" + rootText + "'; check the root option");
                finishDocument();
                continue;
            }
            t = p.currentToken();
            if (t == JsonToken.START_ARRAY) {
                inArray = true;
                continue;
            }
            if (flatten) {
                problem.report(at, "the value at the root is " + describe(t) + ", not an array, which"
                        + " flatten_json_array needs");
            } else if (t == JsonToken.START_OBJECT) {
                recordWasDocument = true;
                return true;
            } else {
                problem.report(at, "a " + t.asString() + " value where a JSON object was expected");
            }
            p.skipChildren();
            finishDocument();
        }
    }

    /** Skips the rest of the current document. */
    private void finishDocument() throws IOException {
        while (!p.getParsingContext().inRoot()) {
            JsonToken t = p.nextToken();
            if (t == null) {
                return;
            }
            if (t.isStructStart()) {
                p.skipChildren();
            }
        }
    }

    /** Goes from the first token of a document to the value at the root; false if there is none. */
    private boolean toRoot() throws IOException {
        JsonPointer at = root;
        while (!at.matches()) {
            JsonToken t = p.currentToken();
            boolean found = false;
            if (t == JsonToken.START_OBJECT) {
                String name = at.getMatchingProperty();
                while (!found && p.nextToken() == JsonToken.FIELD_NAME) {
                    found = p.currentName().equals(name);
                    p.nextToken();
                    if (!found) {
                        p.skipChildren();
                    }
                }
            } else if (t == JsonToken.START_ARRAY) {
                int index = at.getMatchingIndex();
                for (int i = 0; !found && p.nextToken() != JsonToken.END_ARRAY; i++) {
                    found = i == index;
                    if (!found) {
                        p.skipChildren();
                    }
                }
            }
            if (!found) {
                return false;
            }
            at = at.tail();
        }
        return true;
    }

    private static String describe(JsonToken t) {
        return switch (t) {
            case START_OBJECT -> "an object";
            case START_ARRAY -> "an array";
            case VALUE_STRING -> "a string";
            case VALUE_NULL -> "null";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            default -> "a number";
        };
    }
}

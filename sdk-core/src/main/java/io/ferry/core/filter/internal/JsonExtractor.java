package io.ferry.core.filter.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import io.ferry.core.FerryDataException;
import java.io.IOException;
import java.io.StringWriter;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Finds the values at a fixed set of JSON pointers in one streaming pass, without building a
 * tree: branches that lead to no wanted pointer are skipped. Immutable and thread-safe. Internal.
 */
public final class JsonExtractor {
    /** Shared: a JsonFactory is thread-safe once configured. */
    public static final JsonFactory FACTORY = new JsonFactory();

    private final Set<String> wanted;
    private final Set<String> prefixes;

    /** An extractor for these pointers (already validated). */
    public JsonExtractor(Set<String> pointers) {
        this.wanted = Set.copyOf(pointers);
        Set<String> p = new HashSet<>();
        for (String pointer : pointers) {
            for (int i = pointer.indexOf('/'); i >= 0; i = pointer.indexOf('/', i + 1)) {
                p.add(pointer.substring(0, i));
            }
        }
        this.prefixes = Set.copyOf(p);
    }

    /**
     * The values found, by pointer; a pointer with no value is absent from the map.
     *
     * @throws FerryDataException (line 0) naming {@code source} and {@code column} if the text is
     *                            not one well-formed JSON value
     */
    public Map<String, JsonValue> extract(String json, String source, String column) {
        Map<String, JsonValue> found = new HashMap<>();
        try (JsonParser parser = FACTORY.createParser(json)) {
            if (parser.nextToken() == null) {
                throw new FerryDataException(source, 0, column, "malformed JSON: the value is empty");
            }
            walk(parser, "", found);
            if (parser.nextToken() != null) {
                throw new FerryDataException(source, 0, column, "malformed JSON: unexpected "
                        + parser.currentToken() + " after the end of the value at character "
                        + (parser.currentTokenLocation().getCharOffset() + 1));
            }
        } catch (JsonProcessingException e) {
            throw new FerryDataException(source, 0, column, "malformed JSON: " + e.getOriginalMessage()
                    + (e.getLocation() == null ? "" : " at character " + (e.getLocation().getCharOffset() + 1)), e);
        } catch (IOException e) {
            throw new FerryDataException(source, 0, column, "malformed JSON: " + e.getMessage(), e);
        }
        return found;
    }

    private void walk(JsonParser parser, String path, Map<String, JsonValue> found) throws IOException {
        JsonToken token = parser.currentToken();
        if (wanted.contains(path)) {
            found.put(path, capture(parser, token));
            if (!prefixes.contains(path)) {
                return;
            }
            // a wanted value that also contains wanted values: parse the text again for those
            try (JsonParser inner = FACTORY.createParser(found.get(path).text())) {
                inner.nextToken();
                descend(inner, inner.currentToken(), path, found);
            }
            return;
        }
        if (!prefixes.contains(path)) {
            parser.skipChildren();
            return;
        }
        descend(parser, token, path, found);
    }

    private void descend(JsonParser parser, JsonToken token, String path, Map<String, JsonValue> found)
            throws IOException {
        if (token == JsonToken.START_OBJECT) {
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                parser.nextToken();
                walk(parser, path + "/" + name.replace("~", "~0").replace("/", "~1"), found);
            }
        } else if (token == JsonToken.START_ARRAY) {
            int index = 0;
            while (parser.nextToken() != JsonToken.END_ARRAY) {
                walk(parser, path + "/" + index++, found);
            }
        }
    }

    private static JsonValue capture(JsonParser parser, JsonToken token) throws IOException {
        if (token != JsonToken.START_OBJECT && token != JsonToken.START_ARRAY) {
            return new JsonValue(token, parser.getText());
        }
        StringWriter out = new StringWriter();
        try (JsonGenerator generator = FACTORY.createGenerator(out)) {
            generator.copyCurrentStructure(parser);
        }
        return new JsonValue(token, out.toString());
    }
}

package io.ferry.s3.export.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.ferry.core.FerryConfigException;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads a flat JSON object of scalars ({@code {"k": "v", "n": 10, "b": true}}) into an ordered
 * map of strings (numbers and booleans as their text; JSON null as Java null). Pure.
 */
public final class FlatJson {
    private static final JsonFactory JSON = new JsonFactory();

    private FlatJson() {
    }

    /**
     * @param option the option name for errors, e.g. {@code result}
     * @throws FerryConfigException for invalid JSON, a nested value or a repeated key
     */
    public static Map<String, String> parse(String json, String option) {
        Map<String, String> out = new LinkedHashMap<>();
        try (JsonParser p = JSON.createParser(json)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new FerryConfigException(option, "expected a JSON object such as {\"type\":\"s3_v2\", ...}");
            }
            for (JsonToken t = p.nextToken(); t != JsonToken.END_OBJECT; t = p.nextToken()) {
                String key = p.currentName();
                JsonToken v = p.nextToken();
                if (v == JsonToken.START_OBJECT || v == JsonToken.START_ARRAY) {
                    throw new FerryConfigException(key, "'" + key + "' must be a string, number or boolean, not "
                            + (v == JsonToken.START_OBJECT ? "an object" : "an array"));
                }
                if (out.containsKey(key)) {
                    throw new FerryConfigException(key, "'" + key + "' appears twice");
                }
                out.put(key, v == JsonToken.VALUE_NULL ? null : p.getText());
            }
            if (p.nextToken() != null) {
                throw new FerryConfigException(option, "unexpected content after the JSON object");
            }
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new FerryConfigException(option, "invalid JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new FerryConfigException(option, "invalid JSON: " + e.getMessage(), e);
        }
        return out;
    }
}

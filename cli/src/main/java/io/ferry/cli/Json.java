package io.ferry.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ferry.core.FerryConfigException;

/** The JSON the commands read (config files) and print (results). */
final class Json {
    static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {
    }

    /** A new empty object. */
    static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    /** {@code node} on one line, for scripts. */
    static String line(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code node} indented, for people who save and edit it. */
    static String pretty(JsonNode node) {
        try {
            return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Parses a config file's text.
     *
     * @throws FerryConfigException (option {@code option}) naming the line and column of a syntax error
     */
    static JsonNode parse(String text, String option) {
        try {
            JsonNode n = MAPPER.readTree(text);
            if (n == null || !n.isObject()) {
                throw new FerryConfigException(option, "the " + option + " file must hold one JSON object");
            }
            return n;
        } catch (JsonProcessingException e) {
            throw new FerryConfigException(option, "the " + option + " file is not valid JSON: " + e.getOriginalMessage()
                    + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + ")"));
        }
    }
}

package io.ferry.formats.json.internal;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.PrettyPrinter;
import java.io.IOException;

/**
 * One-line JSON with a space after every {@code :} and {@code ,}, as in
 * {@code {"code": 200, "cnt": 4981}}: the spacing of Treasure Data's JSONL export (and of
 * Python's {@code json.dumps}). Root values get no separator: the writer ends each line itself.
 * Stateless, so one instance serves every generator.
 */
final class SpacedPrettyPrinter implements PrettyPrinter {
    static final SpacedPrettyPrinter INSTANCE = new SpacedPrettyPrinter();

    private SpacedPrettyPrinter() {
    }

    @Override
    public void writeRootValueSeparator(JsonGenerator gen) {
        // the line terminator is written by JsonLinesWriter after each record
    }

    @Override
    public void writeStartObject(JsonGenerator gen) throws IOException {
        gen.writeRaw('{');
    }

    @Override
    public void writeEndObject(JsonGenerator gen, int nrOfEntries) throws IOException {
        gen.writeRaw('}');
    }

    @Override
    public void writeObjectEntrySeparator(JsonGenerator gen) throws IOException {
        gen.writeRaw(", ");
    }

    @Override
    public void writeObjectFieldValueSeparator(JsonGenerator gen) throws IOException {
        gen.writeRaw(": ");
    }

    @Override
    public void writeStartArray(JsonGenerator gen) throws IOException {
        gen.writeRaw('[');
    }

    @Override
    public void writeEndArray(JsonGenerator gen, int nrOfValues) throws IOException {
        gen.writeRaw(']');
    }

    @Override
    public void writeArrayValueSeparator(JsonGenerator gen) throws IOException {
        gen.writeRaw(", ");
    }

    @Override
    public void beforeArrayValues(JsonGenerator gen) {
        // no space after '['
    }

    @Override
    public void beforeObjectEntries(JsonGenerator gen) {
        // no space after '{'
    }
}

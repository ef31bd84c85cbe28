package io.ferry.s3.export.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import io.ferry.core.FerryDataException;
import io.ferry.s3.export.PreparedExport;
import io.ferry.s3.export.PreparedObject;
import io.ferry.s3.export.PreparedPart;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The JSON form of a {@link PreparedExport}: one object with a format version, the export's
 * fields and its objects with their parts. Unknown fields are skipped (a newer writer may add
 * some); a missing required field or a value of the wrong type is a {@link FerryDataException}
 * naming the line and the field. Pure and stateless.
 */
public final class PreparedExportJson {
    private static final JsonFactory JSON = new JsonFactory();
    private static final String SOURCE = "PreparedExport JSON";
    private static final int VERSION = 1;

    private PreparedExportJson() {
    }

    /** Writes {@code p} as one line of JSON. */
    public static String write(PreparedExport p) {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.writeStartObject();
            g.writeNumberField("version", VERSION);
            g.writeStringField("exportToken", p.exportToken());
            g.writeStringField("writerId", p.writerId());
            g.writeStringField("table", p.table());
            g.writeStringField("bucket", p.bucket());
            g.writeArrayFieldStart("objects");
            for (PreparedObject o : p.objects()) {
                g.writeStartObject();
                g.writeStringField("key", o.key());
                g.writeStringField("uploadId", o.uploadId());
                g.writeStringField("writeId", o.writeId());
                g.writeNumberField("rows", o.rows());
                g.writeNumberField("bytes", o.bytes());
                g.writeArrayFieldStart("parts");
                for (PreparedPart part : o.parts()) {
                    g.writeStartObject();
                    g.writeNumberField("number", part.number());
                    g.writeStringField("eTag", part.eTag());
                    g.writeNumberField("size", part.size());
                    if (part.checksumCrc32().isPresent()) {
                        g.writeStringField("checksumCrc32", part.checksumCrc32().get());
                    }
                    g.writeEndObject();
                }
                g.writeEndArray();
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("writing to a StringWriter failed", e);
        }
        return out.toString();
    }

    /** Reads what {@link #write} wrote. */
    public static PreparedExport read(String json) {
        try (JsonParser p = JSON.createParser(json)) {
            expect(p, p.nextToken(), JsonToken.START_OBJECT, "the prepared export");
            PreparedExport.Builder b = PreparedExport.builder();
            String[] required = {"exportToken", "writerId", "table", "bucket", "objects"};
            boolean[] seen = new boolean[required.length];
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken value = p.nextToken();
                switch (field) {
                    case "version":
                        int version = intValue(p, value, field);
                        if (version != VERSION) {
                            throw error(p, field, "version " + version + " is not known; this Ferry reads version "
                                    + VERSION + " (was the value written by a newer Ferry?)");
                        }
                        break;
                    case "exportToken":
                        b.exportToken(text(p, value, field));
                        seen[0] = true;
                        break;
                    case "writerId":
                        b.writerId(text(p, value, field));
                        seen[1] = true;
                        break;
                    case "table":
                        b.table(text(p, value, field));
                        seen[2] = true;
                        break;
                    case "bucket":
                        b.bucket(text(p, value, field));
                        seen[3] = true;
                        break;
                    case "objects":
                        expect(p, value, JsonToken.START_ARRAY, field);
                        List<PreparedObject> objects = new ArrayList<>();
                        while (p.nextToken() != JsonToken.END_ARRAY) {
                            objects.add(object(p));
                        }
                        b.objects(objects);
                        seen[4] = true;
                        break;
                    default:
                        p.skipChildren();
                }
            }
            for (int i = 0; i < required.length; i++) {
                if (!seen[i]) {
                    throw error(p, required[i], "the field is missing");
                }
            }
            return b.build();
        } catch (JsonProcessingException e) {
            long line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            throw new FerryDataException(SOURCE, line, null, "not valid JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("reading a string failed", e);
        }
    }

    private static PreparedObject object(JsonParser p) throws IOException {
        expect(p, p.currentToken(), JsonToken.START_OBJECT, "objects");
        PreparedObject.Builder b = PreparedObject.builder();
        String[] required = {"key", "uploadId", "writeId", "parts"};
        boolean[] seen = new boolean[required.length];
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            JsonToken value = p.nextToken();
            switch (field) {
                case "key":
                    b.key(text(p, value, field));
                    seen[0] = true;
                    break;
                case "uploadId":
                    b.uploadId(text(p, value, field));
                    seen[1] = true;
                    break;
                case "writeId":
                    b.writeId(text(p, value, field));
                    seen[2] = true;
                    break;
                case "rows":
                    b.rows(longValue(p, value, field));
                    break;
                case "bytes":
                    b.bytes(longValue(p, value, field));
                    break;
                case "parts":
                    expect(p, value, JsonToken.START_ARRAY, field);
                    List<PreparedPart> parts = new ArrayList<>();
                    while (p.nextToken() != JsonToken.END_ARRAY) {
                        parts.add(part(p));
                    }
                    b.parts(parts);
                    seen[3] = true;
                    break;
                default:
                    p.skipChildren();
            }
        }
        for (int i = 0; i < required.length; i++) {
            if (!seen[i]) {
                throw error(p, required[i], "an object lacks the field");
            }
        }
        return b.build();
    }

    private static PreparedPart part(JsonParser p) throws IOException {
        expect(p, p.currentToken(), JsonToken.START_OBJECT, "parts");
        PreparedPart.Builder b = PreparedPart.builder();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            JsonToken value = p.nextToken();
            switch (field) {
                case "number":
                    b.number(intValue(p, value, field));
                    break;
                case "eTag":
                    b.eTag(text(p, value, field));
                    break;
                case "size":
                    b.size(longValue(p, value, field));
                    break;
                case "checksumCrc32":
                    b.checksumCrc32(value == JsonToken.VALUE_NULL ? null : text(p, value, field));
                    break;
                default:
                    p.skipChildren();
            }
        }
        return b.build();
    }

    private static void expect(JsonParser p, JsonToken actual, JsonToken expected, String field) {
        if (actual != expected) {
            throw error(p, field, "expected " + describe(expected) + ", found " + describe(actual));
        }
    }

    private static String text(JsonParser p, JsonToken value, String field) throws IOException {
        expect(p, value, JsonToken.VALUE_STRING, field);
        return p.getText();
    }

    private static long longValue(JsonParser p, JsonToken value, String field) throws IOException {
        expect(p, value, JsonToken.VALUE_NUMBER_INT, field);
        return p.getLongValue();
    }

    private static int intValue(JsonParser p, JsonToken value, String field) throws IOException {
        expect(p, value, JsonToken.VALUE_NUMBER_INT, field);
        return p.getIntValue();
    }

    private static String describe(JsonToken t) {
        if (t == null) {
            return "the end of the text";
        }
        switch (t) {
            case START_OBJECT:
                return "an object";
            case START_ARRAY:
                return "an array";
            case VALUE_STRING:
                return "a string";
            case VALUE_NUMBER_INT:
                return "an integer";
            default:
                return t.asString() == null ? t.name() : "'" + t.asString() + "'";
        }
    }

    private static FerryDataException error(JsonParser p, String field, String reason) {
        return new FerryDataException(SOURCE, p.currentLocation().getLineNr(), field, reason);
    }
}

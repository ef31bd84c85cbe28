package io.ferry.s3.export.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.ferry.s3.export.ExportedObject;
import io.ferry.s3.internal.S3Errors;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The manifest a two-phase export writes after its last object, so that readers can tell a
 * complete export from a partial one: the export token, the totals and, per object, key, rows,
 * bytes and ETag, as JSON. The same objects give the same bytes, so a repeated publish rewrites
 * it unchanged. Stateless.
 */
final class ExportManifest {
    private static final JsonFactory JSON = new JsonFactory();

    private ExportManifest() {
    }

    /** The manifest's JSON text. */
    static String json(String exportToken, List<ExportedObject> objects) {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.useDefaultPrettyPrinter();
            g.writeStartObject();
            g.writeStringField("exportToken", exportToken);
            g.writeNumberField("objectCount", objects.size());
            g.writeNumberField("rows", objects.stream().mapToLong(ExportedObject::rows).sum());
            g.writeNumberField("bytes", objects.stream().mapToLong(ExportedObject::bytes).sum());
            g.writeArrayFieldStart("objects");
            for (ExportedObject o : objects) {
                g.writeStartObject();
                g.writeStringField("key", o.key());
                g.writeNumberField("rows", o.rows());
                g.writeNumberField("bytes", o.bytes());
                g.writeStringField("eTag", o.eTag());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("writing to a StringWriter failed", e);
        }
        return out.toString();
    }

    /**
     * Writes the manifest at {@code key} (unconditionally: a repeated publish rewrites it).
     *
     * @throws io.ferry.core.FerryIoException naming the key if the put fails
     */
    static void write(S3Client s3, ExportPlan plan, String key, String exportToken, List<ExportedObject> objects) {
        byte[] body = json(exportToken, objects).getBytes(StandardCharsets.UTF_8);
        ObjectOptions options = new ObjectOptions("application/json", plan.sse(), plan.acl(), false);
        try {
            s3.putObject(b -> options.apply(b.bucket(plan.bucket()).key(key).contentLength((long) body.length)),
                    RequestBody.fromBytes(body));
        } catch (SdkException | UncheckedIOException e) {
            throw S3Errors.cannot("write the manifest", plan.bucket(), key, e);
        }
    }
}

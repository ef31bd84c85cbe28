package io.ferry.formats;

import io.ferry.core.record.Record;
import io.ferry.core.record.Schema;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Writes records with a format into memory, for tests. */
final class Written {
    private Written() {
    }

    static byte[] bytes(FileFormat format, Schema schema, List<Record> records) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (FormatWriter w = format.newWriter(schema, out)) {
            for (Record r : records) {
                w.write(r);
            }
        }
        return out.toByteArray();
    }

    static String text(FileFormat format, Schema schema, List<Record> records) {
        return new String(bytes(format, schema, records), StandardCharsets.UTF_8);
    }

    static String text(FileFormat format, Schema schema, Object... oneRecord) {
        return text(format, schema, List.of(Record.of(schema, oneRecord)));
    }
}

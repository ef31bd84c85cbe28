package io.ferry.formats.read;

import io.ferry.core.record.Record;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Reads all records of a text. */
final class CsvRecordReaderTestSupport {
    private CsvRecordReaderTestSupport() {
    }

    static List<Record> records(ParserConfig config, String text) {
        List<Record> rows = new ArrayList<>();
        try (RecordReader r = config.newReader("t.json", new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)))) {
            for (Record rec = r.read(); rec != null; rec = r.read()) {
                rows.add(rec);
            }
        }
        return rows;
    }
}

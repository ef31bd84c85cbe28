package io.ferry.formats.internal;

import static io.ferry.formats.internal.JsonConfigValues.text;
import static io.ferry.formats.internal.JsonConfigValues.textOrNull;
import static io.ferry.formats.internal.JsonConfigValues.zone;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.ferry.core.FerryConfigException;
import io.ferry.formats.read.ColumnConfig;
import java.io.IOException;

/** Reads one column object of a parser config: name, type, format, timezone and element_at. */
final class ColumnConfigReader {
    private ColumnConfigReader() {
    }

    /** Reads the column whose START_OBJECT is the current token. */
    static ColumnConfig read(JsonParser p) throws IOException {
        ColumnConfig.Builder b = ColumnConfig.builder();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String key = p.currentName();
            p.nextToken();
            switch (key) {
                case "name" -> b.name(text(p, "columns.name"));
                case "type" -> b.type(ColumnConfig.parseType(text(p, "columns.type")));
                case "format" -> b.format(textOrNull(p, "columns.format"));
                case "timezone" -> {
                    String zone = textOrNull(p, "columns.timezone");
                    b.timeZone(zone == null ? null : zone(zone, "columns.timezone"));
                }
                case "element_at" -> b.elementAt(textOrNull(p, "columns.element_at"));
                case "date" -> throw new FerryConfigException("columns.date", "a column's date is not supported;"
                        + " put the date into the data or remove the key");
                default -> throw new FerryConfigException("columns." + key, "unknown key '" + key
                        + "' in a column; the keys are name, type, format, timezone and element_at");
            }
        }
        return b.build();
    }
}

package io.ferry.formats.parquet.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.ferry.core.record.Column;
import io.ferry.core.record.ColumnType;
import io.ferry.core.record.Schema;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.Type;
import org.junit.jupiter.api.Test;

class ParquetSchemasTest {
    private static final Schema SCHEMA = Schema.of(
            Column.of("id", ColumnType.LONG),
            Column.of("price €", ColumnType.DOUBLE),
            Column.of("ok", ColumnType.BOOLEAN),
            Column.of("name", ColumnType.STRING),
            Column.of("2nd-time", ColumnType.TIMESTAMP),
            Column.of("payload", ColumnType.JSON));

    @Test
    void parquet_keepsNamesAndMapsEveryTypeToAnOptionalColumn() {
        MessageType parquet = ParquetSchemas.parquet(SCHEMA);

        assertThat(parquet.getName()).isEqualTo("ferry_record");
        assertThat(parquet.getFields()).extracting(Type::toString).containsExactly(
                "optional int64 id",
                "optional double price €",
                "optional boolean ok",
                "optional binary name (STRING)",
                "optional int64 2nd-time (TIMESTAMP(MICROS,true))",
                "optional binary payload (JSON)");
    }

    @Test
    void avro_sanitizesNamesKeepsOriginalsAsAliasesAndIsParseableAgain() {
        org.apache.avro.Schema avro = ParquetSchemas.avro(SCHEMA);

        org.apache.avro.Schema reparsed = new org.apache.avro.Schema.Parser().parse(avro.toString());

        assertThat(reparsed).isEqualTo(avro);
        assertThat(reparsed.getFields()).extracting(org.apache.avro.Schema.Field::name)
                .containsExactly("id", "price__", "ok", "name", "_2nd_time", "payload");
        assertThat(reparsed.getField("price__").aliases()).containsExactly("price €");
        assertThat(reparsed.getField("_2nd_time").aliases()).containsExactly("2nd-time");
        assertThat(reparsed.getField("id").aliases()).isEmpty();
        assertThat(reparsed.toString()).isEqualTo("{\"type\":\"record\",\"name\":\"ferry_record\",\"fields\":["
                + "{\"name\":\"id\",\"type\":[\"null\",\"long\"],\"default\":null},"
                + "{\"name\":\"price__\",\"type\":[\"null\",\"double\"],\"default\":null,\"aliases\":[\"price €\"]},"
                + "{\"name\":\"ok\",\"type\":[\"null\",\"boolean\"],\"default\":null},"
                + "{\"name\":\"name\",\"type\":[\"null\",{\"type\":\"string\",\"avro.java.string\":\"String\"}],"
                + "\"default\":null},"
                + "{\"name\":\"_2nd_time\",\"type\":[\"null\",{\"type\":\"long\",\"logicalType\":\"timestamp-micros\"}],"
                + "\"default\":null,\"aliases\":[\"2nd-time\"]},"
                + "{\"name\":\"payload\",\"type\":[\"null\",{\"type\":\"string\",\"avro.java.string\":\"String\"}],"
                + "\"default\":null}]}");
    }
}

package io.ferry.s3.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ferry.core.FerryConfigException;
import io.ferry.core.FerryDataException;
import io.ferry.core.record.Column;
import io.ferry.core.record.ColumnType;
import io.ferry.core.record.Record;
import io.ferry.core.record.Schema;
import io.ferry.s3.testing.SharedS3Mock;
import io.ferry.s3.testing.TestStore;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The prepared value of a two-phase export: JSON and Java serialization round trips, no secrets, bad input. */
class PreparedExportTest {
    private static final Schema ROWS = Schema.of(Column.of("id", ColumnType.LONG));

    private static PreparedExport sample() {
        PreparedObject a = PreparedObject.builder().key("out/t/part-w1.csv.gz").uploadId("u-1").writeId("t/w1/1")
                .rows(10).bytes(12)
                .parts(List.of(PreparedPart.builder().number(1).eTag("\"0cc175b9c0f1b6a831c399e269772661\"").size(5)
                                .checksumCrc32("6O8ZHQ==").build(),
                        PreparedPart.builder().number(2).eTag("\"92eb5ffee6ae2fec3ad71c777531578f\"").size(7).build()))
                .build();
        PreparedObject b = PreparedObject.builder().key("out/t/part-w1-\"q\"\u00e9.csv.gz").uploadId("u-2")
                .writeId("t/w1/2").rows(0).bytes(0)
                .parts(List.of(PreparedPart.builder().number(1).eTag("e").size(0).build())).build();
        return PreparedExport.builder().exportToken("20261206T150405Z-9f3a1c2b7d04").writerId("w1").table("events")
                .bucket("b").objects(List.of(a, b)).build();
    }

    @Test
    void json_roundTrip_givesAnEqualValue() {
        PreparedExport p = sample();

        PreparedExport back = PreparedExport.fromJson(p.toJson());

        assertThat(back).isEqualTo(p);
        assertThat(back.rows()).isEqualTo(10);
        assertThat(back.bytes()).isEqualTo(12);
        assertThat(back.objects().get(0).parts().get(0).checksumCrc32()).contains("6O8ZHQ==");
        assertThat(back.objects().get(0).parts().get(1).checksumCrc32()).isEmpty();
    }

    @Test
    void javaSerialization_roundTrip_givesAnEqualValue() throws Exception {
        PreparedExport p = sample();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(p);
        }

        Object back;
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            back = in.readObject();
        }

        assertThat(back).isEqualTo(p);
    }

    @Test
    void json_unknownFields_areSkipped() {
        String json = sample().toJson().replace("{\"version\":1,", "{\"version\":1,\"future\":{\"x\":[1,2]},");

        assertThat(PreparedExport.fromJson(json)).isEqualTo(sample());
    }

    @Test
    void preparedFromAConnectionWithKeys_holdsNoSecret() {
        TestStore store = SharedS3Mock.get();
        String bucket = store.newBucket("tp-secret");
        S3Export export = S3Export.builder().bucket(bucket).connection(store::connect)
                .path("s/part-{{WRITER}}.csv").build();
        PreparedExport p;
        try (ExportWriter w = export.open("t", ROWS, "w1")) {
            w.write(Record.of(ROWS, 1L));
            p = w.prepare();
        }
        export.abort(List.of(p));

        assertThat(p.objects()).hasSize(1);
        for (String text : List.of(p.toString(), p.toJson(), p.objects().toString())) {
            assertThat(text).doesNotContain(TestStore.SECRET_ACCESS_KEY).doesNotContain(TestStore.ACCESS_KEY_ID);
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            # json                                                                   | message
            `[]`                                                                     | PreparedExport JSON, line 1, column 'the prepared export': expected an object, found an array
            `{"version":2,"objects":[]}`                                             | PreparedExport JSON, line 1, column 'version': version 2 is not known; this Ferry reads version 1 (was the value written by a newer Ferry?)
            `{"version":1,"exportToken":7}`                                          | PreparedExport JSON, line 1, column 'exportToken': expected a string, found an integer
            `{"version":1,"exportToken":"t","writerId":"w","table":"t","bucket":"b"}` | PreparedExport JSON, line 1, column 'objects': the field is missing
            `{"version":1,"exportToken":"t","writerId":"w","table":"t","bucket":"b","objects":[{"key":"k","uploadId":"u","parts":[]}]}` | PreparedExport JSON, line 1, column 'writeId': an object lacks the field
            `{"version":1,`                                                          | PreparedExport JSON, line 1: not valid JSON: Unexpected end-of-input within/between Object entries
            """)
    void fromJson_badInput_throwsNamingTheField(String json, String message) {
        assertThatThrownBy(() -> PreparedExport.fromJson(json))
                .isInstanceOf(FerryDataException.class)
                .hasMessage(message);
    }

    @Test
    void fromJson_partsOutOfOrder_throwsConfigError() {
        String json = sample().toJson().replace("\"number\":2", "\"number\":3");

        assertThatThrownBy(() -> PreparedExport.fromJson(json))
                .isInstanceOf(FerryConfigException.class)
                .hasMessage("prepared object out/t/part-w1.csv.gz: part 2 is numbered 3; parts must be numbered"
                        + " 1, 2, ... in order (parts)");
    }

    @Test
    void build_sizeNotTheSumOfParts_throws() {
        assertThatThrownBy(() -> sample().objects().get(0).toBuilder().bytes(13).build())
                .isInstanceOf(FerryConfigException.class)
                .hasMessage("prepared object out/t/part-w1.csv.gz has 13 bytes but its parts hold 12 (bytes)");
    }
}

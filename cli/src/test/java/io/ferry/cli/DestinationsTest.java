package io.ferry.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ferry.core.FerryConfigException;
import io.ferry.formats.Compression;
import io.ferry.formats.csv.CsvFormat;
import io.ferry.formats.json.JsonLinesFormat;
import io.ferry.formats.parquet.ParquetFormat;
import io.ferry.td.TdWriteMode;
import io.ferry.td.TdWriter;
import org.junit.jupiter.api.Test;

class DestinationsTest {
    @Test
    void formatOf_fromTheNamePastTheCompressionSuffix() {
        assertThat(Destinations.formatOf("out.csv", null)).isEqualTo(CsvFormat.csv());
        assertThat(Destinations.formatOf("dir/out.tsv.gz", null)).isEqualTo(CsvFormat.tsv());
        assertThat(Destinations.formatOf("out.jsonl.zst", null)).isInstanceOf(JsonLinesFormat.class);
        assertThat(Destinations.formatOf("out.parquet", null)).isInstanceOf(ParquetFormat.class);
        assertThat(Destinations.formatOf("out.data", "csv")).isEqualTo(CsvFormat.csv());
        assertThat(Destinations.compressionOf("out.tsv.gz")).isEqualTo(Compression.GZIP);
        assertThat(Destinations.compressionOf("out.tsv")).isEqualTo(Compression.NONE);
    }

    @Test
    void formatOf_unknown_throwsNamingTheOption() {
        assertThatThrownBy(() -> Destinations.formatOf("out", null)).isInstanceOf(FerryConfigException.class)
                .hasMessage("cannot tell the format of 'out' from its name; give --format csv|tsv|jsonl|parquet or a"
                        + " name ending in one of them (format)");
        assertThatThrownBy(() -> Destinations.formatOf("out.xml", null)).isInstanceOf(FerryConfigException.class)
                .hasMessage("--format must be csv, tsv, jsonl or parquet, was 'xml' (format)");
    }

    @Test
    void td_keyFromTheEnvironment_uriAndOptionsApplied() {
        TdWriter w = Destinations.td("td://@/analytics/events?mode=replace", "1/destinations-test-key-0011", "http://127.0.0.1:1",
                null, false);

        assertThat(w.database()).isEqualTo("analytics");
        assertThat(w.table()).isEqualTo("events");
        assertThat(w.mode()).isEqualTo(TdWriteMode.REPLACE);
        assertThat(w.endpoint().uri().toString()).isEqualTo("http://127.0.0.1:1");
        assertThat(w.toString()).doesNotContain("destinations-test-key-0011");
    }

    @Test
    void td_keyInTheUri_refusedWithoutPrintingIt() {
        assertThatThrownBy(() -> Destinations.td("td://1%2Furi-key-secret-99@/analytics/events", null, null, null, false))
                .isInstanceOf(FerryConfigException.class)
                .hasMessageContaining("set TD_API_KEY and write td://@/analytics/events")
                .hasMessageNotContaining("uri-key-secret-99");
    }
}

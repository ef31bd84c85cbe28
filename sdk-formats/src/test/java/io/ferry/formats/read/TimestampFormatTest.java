package io.ferry.formats.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ferry.core.FerryConfigException;
import io.ferry.core.FerryDataException;
import io.ferry.core.record.ColumnType;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TimestampFormatTest {
    @ParameterizedTest(name = "{0} reads {1}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            "%Y-%m-%d %H:%M:%S|2015-03-31 06:12:37|2015-03-31T06:12:37Z",
            "%Y-%m-%d %H:%M:%S.%N|2015-03-31 06:12:37.5|2015-03-31T06:12:37.500Z",
            "%Y-%m-%dT%H:%M:%S%z|2015-03-31T06:12:37+09:00|2015-03-30T21:12:37Z",
            "%Y-%m-%dT%H:%M:%S%z|2015-03-31T06:12:37+0900|2015-03-30T21:12:37Z",
            "%Y-%m-%dT%H:%M:%S%z|2015-03-31T06:12:37Z|2015-03-31T06:12:37Z",
            "%d/%b/%Y:%H:%M:%S %z|31/Mar/2015:06:12:37 +0000|2015-03-31T06:12:37Z",
            "%Y-%m-%d|2015-03-31|2015-03-31T00:00:00Z",
            "%Y-%m-%d %H:%M:%S %Z|2015-03-31 06:12:37 Asia/Tokyo|2015-03-30T21:12:37Z",
            "%s|1427782357|2015-03-31T06:12:37Z",
            "%Q|1427782357250|2015-03-31T06:12:37.250Z",
            "yyyy/MM/dd HH:mm|2015/03/31 06:12|2015-03-31T06:12:00Z",
            "-|2015-03-31 06:12:37|2015-03-31T06:12:37Z",
            "-|2015-03-31T06:12:37.123+01:00|2015-03-31T05:12:37.123Z",
            "-|2015-03-31|2015-03-31T00:00:00Z",
            "-|2015-03-31T06:12:37|2015-03-31T06:12:37Z",
            "-|2015-03-31T06:12:37Z|2015-03-31T06:12:37Z",
            "-|2015-03-31t06:12:37z|2015-03-31T06:12:37Z",
            "-|2015-03-31 06:12:37.123456789Z|2015-03-31T06:12:37.123456789Z",
            "-|2015-03-31T06:12:37+09|2015-03-30T21:12:37Z",
            "-|2015-03-31 06:12:37 +0900|2015-03-30T21:12:37Z",
            "-|2015-03-31T06:12|2015-03-31T06:12:00Z"})
    void parse_format_givesInstant(String format, String text, String expected) {
        ParserConfig config = ParserConfig.builder()
                .column(c -> c.name("t").type(ColumnType.TIMESTAMP).format(format)).column("x", ColumnType.STRING)
                .build();
        assertThat(CsvRecordReaderTestSupport.records(config, "\"" + text + "\",x\n").get(0).getInstant("t"))
                .isEqualTo(Instant.parse(expected));
    }

    @Test
    void parse_zonelessWithDefaultZone_usesZone() {
        ParserConfig config = ParserConfig.builder().defaultTimeZone(ZoneId.of("Asia/Tokyo"))
                .column(ColumnConfig.timestamp("t", "%Y-%m-%d %H:%M:%S")).column("x", ColumnType.STRING).build();
        assertThat(CsvRecordReaderTestSupport.records(config, "2015-03-31 06:12:37,x\n").get(0).getInstant("t"))
                .isEqualTo(Instant.parse("2015-03-30T21:12:37Z"));
    }

    @Test
    void parse_mismatch_failsNamingFormat() {
        ParserConfig config = ParserConfig.builder()
                .column(ColumnConfig.timestamp("t", "%Y-%m-%d")).column("x", ColumnType.STRING).build();
        assertThatThrownBy(() -> CsvRecordReaderTestSupport.records(config, "31/03/2015,x\n"))
                .isInstanceOf(FerryDataException.class)
                .hasMessageStartingWith("t.json, line 1, column 't': '31/03/2015' is not a timestamp of the form '%Y-%m-%d'");
    }

    @ParameterizedTest(name = "{0} rejects {1}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            "%Y-%m-%d %H:%M:%S|2015-02-30 06:12:37",
            "%Y-%m-%d %H:%M:%S|2015-03-31 24:12:37",
            "%Y-%m-%d %H:%M:%S|2015-03-31 06:12",
            "%Y-%m-%dT%H:%M:%S|2015-03-31 06:12:37",
            "%Y-%m-%d|2015-02-29",
            "-|2015-02-30"})
    void parse_impossibleDate_isBadValueNotAnotherDay(String format, String text) {
        ParserConfig config = ParserConfig.builder()
                .column(c -> c.name("t").type(ColumnType.TIMESTAMP).format(format)).column("x", ColumnType.STRING)
                .build();
        assertThatThrownBy(() -> CsvRecordReaderTestSupport.records(config, text + ",x\n"))
                .isInstanceOf(FerryDataException.class)
                .hasMessageStartingWith("t.json, line 1, column 't': '" + text + "' is not a timestamp of the form");
    }

    @Test
    void build_unknownDirective_throws() {
        assertThatThrownBy(() -> ColumnConfig.timestamp("t", "%Y-%q"))
                .isInstanceOf(FerryConfigException.class)
                .hasMessageStartingWith("timestamp format '%Y-%q' of column 't' is invalid: unsupported directive %q")
                .hasMessageEndingWith("(columns.format)");
    }

    @Test
    void build_formatOnLongColumn_throws() {
        assertThatThrownBy(() -> ColumnConfig.builder().name("n").type(ColumnType.LONG).format("%s").build())
                .isInstanceOf(FerryConfigException.class)
                .hasMessage("column 'n' is long; a format applies only to timestamp columns, remove it (columns.format)");
    }
}

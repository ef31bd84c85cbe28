package io.ferry.formats.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ferry.core.FerryConfigException;
import io.ferry.core.record.ColumnType;
import io.ferry.formats.Newline;
import java.nio.charset.Charset;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class ParserConfigJsonTest {
    @Test
    void toJson_everyOption_roundTrips() {
        ParserConfig config = ParserConfig.builder().type(ParserType.TSV).charset(Charset.forName("Shift_JIS"))
                .newline(Newline.LF).quote('\'').escape('\\').skipHeaderLines(2).nullString("\\N")
                .commentLineMarker("//").trimIfNotQuoted(true).allowOptionalColumns(true).allowExtraColumns(true)
                .defaultTimeZone(ZoneId.of("Asia/Tokyo")).badRows(BadRowPolicy.SKIP).badRowSamples(3)
                .column("id", ColumnType.LONG)
                .column(c -> c.name("at").type(ColumnType.TIMESTAMP).format("%Y-%m-%d").timeZone(ZoneId.of("UTC")))
                .build();
        assertThat(ParserConfig.fromJson(config.toJson())).isEqualTo(config);
    }

    @Test
    void toJson_defaults_readLikeLoadYml() {
        ParserConfig config = ParserConfig.builder().noQuote().skipHeaderLines(1).column("id", ColumnType.LONG)
                .column(ColumnConfig.timestamp("created_at", "%Y-%m-%d %H:%M:%S")).build();
        String json = config.toJson();
        assertThat(json.replaceAll("\\s+", "")).contains("\"type\":\"csv\",\"charset\":\"UTF-8\",\"newline\":\"CRLF\","
                + "\"delimiter\":\",\",\"quote\":\"\",\"escape\":\"\",\"skip_header_lines\":1")
                .contains("{\"name\":\"created_at\",\"type\":\"timestamp\",\"format\":\"%Y-%m-%d%H:%M:%S\"}");
        assertThat(ParserConfig.fromJson(json)).isEqualTo(config);
    }

    @Test
    void fromJson_unknownKey_namesKnownKeys() {
        assertThatThrownBy(() -> ParserConfig.fromJson("{\"type\":\"csv\",\"delimeter\":\",\"}"))
                .isInstanceOf(FerryConfigException.class)
                .hasMessageStartingWith("unknown key 'delimeter' in the parser config; the keys are [type, charset,")
                .hasMessageEndingWith("(delimeter)");
    }

    @Test
    void fromJson_unknownType_namesAllowedValues() {
        assertThatThrownBy(() -> ParserConfig.fromJson("{\"type\":\"xml\"}"))
                .isInstanceOf(FerryConfigException.class)
                .hasMessage("unknown parser type 'xml'; use csv, tsv, jsonl or json (type)");
    }

    @Test
    void build_noColumns_throws() {
        assertThatThrownBy(() -> ParserConfig.builder().build())
                .isInstanceOf(FerryConfigException.class)
                .hasMessage("at least one column is needed; list the columns or run guess() to infer them (columns)");
    }

    @Test
    void build_quoteEqualsDelimiter_throws() {
        assertThatThrownBy(() -> ParserConfig.builder().delimiter('"').column("a", ColumnType.LONG).build())
                .isInstanceOf(FerryConfigException.class)
                .hasMessage("the quote and the delimiter are both '\"'; choose different characters (quote)");
    }
}

package io.ferry.formats.read;

import static org.assertj.core.api.Assertions.assertThat;

import io.ferry.core.record.ColumnType;
import io.ferry.formats.Newline;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ParserConfigTest {
    private static ParserConfig.Builder base() {
        return ParserConfig.builder().column("id", ColumnType.LONG);
    }

    /** One line per option: a change of that option alone. */
    static Stream<Arguments> oneOptionChanged() {
        return Stream.of(
                change("type", b -> b.type(ParserType.TSV)),
                change("charset", b -> b.charset(StandardCharsets.ISO_8859_1)),
                change("newline", b -> b.newline(Newline.LF)),
                change("delimiter", b -> b.delimiter(';')),
                change("quote", b -> b.quote('\'')),
                change("noQuote", ParserConfig.Builder::noQuote),
                change("escape", b -> b.escape('\\')),
                change("skipHeaderLines", b -> b.skipHeaderLines(1)),
                change("nullString", b -> b.nullString("\\N")),
                change("commentLineMarker", b -> b.commentLineMarker("#")),
                change("trimIfNotQuoted", b -> b.trimIfNotQuoted(true)),
                change("allowOptionalColumns", b -> b.allowOptionalColumns(true)),
                change("allowExtraColumns", b -> b.allowExtraColumns(true)),
                change("defaultTimeZone", b -> b.defaultTimeZone(ZoneId.of("Asia/Tokyo"))),
                change("badRows", b -> b.badRows(BadRowPolicy.SKIP)),
                change("badRowSamples", b -> b.badRowSamples(3)),
                change("maxRecordSize", b -> b.maxRecordSize(1024)),
                change("escapeMode", b -> b.csv(c -> c.escapeMode(EscapeMode.QUOTE_AND_ESCAPE_IN_QUOTES))),
                change("nullRule", b -> b.csv(c -> c.nullRule(NullRule.NULL_STRING_ONLY))),
                change("quotesInQuotedFields", b -> b.csv(c -> c.quotesInQuotedFields(
                        QuotesInQuotedFields.ACCEPT_STRAY_QUOTES_ASSUMING_NO_DELIMITERS_IN_FIELDS))),
                change("maxQuotedSize", b -> b.csv(c -> c.maxQuotedSize(131072))),
                change("root", b -> b.json(j -> j.root("/data")).type(ParserType.JSON)),
                change("flattenJsonArray", b -> b.json(j -> j.flattenJsonArray(true)).type(ParserType.JSON)),
                change("invalidStringEscapes", b -> b.json(j -> j.invalidStringEscapes(InvalidStringEscapes.SKIP))
                        .type(ParserType.JSONL)),
                change("elementAt", b -> b.column(c -> c.name("x").type(ColumnType.JSON).elementAt("/x/0"))
                        .type(ParserType.JSON)),
                change("columns", b -> b.column("name", ColumnType.STRING)));
    }

    private static Arguments change(String option, UnaryOperator<ParserConfig.Builder> edit) {
        return Arguments.of(option, edit);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("oneOptionChanged")
    void equalsAndHashCode_oneOptionDiffers_bothSeeIt(String option, UnaryOperator<ParserConfig.Builder> edit) {
        ParserConfig plain = base().build();
        ParserConfig changed = edit.apply(base()).build();
        assertThat(changed).as(option).isNotEqualTo(plain);
        assertThat(changed.hashCode()).as(option).isNotEqualTo(plain.hashCode());
        ParserConfig again = edit.apply(base()).build();
        assertThat(again).as(option).isEqualTo(changed).hasSameHashCodeAs(changed);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("oneOptionChanged")
    void toBuilder_build_equalsOriginal(String option, UnaryOperator<ParserConfig.Builder> edit) {
        ParserConfig changed = edit.apply(base()).build();
        assertThat(changed.toBuilder().build()).as(option).isEqualTo(changed).hasSameHashCodeAs(changed);
    }

    @Test
    void build_optionsOfTheOtherLayout_areDropped() {
        ParserConfig json = base().type(ParserType.JSON).escape('\\').json(j -> j.root("/r")).build();
        assertThat(json.escape()).isEmpty();
        assertThat(json.json().root()).contains("/r");
        ParserConfig csv = base().escape('\\').json(j -> j.root("/r")).build();
        assertThat(csv.escape()).contains('\\');
        assertThat(csv.json()).isEqualTo(JsonOptions.defaults());
        assertThat(ParserConfig.fromJson(json.toJson())).isEqualTo(json);
    }

    @Test
    void toBuilder_keepsTheResolvedDelimiter_whenTheTypeChanges() {
        ParserConfig csv = base().build();
        assertThat(csv.toBuilder().type(ParserType.TSV).build().delimiter()).isEqualTo(',');
        assertThat(base().type(ParserType.TSV).build().delimiter()).isEqualTo('\t');
    }

    @Test
    void toBuilder_editDoesNotChangeTheOriginal() {
        ParserConfig original = base().build();
        original.toBuilder().column("extra", ColumnType.STRING).skipHeaderLines(4).build();
        assertThat(original.columns()).extracting(ColumnConfig::name).containsExactly("id");
        assertThat(original.skipHeaderLines()).isZero();
        assertThat(original.schema().size()).isEqualTo(1);
    }
}

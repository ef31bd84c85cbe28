package io.ferry.core.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ferry.core.FerryDataException;
import io.ferry.core.record.Column;
import io.ferry.core.record.ColumnType;
import io.ferry.core.record.Record;
import io.ferry.core.record.Schema;
import io.ferry.core.testing.TestClock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FilterApplyTest {
    private static final Schema SCHEMA = FilterSchemaTest.INPUT;
    private static final Instant CREATED = Instant.parse("2024-01-02T03:04:05.900Z");
    private static final Record ROW = Record.of(SCHEMA, 42L, "Alice", "alice@example.com",
            "{\"user\":{\"id\":7}}", CREATED, 1700000000L);

    @Test
    void retain_keepsNamedColumnsInGivenOrder() {
        Record out = Filters.retain("email", "id").apply(ROW);

        assertThat(out).isEqualTo(Record.of(Schema.of(Column.of("email", ColumnType.STRING),
                Column.of("id", ColumnType.LONG)), "alice@example.com", 42L));
    }

    @Test
    void drop_removesNamedColumnsKeepingOrder() {
        Record out = Filters.drop("payload", "email", "epoch").apply(ROW);

        assertThat(out.schema().names()).containsExactly("id", "name", "created_at");
        assertThat(out.getLong("id")).isEqualTo(42L);
        assertThat(out.getString("name")).isEqualTo("Alice");
        assertThat(out.getInstant("created_at")).isEqualTo(CREATED);
    }

    @Test
    void add_appendsTypedConstantToEveryRecord() {
        AddColumnFilter add = Filters.add(Column.of("batch", ColumnType.LONG), 7);

        assertThat(add.value()).isEqualTo(7L);
        assertThat(add.apply(ROW).getLong("batch")).isEqualTo(7L);
        assertThat(Filters.add(Column.of("note", ColumnType.STRING), null).apply(ROW).isNull("note")).isTrue();
        assertThat(add.apply(ROW).schema()).isSameAs(add.apply(ROW).schema());
    }

    @ParameterizedTest(name = "{0} salt [{1}]")
    @CsvSource(delimiter = '|', textBlock = """
            abc                  | ''     | ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad
            abc                  | pepper | fadf7b97406e1eaa259a82e26e6839e564c37c256876e060e17838c86b7275ef
            alice@example.com    | ''     | ff8d9819fc0e12bf0d24892e45987e249a28dce836a85cad60e28eaaa8c6d976
            """)
    void digest_replacesValueBySaltedSha256Hex(String value, String salt, String hex) {
        Schema schema = Schema.of(Column.of("v", ColumnType.STRING));
        DigestFilter digest = Filters.digest("v", salt.isEmpty() ? Optional.empty() : Optional.of(salt));

        assertThat(digest.apply(Record.of(schema, value)).getString("v")).isEqualTo(hex);
    }

    @Test
    void digest_nonStringValue_isDigestedAsTextAndNullStaysNull() {
        Record out = Filters.digest("id").apply(ROW);

        assertThat(out.getString("id")).isEqualTo("73475cb40a568e8da8a045ced110137e159f890ac4da883b6b17dc651b3a8049");
        Schema schema = Schema.of(Column.of("v", ColumnType.STRING));
        assertThat(Filters.digest("v").apply(Record.of(schema, (Object) null)).isNull("v")).isTrue();
    }

    @Test
    void digest_toString_masksSalt() {
        assertThat(Filters.digest("email", Optional.of("s3cr3t-pepper")))
                .hasToString("digest[email, salt=****]")
                .isEqualTo(Filters.digest("email", Optional.of("s3cr3t-pepper")))
                .isNotEqualTo(Filters.digest("email"));
    }

    @Test
    void addTime_uploadTime_isReadOnceAndRefreshedByForRun() {
        TestClock clock = TestClock.at(Instant.parse("2026-11-25T09:00:00Z"));
        AddTimeFilter addTime = Filters.addTime(clock);
        clock.set(Instant.parse("2026-11-25T10:00:00Z"));

        assertThat(addTime.apply(ROW).getLong("time")).isEqualTo(1795597200L);
        assertThat(addTime.apply(ROW).getLong("time")).isEqualTo(1795597200L);
        assertThat(addTime.forRun().apply(ROW).getLong("time")).isEqualTo(1795600800L);
        assertThat(Filters.addTime("created_at").forRun()).isEqualTo(Filters.addTime("created_at"));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(textBlock = """
            2024-01-02T03:04:05.900Z, 1704164645
            1970-01-01T00:00:00Z,     0
            1969-12-31T23:59:59.500Z, -1
            """)
    void addTime_fromTimestamp_givesEpochSecondsRoundedDown(String time, long seconds) {
        Schema schema = Schema.of(Column.of("at", ColumnType.TIMESTAMP));

        Record out = Filters.addTime("at").apply(Record.of(schema, Instant.parse(time)));

        assertThat(out.schema().names()).containsExactly("at", "time");
        assertThat(out.getLong("time")).isEqualTo(seconds);
    }

    @Test
    void addTime_fromLongOrNull_copiesEpochSeconds() {
        assertThat(Filters.addTime("epoch").apply(ROW).getLong("time")).isEqualTo(1700000000L);
        Record replaced = Filters.addTime("created_at").named("created_at").apply(ROW);
        assertThat(replaced.getLong("created_at")).isEqualTo(1704164645L);
        Schema schema = Schema.of(Column.of("at", ColumnType.TIMESTAMP));
        assertThat(Filters.addTime("at").apply(Record.of(schema, (Object) null)).isNull("time")).isTrue();
    }

    @Test
    void apply_recordOfSchemaMissingColumn_throwsConfigError() {
        Schema other = Schema.of(Column.of("x", ColumnType.LONG));

        assertThatThrownBy(() -> Filters.drop("id").apply(Record.of(other, 1L)))
                .isInstanceOf(io.ferry.core.FerryConfigException.class)
                .hasMessage("no column named 'id' to drop; the columns are [x] (drop)");
    }

    @Test
    void apply_alternatingSchemas_usesTheRightPlanForEach() {
        Schema other = Schema.of(Column.of("name", ColumnType.STRING), Column.of("id", ColumnType.LONG));
        RetainColumnsFilter retain = Filters.retain("id");

        assertThat(retain.apply(ROW).getLong("id")).isEqualTo(42L);
        assertThat(retain.apply(Record.of(other, "b", 9L)).getLong("id")).isEqualTo(9L);
        assertThat(retain.apply(ROW).getLong("id")).isEqualTo(42L);
    }

    @Test
    void chain_appliesFiltersInOrder() {
        FilterChain chain = FilterChain.of(
                Filters.expandJson("payload", List.of(JsonField.of("/user/id", "user_id", ColumnType.LONG))),
                Filters.digest("email", Optional.of("pepper")),
                Filters.drop("name", "epoch"),
                Filters.addTime("created_at"))
                .then(Filters.retain("time", "user_id", "email"));

        Record out = chain.apply(ROW);

        assertThat(out.schema()).isEqualTo(chain.outputSchema(SCHEMA));
        assertThat(out.schema().names()).containsExactly("time", "user_id", "email");
        assertThat(out.getLong("time")).isEqualTo(1704164645L);
        assertThat(out.getLong("user_id")).isEqualTo(7L);
        assertThat(out.getString("email")).hasSize(64).isNotEqualTo(
                "ff8d9819fc0e12bf0d24892e45987e249a28dce836a85cad60e28eaaa8c6d976");
    }

    @Test
    void expandJson_malformedJson_throwsDataExceptionNamingColumn() {
        Record bad = Record.of(SCHEMA, 1L, "a", "b", "{\"user\": ", CREATED, 1L);
        ExpandJsonFilter expand = Filters.expandJson("payload", List.of(JsonField.of("/user", "u", ColumnType.JSON)));

        assertThatThrownBy(() -> expand.apply(bad))
                .isInstanceOf(FerryDataException.class)
                .hasMessageStartingWith("expandJson, column 'payload': malformed JSON: ")
                .extracting(e -> ((FerryDataException) e).column()).isEqualTo("payload");
    }
}

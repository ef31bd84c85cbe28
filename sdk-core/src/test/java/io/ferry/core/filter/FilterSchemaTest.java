package io.ferry.core.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ferry.core.FerryConfigException;
import io.ferry.core.record.Column;
import io.ferry.core.record.ColumnType;
import io.ferry.core.record.Schema;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** outputSchema of each filter, and the "build time" configuration errors. */
class FilterSchemaTest {
    static final Schema INPUT = Schema.of(
            Column.of("id", ColumnType.LONG),
            Column.of("name", ColumnType.STRING),
            Column.of("email", ColumnType.STRING),
            Column.of("payload", ColumnType.JSON),
            Column.of("created_at", ColumnType.TIMESTAMP),
            Column.of("epoch", ColumnType.LONG));
    static final String COLUMNS = "[id, name, email, payload, created_at, epoch]";
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-25T09:00:00Z"), ZoneOffset.UTC);
    static final JsonField USER_ID = JsonField.of("/user/id", "user_id", ColumnType.LONG);

    static Stream<Arguments> outputSchemas() {
        return Stream.of(
                Arguments.of(Filters.retain("email", "id"), "[email:string, id:long]"),
                Arguments.of(Filters.drop("payload", "epoch"),
                        "[id:long, name:string, email:string, created_at:timestamp]"),
                Arguments.of(Filters.add(Column.of("src", ColumnType.STRING), "s3"),
                        "[id:long, name:string, email:string, payload:json, created_at:timestamp, epoch:long, src:string]"),
                Arguments.of(Filters.expandJson("payload", List.of(USER_ID)),
                        "[id:long, name:string, email:string, created_at:timestamp, epoch:long, user_id:long]"),
                Arguments.of(Filters.expandJson("payload", List.of(USER_ID)).keepSource(),
                        "[id:long, name:string, email:string, payload:json, created_at:timestamp, epoch:long, user_id:long]"),
                Arguments.of(Filters.expandJson("payload", List.of(JsonField.of("/p", "payload", ColumnType.STRING))),
                        "[id:long, name:string, email:string, created_at:timestamp, epoch:long, payload:string]"),
                Arguments.of(Filters.digest("id"),
                        "[id:string, name:string, email:string, payload:json, created_at:timestamp, epoch:long]"),
                Arguments.of(Filters.addTime(CLOCK),
                        "[id:long, name:string, email:string, payload:json, created_at:timestamp, epoch:long, time:long]"),
                Arguments.of(Filters.addTime("created_at").named("ts"),
                        "[id:long, name:string, email:string, payload:json, created_at:timestamp, epoch:long, ts:long]"),
                Arguments.of(Filters.addTime("created_at").named("created_at"),
                        "[id:long, name:string, email:string, payload:json, created_at:long, epoch:long]"),
                Arguments.of(FilterChain.of(Filters.drop("payload"), Filters.retain("epoch", "id"),
                        Filters.addTime("epoch")), "[epoch:long, id:long, time:long]"),
                Arguments.of(FilterChain.empty(), INPUT.toString()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("outputSchemas")
    void outputSchema_givesExpectedColumns(RecordFilter filter, String expected) {
        assertThat(filter.outputSchema(INPUT)).hasToString(expected);
    }

    static Stream<Arguments> configErrors() {
        return Stream.of(
                Arguments.of(Filters.retain("id", "nope"), "retain",
                        "no column named 'nope' to retain; the columns are " + COLUMNS + " (retain)"),
                Arguments.of(Filters.drop("nope"), "drop",
                        "no column named 'nope' to drop; the columns are " + COLUMNS + " (drop)"),
                Arguments.of(Filters.drop(INPUT.names()), "drop",
                        "dropping " + COLUMNS + " would leave no column; keep at least one (drop)"),
                Arguments.of(Filters.add(Column.of("name", ColumnType.STRING), "x"), "add",
                        "column 'name' already exists; the columns are " + COLUMNS
                                + ". Drop it first or choose another name (add)"),
                Arguments.of(Filters.expandJson("nope", List.of(USER_ID)), "expandJson",
                        "no column named 'nope' to expand; the columns are " + COLUMNS + " (expandJson)"),
                Arguments.of(Filters.expandJson("id", List.of(USER_ID)), "expandJson",
                        "column 'id' is LONG; only a JSON or STRING column can be expanded (expandJson)"),
                Arguments.of(Filters.expandJson("payload", List.of(JsonField.of("/n", "name", ColumnType.STRING))),
                        "expandJson", "column 'name' already exists; the columns are "
                                + "[id, name, email, created_at, epoch]. Drop it first or choose another name (expandJson)"),
                Arguments.of(Filters.digest("nope", Optional.of("salt")), "digest",
                        "no column named 'nope' to digest; the columns are " + COLUMNS + " (digest)"),
                Arguments.of(Filters.addTime("name"), "addTime",
                        "column 'name' is STRING; the time comes from a TIMESTAMP or LONG (epoch seconds) column (addTime)"),
                Arguments.of(Filters.addTime("nope"), "addTime",
                        "no column named 'nope' to take the time from; the columns are " + COLUMNS + " (addTime)"),
                Arguments.of(Filters.addTime(CLOCK).named("epoch"), "addTime",
                        "column 'epoch' already exists; the columns are " + COLUMNS
                                + ". Drop it first or choose another name (addTime)"),
                Arguments.of(FilterChain.of(Filters.drop("email"), Filters.digest("email")), "digest",
                        "no column named 'email' to digest; the columns are [id, name, payload, created_at, epoch] (digest)"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("configErrors")
    void outputSchema_filterNotFittingSchema_throwsNamingFilterAndColumn(RecordFilter filter, String option,
                                                                          String message) {
        assertThatThrownBy(() -> filter.outputSchema(INPUT))
                .isInstanceOf(FerryConfigException.class)
                .hasMessage(message)
                .extracting(e -> ((FerryConfigException) e).option()).isEqualTo(option);
    }

    static Stream<Arguments> factoryErrors() {
        return Stream.of(
                Arguments.of((Supplier<Object>) () -> Filters.retain(), "give at least one column (retain)"),
                Arguments.of((Supplier<Object>) () -> Filters.drop("a", "a"), "column 'a' is named twice (drop)"),
                Arguments.of((Supplier<Object>) () -> Filters.add(Column.of("n", ColumnType.LONG), "x"),
                        "the value for column 'n' does not fit: a String cannot be stored in a LONG column; "
                                + "expected Long (add)"),
                Arguments.of((Supplier<Object>) () -> JsonField.of("user.id", "id", ColumnType.LONG),
                        "'user.id' is not a JSON pointer; write a '/' before each key or array index, as in "
                                + "/user/id or /items/0 (~1 stands for '/' and ~0 for '~' inside a key) (expandJson)"),
                Arguments.of((Supplier<Object>) () -> Filters.expandJson("payload", List.of()),
                        "give at least one JsonField to take out of 'payload' (expandJson)"),
                Arguments.of((Supplier<Object>) () -> Filters.expandJson("payload", List.of(USER_ID,
                        JsonField.of("/id", "user_id", ColumnType.LONG))), "column 'user_id' is named twice (expandJson)"),
                Arguments.of((Supplier<Object>) () -> Filters.addTime("created_at").named(""),
                        "the time column name must not be empty (addTime)"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("factoryErrors")
    void factory_invalidArguments_throw(Supplier<Object> factory, String message) {
        assertThatThrownBy(factory::get).isInstanceOf(FerryConfigException.class).hasMessage(message);
    }
}

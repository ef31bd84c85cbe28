package io.ferry.core.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ferry.core.FerryConfigException;
import java.util.List;
import org.junit.jupiter.api.Test;

class SchemaTest {
    private static final Schema SCHEMA = Schema.of(Column.of("code", ColumnType.LONG), Column.of("cnt", ColumnType.LONG));

    @Test
    void of_keepsOrderAndLooksUpByName() {
        assertThat(SCHEMA.names()).containsExactly("code", "cnt");
        assertThat(SCHEMA.size()).isEqualTo(2);
        assertThat(SCHEMA.indexOf("cnt")).isEqualTo(1);
        assertThat(SCHEMA.indexOf("missing")).isEqualTo(-1);
        assertThat(SCHEMA.column("code")).isEqualTo(Column.of("code", ColumnType.LONG));
        assertThat(SCHEMA.findColumn("missing")).isEmpty();
        assertThat(SCHEMA.toString()).isEqualTo("[code:long, cnt:long]");
    }

    @Test
    void of_duplicateName_throwsNamingIt() {
        assertThatThrownBy(() -> Schema.of(Column.of("a", ColumnType.LONG), Column.of("a", ColumnType.STRING)))
                .isInstanceOf(FerryConfigException.class)
                .hasMessage("column name 'a' appears twice; column names must be unique (schema)");
    }

    @Test
    void column_unknownName_throwsListingTheColumns() {
        assertThatThrownBy(() -> SCHEMA.column("cnt2"))
                .isInstanceOf(FerryConfigException.class)
                .hasMessage("no column named 'cnt2'; the columns are [code, cnt] (column)");
    }

    @Test
    void of_copiesTheList() {
        List<Column> columns = new java.util.ArrayList<>(List.of(Column.of("a", ColumnType.LONG)));
        Schema s = Schema.of(columns);
        columns.add(Column.of("b", ColumnType.LONG));

        assertThat(s.size()).isEqualTo(1);
        assertThatThrownBy(() -> s.columns().add(Column.of("c", ColumnType.LONG)))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void columnOf_emptyName_throws() {
        assertThatThrownBy(() -> Column.of("", ColumnType.LONG))
                .isInstanceOf(FerryConfigException.class)
                .hasMessage("a column name must not be empty (column)");
    }

    @Test
    void equals_sameColumnsInSameOrder() {
        assertThat(Schema.of(Column.of("code", ColumnType.LONG), Column.of("cnt", ColumnType.LONG)))
                .isEqualTo(SCHEMA).hasSameHashCodeAs(SCHEMA);
        assertThat(Schema.of(Column.of("cnt", ColumnType.LONG), Column.of("code", ColumnType.LONG))).isNotEqualTo(SCHEMA);
    }
}

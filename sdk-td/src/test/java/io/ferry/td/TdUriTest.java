package io.ferry.td;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ferry.core.FerryConfigException;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TdUriTest {
    private static final String FORM = "; expected td://[API_KEY]@[HOST]/DATABASE/TABLE[?mode=append|replace|replace_on_new_data] (uri)";

    /** One line per accepted form: URI, database, table, mode, endpoint (- for default), has key, canonical form. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            "td://@/testdb/output_table                              | testdb | output_table | APPEND              | -                                | false | td://@/testdb/output_table?mode=append",
            "td://@/testdb/output_table?mode=append                  | testdb | output_table | APPEND              | -                                | false | td://@/testdb/output_table?mode=append",
            "td://@/testdb/output_table?mode=replace                 | testdb | output_table | REPLACE             | -                                | false | td://@/testdb/output_table?mode=replace",
            "td://@/testdb/output_table?mode=REPLACE_ON_NEW_DATA     | testdb | output_table | REPLACE_ON_NEW_DATA | -                                | false | td://@/testdb/output_table?mode=replace_on_new_data",
            "td:///testdb/output_table                               | testdb | output_table | APPEND              | -                                | false | td://@/testdb/output_table?mode=append",
            "td://1234/abcdef@api.treasuredata.co.jp/testdb/out_t    | testdb | out_t        | APPEND              | https://api.treasuredata.co.jp   | true  | td://****@api.treasuredata.co.jp/testdb/out_t?mode=append",
            "td://1234%2Fabcdef@api.eu01.treasuredata.com/db1/t_1    | db1    | t_1          | APPEND              | https://api.eu01.treasuredata.com | true  | td://****@api.eu01.treasuredata.com/db1/t_1?mode=append",
            "td://KEY@/testdb/output_table?mode=replace              | testdb | output_table | REPLACE             | -                                | true  | td://****@/testdb/output_table?mode=replace",
            "TD://@localhost:8443/abc/xyz                            | abc    | xyz          | APPEND              | https://localhost:8443           | false | td://@localhost:8443/abc/xyz?mode=append",
    })
    void parse_acceptedForms(String uri, String db, String table, TdWriteMode mode, String endpoint, boolean hasKey,
                             String canonical) {
        TdUri u = TdUri.parse(uri);

        assertThat(u.database()).isEqualTo(db);
        assertThat(u.table()).isEqualTo(table);
        assertThat(u.mode()).isEqualTo(mode);
        assertThat(u.endpoint()).isEqualTo(Optional.ofNullable(endpoint).map(TdEndpoint::of));
        assertThat(u.hasApiKey()).isEqualTo(hasKey);
        assertThat(u).hasToString(canonical);
    }

    /** One line per malformed URI: the URI, and the reason the message gives (the key always masked). */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "http://@/testdb/tbl                         | 'http://@/testdb/tbl': it must start with td://",
            "td://@testdb                               | 'td://@testdb': the path /DATABASE/TABLE is missing",
            "td://@/testdb                              | 'td://@/testdb': the path must be exactly /DATABASE/TABLE, was '/testdb'",
            "td://@/testdb/                             | 'td://@/testdb/': the path must be exactly /DATABASE/TABLE, was '/testdb/'",
            "td://@/a/b/c                               | 'td://@/a/b/c': the path must be exactly /DATABASE/TABLE, was '/a/b/c'",
            "td://@//t1                                 | 'td://@//t1': the path must be exactly /DATABASE/TABLE, was '//t1'",
            "td://@/Test-DB/t1                          | 'td://@/Test-DB/t1': the database name 'Test-DB' is not valid: it must be 3 to 256 characters of a-z, 0-9 and _",
            "td://@/testdb/ab                           | 'td://@/testdb/ab': the table name 'ab' is not valid: it must be 3 to 256 characters of a-z, 0-9 and _",
            "td://@/testdb/tbl?mode=overwrite            | 'td://@/testdb/tbl?mode=overwrite': mode must be append, replace or replace_on_new_data, was 'overwrite'",
            "td://@/testdb/tbl?mode=append&mode=replace  | 'td://@/testdb/tbl?mode=append&mode=replace': the parameter mode is given twice",
            "td://@/testdb/tbl?time=12                   | 'td://@/testdb/tbl?time=12': unknown parameter 'time'; the only parameter is mode",
            "td://@/testdb/tbl#frag                      | 'td://@/testdb/tbl#frag': it must not have a fragment (#)",
            "td://1/secret@/testdb                      | 'td://****@/testdb': the path must be exactly /DATABASE/TABLE, was '/testdb'",
            "td://1%2secret@/testdb/tbl                  | 'td://****@/testdb/tbl': the API key has a bad percent-escape; write '%' as %25",
            "td://1/secret@bad host/testdb/tbl           | 'td://****@bad host/testdb/tbl': the host 'bad host' is not valid",
            "td://1/secretkey@api.treasuredata.co.jp/testdb/tbl?apikey=1/secretkey&mode=x | 'td://****@api.treasuredata.co.jp/testdb/tbl?apikey=****&mode=x': unknown parameter 'apikey'; the only parameter is mode",
            "td://@/testdb/tbl?apikey=1/secret2           | 'td://@/testdb/tbl?apikey=****': unknown parameter 'apikey'; the only parameter is mode",
            "td://@/testdb/tbl?api_key=secret3&mode=append | 'td://@/testdb/tbl?api_key=****&mode=append': unknown parameter 'api_key'; the only parameter is mode",
    })
    void parse_malformed_throwsSayingWhatIsWrong(String uri, String reason) {
        assertThatThrownBy(() -> TdUri.parse(uri))
                .isInstanceOf(FerryConfigException.class)
                .hasMessage("malformed td:// URI " + reason + FORM)
                .hasMessageNotContaining("secret");
        assertThat(TdUri.tryParse(uri)).isEmpty();
    }

    @Test
    void parse_thousandsOfSchemes_throwsFerryConfigException() {
        // found by TdUriFuzzTest: masking the URI in the message overflowed the stack
        String uri = "td://".repeat(2000);
        assertThatThrownBy(() -> TdUri.parse(uri))
                .isInstanceOf(FerryConfigException.class)
                .hasMessageStartingWith("malformed td:// URI 'td://td://");
    }
}

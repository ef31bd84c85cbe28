package io.ferry.td.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import io.ferry.core.testing.Fuzz;
import io.ferry.core.testing.TestReport;
import io.ferry.td.TdUri;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** Property: {@code TdUri.parse} throws nothing but FerryException subtypes, in bounded time, on mutated URIs. */
class TdUriFuzzTest {
    static final List<byte[]> URIS = Fuzz.utf8(List.of("td://@/testdb/output_table",
            "td://@/testdb/output_table?mode=append", "td://KEY@/testdb/output_table?mode=replace", "td://1234/abcdef@api.treasuredata.co.jp/testdb/out_t",
            "td://1234%2Fabcdef@api.eu01.treasuredata.com/db1/t_1?mode=REPLACE_ON_NEW_DATA",
            "td://KEY@host:8443/db/t?apikey=KEY&mode=x", "td://[::1]:80/db/t", "td://k@http://127.0.0.1:1/db/t",
            "td:///db/t?mode=append&mode=replace", "TD://%ZZ@h/d/t"));

    @Test
    void tdUriParse_throwsOnlyFerryExceptions() {
        Fuzz.forAll(25, r -> Fuzz.mutatedText(URIS, r), text -> {
            TdUri u = TdUri.parse(text);
            u.toString();
            TdUri.tryParse(text);
        });
    }

    @AfterAll
    static void report() {
        TestReport.line("TdUriFuzzTest", "checked " + Fuzz.calls() + " inputs");
        assertThat(Fuzz.calls()).as("inputs the runner handed to the code under test").isPositive();
    }
}

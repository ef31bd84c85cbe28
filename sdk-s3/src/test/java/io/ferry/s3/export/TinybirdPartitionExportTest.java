package io.ferry.s3.export;

import static org.assertj.core.api.Assertions.assertThat;

import io.ferry.core.record.Column;
import io.ferry.core.record.ColumnType;
import io.ferry.core.record.Record;
import io.ferry.core.record.Schema;
import io.ferry.formats.Newline;
import io.ferry.formats.csv.CsvFormat;
import io.ferry.s3.testing.TestStore;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The two partitioning examples of the Tinybird S3 sink documentation, exported for real: the
 * objects and the rows in each must be exactly the ones the documentation lists, on each test store.
 */
@ParameterizedClass(name = "{0}")
@MethodSource("io.ferry.s3.testing.TestStore#all")
class TinybirdPartitionExportTest extends ExportStoreTest {
    private static final Schema INVOICES = Schema.of(Column.of("customer_id", ColumnType.STRING),
            Column.of("invoice_id", ColumnType.STRING), Column.of("amount", ColumnType.DOUBLE));
    private static final Schema TIMED = Schema.of(Column.of("timestamp", ColumnType.TIMESTAMP),
            Column.of("invoice_id", ColumnType.STRING), Column.of("amount", ColumnType.DOUBLE));
    private static final CsvFormat CSV = CsvFormat.builder().newline(Newline.LF)
            .timestampPattern("yyyy-MM-dd HH:mm:ss").build();

    private static Record invoice(String customer, String invoice, double amount) {
        return Record.of(INVOICES, customer, invoice, amount);
    }

    private static Record timed(String at, String invoice, double amount) {
        return Record.of(TIMED, LocalDateTime.parse(at.replace(' ', 'T')).toInstant(ZoneOffset.UTC), invoice, amount);
    }

    TinybirdPartitionExportTest(TestStore store) {
        super(store);
    }

    private List<String> lines(String bucket, String key) {
        return Arrays.asList(text(bucket, key).split("\n"));
    }

    @Test
    void partitionByCustomer_givesThreeObjectsWithTheirInvoices() {
        String bucket = newBucket("tb-customer");
        List<Record> rows = List.of(
                invoice("ACME", "INV20230608", 23.45),
                invoice("ACME", "12345INV", 12.3),
                invoice("GLOBEX", "INV-ABC-789", 35.34),
                invoice("OSCORP", "INVOICE2023-06-08", 57),
                invoice("ACME", "INV-XYZ-98765", 23.16),
                invoice("OSCORP", "INV210608-001", 62.23),
                invoice("GLOBEX", "987INV654", 36.23));

        ExportResult r = export(bucket).path("invoice_summary_{customer_id}.csv").format(CSV).build()
                .write("invoices", INVOICES, rows);

        assertThat(keys(bucket)).containsExactly("invoice_summary_ACME.csv", "invoice_summary_GLOBEX.csv",
                "invoice_summary_OSCORP.csv");
        assertThat(lines(bucket, "invoice_summary_ACME.csv")).containsExactly("customer_id,invoice_id,amount",
                "ACME,INV20230608,23.45", "ACME,12345INV,12.3", "ACME,INV-XYZ-98765,23.16");
        assertThat(lines(bucket, "invoice_summary_OSCORP.csv")).containsExactly("customer_id,invoice_id,amount",
                "OSCORP,INVOICE2023-06-08,57.0", "OSCORP,INV210608-001,62.23");
        assertThat(lines(bucket, "invoice_summary_GLOBEX.csv")).containsExactly("customer_id,invoice_id,amount",
                "GLOBEX,INV-ABC-789,35.34", "GLOBEX,987INV654,36.23");
        Map<String, Long> rowsPerKey = r.objects().stream()
                .collect(Collectors.toMap(ExportedObject::key, ExportedObject::rows));
        assertThat(rowsPerKey).containsExactlyInAnyOrderEntriesOf(Map.of("invoice_summary_ACME.csv", 3L,
                "invoice_summary_OSCORP.csv", 2L, "invoice_summary_GLOBEX.csv", 2L));
    }

    @Test
    void partitionByHour_givesTwoObjectsWithTheirEvents() {
        String bucket = newBucket("tb-hour");
        List<Record> rows = List.of(
                timed("2023-07-07 09:07:05", "INV20230608", 23.45),
                timed("2023-07-07 09:07:01", "12345INV", 12.3),
                timed("2023-07-07 09:06:45", "INV-ABC-789", 35.34),
                timed("2023-07-07 09:05:35", "INVOICE2023-06-08", 57),
                timed("2023-07-06 23:14:05", "INV-XYZ-98765", 23.16),
                timed("2023-07-06 23:14:02", "INV210608-001", 62.23),
                timed("2023-07-06 23:10:55", "987INV654", 36.23));

        export(bucket).path("invoices_{timestamp, '%Y%m%d-%H'}").format(CSV).build().write("invoices", TIMED, rows);

        assertThat(keys(bucket)).containsExactly("invoices_20230706-23.csv", "invoices_20230707-09.csv");
        assertThat(lines(bucket, "invoices_20230707-09.csv")).containsExactly("timestamp,invoice_id,amount",
                "2023-07-07 09:07:05,INV20230608,23.45", "2023-07-07 09:07:01,12345INV,12.3",
                "2023-07-07 09:06:45,INV-ABC-789,35.34", "2023-07-07 09:05:35,INVOICE2023-06-08,57.0");
        assertThat(lines(bucket, "invoices_20230706-23.csv")).containsExactly("timestamp,invoice_id,amount",
                "2023-07-06 23:14:05,INV-XYZ-98765,23.16", "2023-07-06 23:14:02,INV210608-001,62.23",
                "2023-07-06 23:10:55,987INV654,36.23");
    }

    @Test
    void customerFolderWithFourDumps_spreadsEachCustomerOverFourObjects() {
        String bucket = newBucket("tb-combined");
        List<Record> rows = java.util.stream.IntStream.range(0, 40)
                // {N} spreads by the export's row number: blocks of 5 rows reach every slot of both customers
                .mapToObj(i -> invoice(i / 5 % 2 == 0 ? "ACME" : "OSCORP", "INV" + i, i))
                .collect(Collectors.toList());

        ExportResult r = export(bucket).path("invoices/{customer_id}/dump_{4}.csv").format(CSV).build()
                .write("invoices", INVOICES, rows);

        assertThat(keys(bucket)).containsExactlyInAnyOrder(
                "invoices/ACME/dump_0.csv", "invoices/ACME/dump_1.csv", "invoices/ACME/dump_2.csv",
                "invoices/ACME/dump_3.csv", "invoices/OSCORP/dump_0.csv", "invoices/OSCORP/dump_1.csv",
                "invoices/OSCORP/dump_2.csv", "invoices/OSCORP/dump_3.csv");
        assertThat(r.rows()).isEqualTo(40);
    }
}

package io.ferry.core.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import io.ferry.core.record.Column;
import io.ferry.core.record.ColumnType;
import io.ferry.core.record.Record;
import io.ferry.core.record.Schema;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The partitioning examples of the Tinybird S3 sink, rendered with Ferry's key templates. */
class TinybirdPartitionExamplesTest {
    private static final KeyContext CONTEXT = KeyContext.builder().table("invoices").build();

    private static final Schema BY_CUSTOMER = Schema.of(
            Column.of("customer_id", ColumnType.STRING),
            Column.of("invoice_id", ColumnType.STRING),
            Column.of("amount", ColumnType.DOUBLE));

    private static final List<Record> INVOICES = List.of(
            Record.of(BY_CUSTOMER, "ACME", "INV20230608", 23.45),
            Record.of(BY_CUSTOMER, "ACME", "12345INV", 12.3),
            Record.of(BY_CUSTOMER, "GLOBEX", "INV-ABC-789", 35.34),
            Record.of(BY_CUSTOMER, "OSCORP", "INVOICE2023-06-08", 57.0),
            Record.of(BY_CUSTOMER, "ACME", "INV-XYZ-98765", 23.16),
            Record.of(BY_CUSTOMER, "OSCORP", "INV210608-001", 62.23),
            Record.of(BY_CUSTOMER, "GLOBEX", "987INV654", 36.23));

    private static final Schema BY_TIME = Schema.of(
            Column.of("timestamp", ColumnType.TIMESTAMP),
            Column.of("invoice_id", ColumnType.STRING),
            Column.of("amount", ColumnType.DOUBLE));

    private static final List<Record> TIMED = List.of(
            timed("2023-07-07 09:07:05", "INV20230608", 23.45),
            timed("2023-07-07 09:07:01", "12345INV", 12.3),
            timed("2023-07-07 09:06:45", "INV-ABC-789", 35.34),
            timed("2023-07-07 09:05:35", "INVOICE2023-06-08", 57.0),
            timed("2023-07-06 23:14:05", "INV-XYZ-98765", 23.16),
            timed("2023-07-06 23:14:02", "INV210608-001", 62.23),
            timed("2023-07-06 23:10:55", "987INV654", 36.23));

    private static Record timed(String time, String invoice, double amount) {
        return Record.of(BY_TIME, LocalDateTime.parse(time.replace(' ', 'T')).toInstant(ZoneOffset.UTC),
                invoice, amount);
    }

    private static Map<String, List<String>> split(String template, Schema schema, List<Record> rows) {
        BoundKeyTemplate keys = KeyTemplate.parse(template).bind(schema, "csv", "");
        Map<PartitionKey, List<String>> byPartition = new LinkedHashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            byPartition.computeIfAbsent(keys.partitionOf(rows.get(i), i), p -> new ArrayList<>())
                    .add(rows.get(i).getString("invoice_id"));
        }
        Map<String, List<String>> byKey = new TreeMap<>();
        byPartition.forEach((p, invoices) -> byKey.put(keys.render(p, CONTEXT), invoices));
        return byKey;
    }

    @Test
    void partitionByCustomer_givesThreeObjectsWithTheReferenceRows() {
        assertThat(split("invoice_summary_{customer_id}.csv", BY_CUSTOMER, INVOICES)).containsExactly(
                entry("invoice_summary_ACME.csv", List.of("INV20230608", "12345INV", "INV-XYZ-98765")),
                entry("invoice_summary_GLOBEX.csv", List.of("INV-ABC-789", "987INV654")),
                entry("invoice_summary_OSCORP.csv", List.of("INVOICE2023-06-08", "INV210608-001")));
    }

    @Test
    void partitionByPlainTimestamp_givesOneObjectPerDistinctSecond() {
        assertThat(split("invoices_{timestamp}", BY_TIME, TIMED)).hasSize(7);
    }

    @Test
    void partitionByHour_givesTwoObjectsWithTheReferenceRows() {
        assertThat(split("invoices_{timestamp, '%Y%m%d-%H'}", BY_TIME, TIMED)).containsExactly(
                entry("invoices_20230706-23.csv", List.of("INV-XYZ-98765", "INV210608-001", "987INV654")),
                entry("invoices_20230707-09.csv",
                        List.of("INV20230608", "12345INV", "INV-ABC-789", "INVOICE2023-06-08")));
    }

    @Test
    void partitionByDayFolderAndHourFile_givesReferenceLayout() {
        assertThat(split("invoices/dt={timestamp, '%Y-%m-%d'}/H{timestamp, '%H'}.csv", BY_TIME, TIMED))
                .containsOnlyKeys("invoices/dt=2023-07-06/H23.csv", "invoices/dt=2023-07-07/H09.csv");
    }

    @Test
    void customerFolderWithFourFiles_spreadsEachCustomerOverDumpFiles() {
        Map<String, List<String>> objects = split("invoices/{customer_id}/dump_{4}.csv", BY_CUSTOMER, INVOICES);

        assertThat(objects).containsExactly(
                entry("invoices/ACME/dump_0.csv", List.of("INV20230608", "INV-XYZ-98765")),
                entry("invoices/ACME/dump_1.csv", List.of("12345INV")),
                entry("invoices/GLOBEX/dump_2.csv", List.of("INV-ABC-789", "987INV654")),
                entry("invoices/OSCORP/dump_1.csv", List.of("INV210608-001")),
                entry("invoices/OSCORP/dump_3.csv", List.of("INVOICE2023-06-08")));
    }

    @Test
    void fileCount_spreadsAllRowsEvenlyOverNumberedObjects() {
        Schema schema = Schema.of(Column.of("id", ColumnType.LONG));
        List<Record> rows = new ArrayList<>();
        for (long i = 0; i < 100; i++) {
            rows.add(Record.of(schema, i));
        }
        BoundKeyTemplate keys = KeyTemplate.parse("invoice_summary.{8}.csv").bind(schema, "csv", "");
        Map<String, Integer> counts = new TreeMap<>();
        for (int i = 0; i < rows.size(); i++) {
            counts.merge(keys.render(keys.partitionOf(rows.get(i), i), CONTEXT), 1, Integer::sum);
        }

        assertThat(counts).containsExactly(
                entry("invoice_summary.0.csv", 13), entry("invoice_summary.1.csv", 13),
                entry("invoice_summary.2.csv", 13), entry("invoice_summary.3.csv", 13),
                entry("invoice_summary.4.csv", 12), entry("invoice_summary.5.csv", 12),
                entry("invoice_summary.6.csv", 12), entry("invoice_summary.7.csv", 12));
    }
}
